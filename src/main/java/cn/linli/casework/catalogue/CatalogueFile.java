package cn.linli.casework.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.linli.casework.CaseStage;
import cn.linli.casework.Categories;
import cn.linli.worktime.TimeLimit;

/**
 * Reads the default catalogue ({@code casework/default-catalogue.csv}): one row per category, a major row before its
 * minor rows, whose blank cells take the major row's handler, limits and conditions. The rows become drafts that go
 * through the same rules as an administrator's input, so the shipped file cannot hold what a form would refuse.
 */
public final class CatalogueFile {

    public static final String RESOURCE = "casework/default-catalogue.csv";
    private static final int COLUMNS = 18;
    private static final String TERRITORIAL = "territorial";

    /** A draft with the line it came from, to name the line when the rules refuse it. */
    public record Row(int line, Categories.Draft draft) {
    }

    private CatalogueFile() {
    }

    public static List<Row> read(InputStream in) throws IOException {
        String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
        Map<String, String[]> majors = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) {
                header = false;
                continue;
            }
            String[] cells = Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new);
            if (cells.length != COLUMNS) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": " + cells.length + " columns, expected " + COLUMNS);
            }
            if (cells[1].isEmpty()) majors.put(cells[0], cells);
            rows.add(new Row(i + 1, draft(cells, majors.get(cells[1]))));
        }
        return rows;
    }

    private static Categories.Draft draft(String[] c, String[] major) {
        boolean minor = major != null;
        String handler = minor ? or(c[3], major[3]) : "";
        Map<CaseStage, Categories.LimitInput> normal = new EnumMap<>(CaseStage.class);
        Map<CaseStage, Categories.LimitInput> urgent = new EnumMap<>(CaseStage.class);
        if (minor) {
            for (CaseStage stage : CaseStage.values()) {
                normal.put(stage, limit(or(c[6 + stage.ordinal()], major[6 + stage.ordinal()])));
                urgent.put(stage, limit(or(c[10 + stage.ordinal()], major[10 + stage.ordinal()])));
            }
        }
        String flags = c[14];
        List<String> keywords = c[15].isEmpty() ? List.of() : Arrays.asList(c[15].split("、"));
        return new Categories.Draft(c[0], c[1], c[2], c[4], c[5], normal, urgent,
                minor ? or(c[16], major[16]) : null, minor ? or(c[17], major[17]) : null,
                flags.contains("P"), flags.contains("C"), flags.contains("S"),
                handler.isEmpty() ? null : handler.equals(TERRITORIAL) ? "TERRITORIAL" : "DEPARTMENT",
                handler.equals(TERRITORIAL) ? null : handler, keywords, "default catalogue");
    }

    private static Categories.LimitInput limit(String text) {
        if (text.isEmpty()) return null;
        TimeLimit limit = CategoryLimit.parse(text);
        return new Categories.LimitInput((int) limit.amount(), limit.unit().name());
    }

    private static String or(String own, String inherited) {
        return own.isEmpty() ? inherited : own;
    }
}
