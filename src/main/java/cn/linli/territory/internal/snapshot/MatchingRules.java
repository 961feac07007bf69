package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The automatic matching rules, applied level by level from the city down so that a unit's parent is always
 * decided before the unit. A name rule only pairs a name that is unique on both sides: guessing between two
 * "新华村" is left to the reviewer.
 */
final class MatchingRules {

    /** Stands for the province above the city, which neither side contains. */
    private static final String ROOT = "root";

    private final CurrentTerritory territory;
    private final SnapshotTerritory snapshot;
    private final Matching matching;

    MatchingRules(CurrentTerritory territory, SnapshotTerritory snapshot, Matching matching) {
        this.territory = territory;
        this.snapshot = snapshot;
        this.matching = matching;
    }

    /** (a) Same code and same normalised name. A reused code with a different name is never enough. */
    void byCodeAndName(DivisionLevel level) {
        for (CurrentUnit unit : territory.atLevel(level)) {
            SnapshotRow row = unit.code() == null ? null : snapshot.row(unit.code());
            if (row != null && row.level() == level && !matching.isMatched(row)
                    && normalised(unit).sameUnitAs(normalised(row))) {
                matching.match(unit, row, MatchRule.CODE_AND_NAME);
            }
        }
    }

    /** (b) Same normalised name among the children of a parent and of the row it was matched to. */
    void byNameUnderParent(DivisionLevel level) {
        Map<String, List<CurrentUnit>> units = new LinkedHashMap<>();
        for (CurrentUnit unit : unmatchedUnits(level)) {
            String parentKey = matchedParentKey(unit);
            if (parentKey != null) {
                units.computeIfAbsent(parentKey, key -> new ArrayList<>()).add(unit);
            }
        }
        Map<String, List<SnapshotRow>> rows = new HashMap<>();
        for (SnapshotRow row : unmatchedRows(level)) {
            String parentKey = level == DivisionLevel.CITY ? ROOT : row.parentCode().value();
            rows.computeIfAbsent(parentKey, key -> new ArrayList<>()).add(row);
        }
        units.forEach((parentKey, siblings) -> pairUniqueNames(siblings, rows.getOrDefault(parentKey, List.of()),
                MatchRule.NAME_UNDER_PARENT, candidate -> true));
    }

    /**
     * (c) Same normalised name within the matched county, when the unit's parent is abolished or the row's parent
     * is new: the children of a dissolved unit (前进区's pseudo-township) reappear under new streets.
     */
    void byNameInCounty(DivisionLevel level) {
        Map<DivisionCode, List<CurrentUnit>> units = new LinkedHashMap<>();
        for (CurrentUnit unit : unmatchedUnits(level)) {
            CurrentUnit county = territory.countyOf(unit);
            UnitMatch countyMatch = county == null || county == unit ? null : matching.ofUnit(county.unitId());
            if (countyMatch != null) {
                units.computeIfAbsent(countyMatch.newCode(), key -> new ArrayList<>()).add(unit);
            }
        }
        Map<DivisionCode, List<SnapshotRow>> rows = new HashMap<>();
        for (SnapshotRow row : unmatchedRows(level)) {
            DivisionCode county = SnapshotTerritory.countyOf(row);
            if (county != null && !county.equals(row.code())) {
                rows.computeIfAbsent(county, key -> new ArrayList<>()).add(row);
            }
        }
        units.forEach((county, inCounty) -> pairUniqueNames(inCounty, rows.getOrDefault(county, List.of()),
                MatchRule.NAME_IN_COUNTY, this::parentChanges));
    }

    /** Whether the unit leaves an abolished parent or the row sits under a new one. */
    private boolean parentChanges(Candidate candidate) {
        boolean parentAbolished = matching.ofUnit(candidate.unit().parentUnitId()) == null;
        boolean parentNew = matching.ofCode(candidate.row().parentCode()) == null;
        return parentAbolished || parentNew;
    }

    private void pairUniqueNames(List<CurrentUnit> units, List<SnapshotRow> rows, MatchRule rule,
                                 Predicate<Candidate> eligible) {
        pairUniqueBy(units, rows, NormalisedName::full, rule, eligible);
        // Township stems (乡/镇 dropped) only after full names, so that a county with both X乡 and X镇 pairs exactly.
        pairUniqueBy(units, rows, NormalisedName::stem, rule, eligible);
    }

    private void pairUniqueBy(List<CurrentUnit> units, List<SnapshotRow> rows, Function<NormalisedName, String> key,
                              MatchRule rule, Predicate<Candidate> eligible) {
        Map<String, List<CurrentUnit>> unitsByName = new LinkedHashMap<>();
        units.stream().filter(unit -> !matching.isMatched(unit))
                .forEach(unit -> unitsByName.computeIfAbsent(key.apply(normalised(unit)), k -> new ArrayList<>()).add(unit));
        Map<String, List<SnapshotRow>> rowsByName = new HashMap<>();
        rows.stream().filter(row -> !matching.isMatched(row))
                .forEach(row -> rowsByName.computeIfAbsent(key.apply(normalised(row)), k -> new ArrayList<>()).add(row));
        unitsByName.forEach((name, sameNameUnits) -> {
            List<SnapshotRow> sameNameRows = rowsByName.getOrDefault(name, List.of());
            if (sameNameUnits.size() == 1 && sameNameRows.size() == 1) {
                Candidate candidate = new Candidate(sameNameUnits.get(0), sameNameRows.get(0));
                if (eligible.test(candidate)) {
                    matching.match(candidate.unit(), candidate.row(), rule);
                }
            }
        });
    }

    private String matchedParentKey(CurrentUnit unit) {
        if (unit.level() == DivisionLevel.CITY) {
            return ROOT;
        }
        UnitMatch parentMatch = matching.ofUnit(Objects.requireNonNull(unit.parentUnitId()));
        return parentMatch == null ? null : parentMatch.newCode().value();
    }

    private List<CurrentUnit> unmatchedUnits(DivisionLevel level) {
        return territory.atLevel(level).stream().filter(unit -> !matching.isMatched(unit)).toList();
    }

    private List<SnapshotRow> unmatchedRows(DivisionLevel level) {
        return snapshot.atLevel(level).stream().filter(row -> !matching.isMatched(row)).toList();
    }

    static NormalisedName normalised(CurrentUnit unit) {
        return NormalisedName.of(unit.name(), unit.code(), unit.level());
    }

    static NormalisedName normalised(SnapshotRow row) {
        return NormalisedName.of(row.name(), row.code(), row.level());
    }

    private record Candidate(CurrentUnit unit, SnapshotRow row) {
    }
}
