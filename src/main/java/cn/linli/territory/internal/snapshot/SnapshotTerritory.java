package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The snapshot rows indexed for matching. The rows are those of an accepted file, so codes nest in parents. */
final class SnapshotTerritory {

    private final Map<DivisionCode, SnapshotRow> byCode = new HashMap<>();
    private final Map<DivisionLevel, List<SnapshotRow>> byLevel = new EnumMap<>(DivisionLevel.class);

    SnapshotTerritory(List<SnapshotRow> rows) {
        for (SnapshotRow row : rows) {
            if (byCode.putIfAbsent(row.code(), row) != null) {
                throw new IllegalArgumentException("code " + row.code() + " occurs twice in the snapshot");
            }
            byLevel.computeIfAbsent(row.level(), level -> new ArrayList<>()).add(row);
        }
        byLevel.values().forEach(list -> list.sort(Comparator.comparing(SnapshotRow::code)));
    }

    SnapshotRow row(DivisionCode code) {
        return byCode.get(code);
    }

    List<SnapshotRow> atLevel(DivisionLevel level) {
        return byLevel.getOrDefault(level, List.of());
    }

    /** The county code the row lies in (read from its digits), the row itself for a county, {@code null} for the city. */
    static DivisionCode countyOf(SnapshotRow row) {
        if (row.level() == DivisionLevel.CITY) {
            return null;
        }
        return DivisionCode.of(row.code().countyDigits() + "000000");
    }
}
