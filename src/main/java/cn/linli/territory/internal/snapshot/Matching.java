package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The matches decided so far, one-to-one in both directions. */
final class Matching {

    private final Map<Long, UnitMatch> byUnit = new HashMap<>();
    private final Map<DivisionCode, UnitMatch> byCode = new HashMap<>();
    private final List<UnitMatch> inOrder = new ArrayList<>();

    void match(CurrentUnit unit, SnapshotRow row, MatchRule rule) {
        if (byUnit.containsKey(unit.unitId()) || byCode.containsKey(row.code())) {
            throw new IllegalStateException("matched twice: unit " + unit.unitId() + " / code " + row.code());
        }
        UnitMatch match = new UnitMatch(unit.unitId(), row.code(), rule);
        byUnit.put(unit.unitId(), match);
        byCode.put(row.code(), match);
        inOrder.add(match);
    }

    boolean isMatched(CurrentUnit unit) {
        return byUnit.containsKey(unit.unitId());
    }

    boolean isMatched(SnapshotRow row) {
        return byCode.containsKey(row.code());
    }

    UnitMatch ofUnit(long unitId) {
        return byUnit.get(unitId);
    }

    UnitMatch ofCode(DivisionCode code) {
        return byCode.get(code);
    }

    List<UnitMatch> all() {
        return List.copyOf(inOrder);
    }
}
