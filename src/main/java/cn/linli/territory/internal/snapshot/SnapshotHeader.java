package cn.linli.territory.internal.snapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

/** Where the columns are: files differ in order and in optional columns (urban-rural class, centre point). */
record SnapshotHeader(Map<String, Integer> indexByColumn) {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String LEVEL = "level";
    static final String PARENT_CODE = "parent_code";
    static final String URBAN_RURAL = "urban_rural_code";
    static final List<String> REQUIRED = List.of(CODE, NAME, LEVEL, PARENT_CODE);

    static SnapshotHeader of(CsvLine line) {
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < line.fields().size(); i++) {
            indexes.putIfAbsent(line.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return new SnapshotHeader(Map.copyOf(indexes));
    }

    List<String> missingColumns() {
        return REQUIRED.stream().filter(column -> !indexByColumn.containsKey(column)).toList();
    }

    boolean has(String column) {
        return indexByColumn.containsKey(column);
    }

    /** The stripped value, or empty when the line stops before this column. */
    Optional<String> value(CsvLine line, String column) {
        Integer index = indexByColumn.get(column);
        if (index == null || index >= line.fields().size()) {
            return Optional.empty();
        }
        return Optional.of(line.fields().get(index).strip());
    }
}
