package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionLevel;

import java.util.List;

/**
 * Compares the territory with an official snapshot and proposes the reorganisation for a reviewer. Matching goes
 * from the city down, one level at a time, so that each rule can rely on the parents already being decided:
 * (a) same code and normalised name, then the reviewer's pairings, (b) same name under the matched parent,
 * (c) same name in the matched county when the parent is abolished or new. Whatever is left is abolished or
 * created by default, with look-alike pairs listed for review. Nothing is ever matched on a code alone, because
 * codes are reused for other units.
 */
public final class SnapshotComparison {

    static final List<DivisionLevel> COMPARED_LEVELS =
            List.of(DivisionLevel.CITY, DivisionLevel.COUNTY, DivisionLevel.TOWNSHIP, DivisionLevel.COMMUNITY);
    static final List<DivisionLevel> BOTTOM_UP =
            List.of(DivisionLevel.COMMUNITY, DivisionLevel.TOWNSHIP, DivisionLevel.COUNTY, DivisionLevel.CITY);

    private SnapshotComparison() {
    }

    public static SnapshotDiff compare(List<CurrentUnit> current, List<SnapshotRow> snapshot) {
        return compare(current, snapshot, List.of());
    }

    /**
     * @throws InvalidPairingsException listing every pairing that cannot hold
     * @throws IllegalArgumentException when the current units do not form a tree or ids or codes repeat
     */
    public static SnapshotDiff compare(List<CurrentUnit> current, List<SnapshotRow> snapshot,
                                       List<ReviewerPairing> pairings) {
        CurrentTerritory territory = new CurrentTerritory(current);
        SnapshotTerritory rows = new SnapshotTerritory(snapshot);
        Matching matching = new Matching();
        ReviewerPairings reviewer = new ReviewerPairings(pairings, territory, rows);
        MatchingRules rules = new MatchingRules(territory, rows, matching);
        for (DivisionLevel level : COMPARED_LEVELS) {
            rules.byCodeAndName(level);
            reviewer.apply(level, matching);
            rules.byNameUnderParent(level);
            rules.byNameInCounty(level);
        }
        if (!reviewer.problems().isEmpty()) {
            throw new InvalidPairingsException(reviewer.problems());
        }
        return new SnapshotDiff(new OperationPlanner(territory, rows, matching).plan(), matching.all(),
                new ReviewCandidateFinder(territory, rows, matching).find());
    }
}
