package cn.linli.worktime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.linli.worktime.CalendarDay;
import cn.linli.worktime.CalendarFileProblem;
import cn.linli.worktime.CalendarFileRejected;
import cn.linli.worktime.DayKind;
import cn.linli.worktime.RejectedTimeInput;

/**
 * Reads the calendar file ({@code date,kind,name_en,name_zh}, UTF-8, the format of the bundled
 * {@code worktime/china-official-calendar.csv}). The whole file is checked before anything is returned: a file with
 * any bad line is rejected with every problem, so an upload either stores all its days or none.
 */
public final class CalendarCsv {

    static final String HEADER = "date,kind,name_en,name_zh";
    private static final Map<String, String> COLUMNS = Map.of("date", "date", "kind", "kind", "nameEn", "name_en", "nameZh", "name_zh");

    private CalendarCsv() {
    }

    /** The days of the file, in file order, or {@link CalendarFileRejected} with every problem. */
    public static List<CalendarDay> parse(byte[] bytes) {
        List<CalendarFileProblem> problems = new ArrayList<>();
        List<CalendarDay> days = new ArrayList<>();
        String[] lines = text(bytes).split("\\R", -1);
        if (!HEADER.equals(lines[0].strip().toLowerCase(java.util.Locale.ROOT).replace(" ", ""))) {
            throw new CalendarFileRejected(List.of(CalendarFileProblem.of(1, "header", "worktime.error.file-header", HEADER)));
        }
        Map<LocalDate, Integer> firstLine = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            int lineNumber = i + 1;
            line(lineNumber, lines[i], problems).ifPresent(day -> {
                Integer earlier = firstLine.putIfAbsent(day.date(), lineNumber);
                if (earlier != null) {
                    problems.add(CalendarFileProblem.of(lineNumber, "date", "worktime.error.file-duplicate", day.date().toString(), earlier));
                } else {
                    days.add(day);
                }
            });
        }
        if (days.isEmpty() && problems.isEmpty()) problems.add(CalendarFileProblem.of(1, "file", "worktime.error.file-empty"));
        if (!problems.isEmpty()) throw new CalendarFileRejected(problems);
        return days;
    }

    private static Optional<CalendarDay> line(int number, String line, List<CalendarFileProblem> problems) {
        List<String> cells = cells(line);
        if (cells.size() != 4) {
            problems.add(CalendarFileProblem.of(number, "line", "worktime.error.file-columns", cells.size()));
            return Optional.empty();
        }
        int before = problems.size();
        LocalDate date = null;
        try {
            date = LocalDate.parse(cells.get(0).strip());
        } catch (DateTimeParseException e) {
            problems.add(CalendarFileProblem.of(number, "date", "worktime.error.date", cells.get(0)));
        }
        Optional<DayKind> kind = DayKind.fromCode(cells.get(1));
        if (kind.isEmpty()) problems.add(CalendarFileProblem.of(number, "kind", "worktime.error.kind", cells.get(1)));
        if (problems.size() > before) return Optional.empty();
        try {
            return Optional.of(new CalendarDay(date, kind.get(), cells.get(2), cells.get(3)));
        } catch (RejectedTimeInput rejected) {
            problems.add(new CalendarFileProblem(number, COLUMNS.getOrDefault(rejected.field(), rejected.field()),
                    rejected.getCodes()[0], List.of(rejected.getArguments())));
            return Optional.empty();
        }
    }

    /** Comma-separated cells; a cell in double quotes may hold commas, and "" inside quotes is one quote. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The file as text: strict UTF-8 (a file saved as GBK by a spreadsheet is refused, not garbled), no BOM. */
    private static String text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CalendarFileRejected(List.of(CalendarFileProblem.of(1, "file", "worktime.error.file-encoding")));
        }
    }
}
