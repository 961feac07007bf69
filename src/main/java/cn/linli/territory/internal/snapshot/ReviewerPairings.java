package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reviewer's pairings, applied at their level right after the code-and-name rule: a pairing may overrule a
 * name rule (the reviewer knows that a renumbered farm area kept its code), but not a unit or code that already
 * agrees in both code and name, and a unit or code can be paired only once.
 */
final class ReviewerPairings {

    private final List<ReviewerPairing> applicable = new ArrayList<>();
    private final List<PairingProblem> problems = new ArrayList<>();
    private final CurrentTerritory territory;
    private final SnapshotTerritory snapshot;

    ReviewerPairings(List<ReviewerPairing> pairings, CurrentTerritory territory, SnapshotTerritory snapshot) {
        this.territory = territory;
        this.snapshot = snapshot;
        Set<Long> units = new HashSet<>();
        Set<DivisionCode> codes = new HashSet<>();
        for (ReviewerPairing pairing : pairings) {
            boolean firstForUnit = units.add(pairing.unitId());
            boolean firstForCode = codes.add(pairing.newCode());
            if (!firstForUnit) {
                problems.add(PairingProblem.of(pairing, "snapshot.pairing.unit.duplicate", pairing.unitId()));
            }
            if (!firstForCode) {
                problems.add(PairingProblem.of(pairing, "snapshot.pairing.code.duplicate", pairing.newCode()));
            }
            if (firstForUnit && firstForCode && refersToComparableUnits(pairing)) {
                applicable.add(pairing);
            }
        }
    }

    private boolean refersToComparableUnits(ReviewerPairing pairing) {
        CurrentUnit unit = territory.unit(pairing.unitId());
        SnapshotRow row = snapshot.row(pairing.newCode());
        if (unit == null) {
            problems.add(PairingProblem.of(pairing, "snapshot.pairing.unit.unknown", pairing.unitId()));
        }
        if (row == null) {
            problems.add(PairingProblem.of(pairing, "snapshot.pairing.code.unknown", pairing.newCode()));
        }
        if (unit != null && row != null && unit.level() != row.level()) {
            problems.add(PairingProblem.of(pairing, "snapshot.pairing.level.mismatch", pairing.unitId(),
                    LevelWords.word(unit.level()), pairing.newCode(), LevelWords.word(row.level())));
            return false;
        }
        return unit != null && row != null;
    }

    void apply(DivisionLevel level, Matching matching) {
        for (ReviewerPairing pairing : applicable) {
            CurrentUnit unit = territory.unit(pairing.unitId());
            if (unit.level() != level) {
                continue;
            }
            UnitMatch unitMatch = matching.ofUnit(unit.unitId());
            UnitMatch codeMatch = matching.ofCode(pairing.newCode());
            if (unitMatch != null) {
                problems.add(PairingProblem.of(pairing, "snapshot.pairing.unit.already-matched", unit.unitId(),
                        unitMatch.newCode(), unitMatch.rule()));
            }
            if (codeMatch != null) {
                problems.add(PairingProblem.of(pairing, "snapshot.pairing.code.already-matched", pairing.newCode(),
                        codeMatch.unitId(), codeMatch.rule()));
            }
            if (unitMatch == null && codeMatch == null) {
                matching.match(unit, snapshot.row(pairing.newCode()), MatchRule.REVIEWER);
            }
        }
    }

    List<PairingProblem> problems() {
        return List.copyOf(problems);
    }
}
