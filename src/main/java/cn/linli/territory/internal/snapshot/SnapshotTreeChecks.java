package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks that need the whole file: unique codes, one city, and every parent present, one level up and
 * sharing the child's code prefix. A line whose own fields failed is not checked again here, and neither is a
 * child of such a line, so that one mistake is reported once.
 */
final class SnapshotTreeChecks {

    /** Line number used for problems that concern the file as a whole. */
    static final int WHOLE_FILE = 0;

    private final List<SnapshotProblem> problems;

    SnapshotTreeChecks(List<SnapshotProblem> problems) {
        this.problems = problems;
    }

    void check(List<ParsedLine> lines) {
        Map<String, ParsedLine> byRawCode = firstLineOfEachCode(lines);
        checkSingleCity(lines);
        for (ParsedLine line : lines) {
            if (line.level() != null && line.parentCode() != null) {
                checkParent(line, byRawCode);
            }
        }
    }

    private Map<String, ParsedLine> firstLineOfEachCode(List<ParsedLine> lines) {
        Map<String, ParsedLine> byRawCode = new HashMap<>();
        for (ParsedLine line : lines) {
            if (line.rawCode() == null) {
                continue;
            }
            ParsedLine first = byRawCode.putIfAbsent(line.rawCode(), line);
            if (first != null) {
                problems.add(SnapshotProblem.of(line.line(), SnapshotHeader.CODE, "snapshot.row.code.duplicate",
                        line.rawCode(), first.line()));
            }
        }
        return byRawCode;
    }

    private void checkSingleCity(List<ParsedLine> lines) {
        List<ParsedLine> cities = lines.stream().filter(line -> line.level() == DivisionLevel.CITY).toList();
        if (cities.isEmpty()) {
            problems.add(SnapshotProblem.of(WHOLE_FILE, null, "snapshot.file.no-city"));
        }
        for (ParsedLine extra : cities.subList(Math.min(1, cities.size()), cities.size())) {
            problems.add(SnapshotProblem.of(extra.line(), SnapshotHeader.LEVEL, "snapshot.row.city.duplicate",
                    cities.get(0).line()));
        }
    }

    private void checkParent(ParsedLine line, Map<String, ParsedLine> byRawCode) {
        DivisionCode parentCode = line.parentCode();
        if (line.level() == DivisionLevel.CITY) {
            // The province is outside the file; all that can be checked is that it is the city's own province.
            String province = line.code() == null ? null : line.code().value().substring(0, 2) + "0000000000";
            if (province != null && !parentCode.value().equals(province)) {
                problems.add(SnapshotProblem.of(line.line(), SnapshotHeader.PARENT_CODE, "snapshot.row.city.parent",
                        parentCode, province));
            }
            return;
        }
        ParsedLine parent = byRawCode.get(parentCode.value());
        if (parent == null) {
            problems.add(SnapshotProblem.of(line.line(), SnapshotHeader.PARENT_CODE, "snapshot.row.parent.unknown",
                    parentCode));
            return;
        }
        if (parent.level() == null || parent.code() == null) {
            return;
        }
        DivisionLevel expected = line.level().parent();
        if (parent.level() != expected) {
            problems.add(SnapshotProblem.of(line.line(), SnapshotHeader.PARENT_CODE, "snapshot.row.parent.wrong-level",
                    parentCode, LevelWords.word(parent.level()), LevelWords.word(line.level()), LevelWords.word(expected)));
            return;
        }
        if (line.code() != null && !line.code().value().startsWith(parent.code().prefix())) {
            problems.add(SnapshotProblem.of(line.line(), SnapshotHeader.PARENT_CODE, "snapshot.row.parent.not-nesting",
                    line.code(), parentCode));
        }
    }
}
