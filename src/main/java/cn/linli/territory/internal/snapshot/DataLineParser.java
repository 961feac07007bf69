package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import cn.linli.shared.InvalidDivisionCodeException;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks the fields of one data line on their own; the checks between lines are in {@link SnapshotTreeChecks}. */
final class DataLineParser {

    /** GB/T 2260-compatible urban-rural classes of 统计用城乡划分代码 (国统字〔2008〕). */
    static final Set<String> URBAN_RURAL_CODES = Set.of("111", "112", "121", "122", "123", "210", "220");
    private static final int LAST_VALID_CLASS = 599;

    private final SnapshotHeader header;
    private final List<SnapshotProblem> problems;

    DataLineParser(SnapshotHeader header, List<SnapshotProblem> problems) {
        this.header = header;
        this.problems = problems;
    }

    Optional<ParsedLine> parse(int lineNumber, CsvLine line) {
        if (line.quoteLeftOpen()) {
            problems.add(SnapshotProblem.of(lineNumber, null, "snapshot.row.csv.unterminated-quote"));
            return Optional.empty();
        }
        String rawCode = required(lineNumber, line, SnapshotHeader.CODE);
        DivisionCode code = rawCode == null ? null : code(lineNumber, SnapshotHeader.CODE, rawCode,
                "snapshot.row.code.length", "snapshot.row.code.structure");
        String name = name(lineNumber, line);
        DivisionLevel level = level(lineNumber, line, code);
        if (code != null) {
            checkClasses(lineNumber, code);
        }
        String rawParent = required(lineNumber, line, SnapshotHeader.PARENT_CODE);
        DivisionCode parent = rawParent == null ? null : code(lineNumber, SnapshotHeader.PARENT_CODE, rawParent,
                "snapshot.row.parent.length", "snapshot.row.parent.structure");
        return Optional.of(new ParsedLine(lineNumber, rawCode, code, name, level, parent, urbanRural(lineNumber, line)));
    }

    private String required(int lineNumber, CsvLine line, String column) {
        Optional<String> value = header.value(line, column).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            problems.add(SnapshotProblem.of(lineNumber, column, "snapshot.row.missing-value", column));
        }
        return value.orElse(null);
    }

    /** Only 12-digit codes: the 15-digit grid codes that {@link DivisionCode} also accepts are never official. */
    private DivisionCode code(int lineNumber, String column, String raw, String lengthKey, String structureKey) {
        if (raw.length() != 12 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            problems.add(SnapshotProblem.of(lineNumber, column, lengthKey, raw));
            return null;
        }
        try {
            return DivisionCode.of(raw);
        } catch (InvalidDivisionCodeException e) {
            problems.add(SnapshotProblem.of(lineNumber, column, structureKey, raw));
            return null;
        }
    }

    private String name(int lineNumber, CsvLine line) {
        Optional<String> name = header.value(line, SnapshotHeader.NAME);
        if (name.isEmpty()) {
            problems.add(SnapshotProblem.of(lineNumber, SnapshotHeader.NAME, "snapshot.row.missing-value",
                    SnapshotHeader.NAME));
            return null;
        }
        if (name.get().isEmpty()) {
            problems.add(SnapshotProblem.of(lineNumber, SnapshotHeader.NAME, "snapshot.row.name.empty"));
            return null;
        }
        return name.get();
    }

    private DivisionLevel level(int lineNumber, CsvLine line, DivisionCode code) {
        String word = required(lineNumber, line, SnapshotHeader.LEVEL);
        if (word == null) {
            return null;
        }
        Optional<DivisionLevel> level = LevelWords.parse(word);
        if (level.isEmpty()) {
            problems.add(SnapshotProblem.of(lineNumber, SnapshotHeader.LEVEL, "snapshot.row.level.unknown",
                    word, LevelWords.ALLOWED));
            return null;
        }
        if (code != null && code.level() != level.get()) {
            problems.add(SnapshotProblem.of(lineNumber, SnapshotHeader.LEVEL, "snapshot.row.level.contradicts-code",
                    word, code, LevelWords.word(code.level())));
            return null;
        }
        return level.get();
    }

    /** 国统字〔2009〕91号 leaves 600–999 unassigned in both the township and the village part. */
    private void checkClasses(int lineNumber, DivisionCode code) {
        DivisionLevel level = code.level();
        boolean hasTownshipPart = level == DivisionLevel.TOWNSHIP || level == DivisionLevel.COMMUNITY;
        if (hasTownshipPart && code.townshipDigits() > LAST_VALID_CLASS) {
            problems.add(SnapshotProblem.of(lineNumber, SnapshotHeader.CODE, "snapshot.row.code.township-class",
                    code, code.value().substring(6, 9)));
        }
        if (level == DivisionLevel.COMMUNITY && code.villageDigits() > LAST_VALID_CLASS) {
            problems.add(SnapshotProblem.of(lineNumber, SnapshotHeader.CODE, "snapshot.row.code.village-class",
                    code, code.value().substring(9, 12)));
        }
    }

    private String urbanRural(int lineNumber, CsvLine line) {
        String value = header.value(line, SnapshotHeader.URBAN_RURAL).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        if (!URBAN_RURAL_CODES.contains(value)) {
            problems.add(SnapshotProblem.of(lineNumber, SnapshotHeader.URBAN_RURAL, "snapshot.row.urban-rural.unknown",
                    value));
            return null;
        }
        return value;
    }
}
