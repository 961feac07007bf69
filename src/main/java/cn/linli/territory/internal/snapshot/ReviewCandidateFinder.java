package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts unmatched units next to unmatched rows that look related, so that a reviewer can pair them instead of
 * accepting the default abolish-and-create. Only same-level pairs inside the same matched county are compared
 * (the city for counties); a pair is listed once, under its strongest reason. Also lists the name matches that
 * took a unit away from a code now carrying another name, the one case where a name rule may have guessed wrong.
 */
final class ReviewCandidateFinder {

    private final CurrentTerritory territory;
    private final SnapshotTerritory snapshot;
    private final Matching matching;

    ReviewCandidateFinder(CurrentTerritory territory, SnapshotTerritory snapshot, Matching matching) {
        this.territory = territory;
        this.snapshot = snapshot;
        this.matching = matching;
    }

    List<ReviewCandidate> find() {
        List<ReviewCandidate> candidates = new ArrayList<>();
        for (DivisionLevel level : SnapshotComparison.COMPARED_LEVELS) {
            List<SnapshotRow> rows = snapshot.atLevel(level).stream().filter(row -> !matching.isMatched(row)).toList();
            for (CurrentUnit unit : territory.atLevel(level)) {
                if (!matching.isMatched(unit)) {
                    rows.forEach(row -> reasonToCompare(unit, row)
                            .ifPresent(reason -> candidates.add(candidate(unit, row, reason))));
                }
            }
        }
        candidates.addAll(nameMatchesOverReusedCodes());
        return candidates;
    }

    private List<ReviewCandidate> nameMatchesOverReusedCodes() {
        List<ReviewCandidate> candidates = new ArrayList<>();
        for (DivisionLevel level : SnapshotComparison.COMPARED_LEVELS) {
            for (CurrentUnit unit : territory.atLevel(level)) {
                UnitMatch match = matching.ofUnit(unit.unitId());
                SnapshotRow sameCode = unit.code() == null ? null : snapshot.row(unit.code());
                if (match != null && isByName(match) && sameCode != null && !sameCode.code().equals(match.newCode())
                        && overrulable(sameCode)) {
                    candidates.add(candidate(unit, sameCode, ReviewReason.NAME_MATCH_OVER_REUSED_CODE));
                }
            }
        }
        return candidates;
    }

    private static boolean isByName(UnitMatch match) {
        return match.rule() == MatchRule.NAME_UNDER_PARENT || match.rule() == MatchRule.NAME_IN_COUNTY;
    }

    /** A reviewer pairing may take a row that is unmatched or matched by name, as {@link ReviewerPairings} allows. */
    private boolean overrulable(SnapshotRow row) {
        UnitMatch rowMatch = matching.ofCode(row.code());
        return rowMatch == null || isByName(rowMatch);
    }

    private Optional<ReviewReason> reasonToCompare(CurrentUnit unit, SnapshotRow row) {
        if (row.code().equals(unit.code())) {
            return Optional.of(ReviewReason.SAME_CODE_DIFFERENT_NAME);
        }
        if (!inSameMatchedCounty(unit, row)) {
            return Optional.empty();
        }
        NormalisedName unitName = MatchingRules.normalised(unit);
        NormalisedName rowName = MatchingRules.normalised(row);
        if (unitName.sameUnitAs(rowName)) {
            return Optional.of(ReviewReason.SAME_NAME_IN_COUNTY);
        }
        if (NameSimilarity.similar(unitName.full(), rowName.full(), underSameParent(unit, row))) {
            return Optional.of(ReviewReason.SIMILAR_NAME_IN_COUNTY);
        }
        return Optional.empty();
    }

    private boolean underSameParent(CurrentUnit unit, SnapshotRow row) {
        UnitMatch parentMatch = unit.parentUnitId() == null ? null : matching.ofUnit(unit.parentUnitId());
        return parentMatch != null && parentMatch.newCode().equals(row.parentCode());
    }

    /** Counties are compared within the city, which is always the same one. */
    private boolean inSameMatchedCounty(CurrentUnit unit, SnapshotRow row) {
        if (unit.level() == DivisionLevel.COUNTY || unit.level() == DivisionLevel.CITY) {
            return true;
        }
        CurrentUnit county = territory.countyOf(unit);
        UnitMatch countyMatch = county == null ? null : matching.ofUnit(county.unitId());
        DivisionCode rowCounty = SnapshotTerritory.countyOf(row);
        return countyMatch != null && Objects.equals(countyMatch.newCode(), rowCounty);
    }

    private static ReviewCandidate candidate(CurrentUnit unit, SnapshotRow row, ReviewReason reason) {
        return new ReviewCandidate(unit.unitId(), unit.code(), unit.name(), row.code(), row.name(), unit.level(), reason);
    }
}
