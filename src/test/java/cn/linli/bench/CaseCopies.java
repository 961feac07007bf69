package cn.linli.bench;

import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bulk path of the million-case benchmark: copies cases that the domain wrote (through {@code CaseWork}) row
 * for row — the case, its history and its units — and queues the copies for the indicator rollup, which folds them
 * as it folds any case. A copy differs from its template only in its id, its number, its idempotency key (none) and
 * its times, all moved by the copy's shift in whole days; {@code CaseCopiesIT} checks exactly that, and that the
 * rollup counts a copy as it counts its template. What a copy does not redo is the domain's arithmetic: its
 * deadlines are the template's moved by the shift, not recomputed on the calendar of the new days.
 */
public final class CaseCopies {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Copies number from here within a day, far above any day's count of real intakes. */
    static final int NUMBER_BASE = 90000;
    private static final int BATCH = 2000;

    private final JdbcTemplate jdbc;

    public CaseCopies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One table's rows of the templates, with the column names and SQL types to write them back. */
    private record Rows(List<String> columns, int[] types, List<Object[]> values) {
        int column(String name) {
            return columns.indexOf(name);
        }
    }

    /**
     * Writes {@code copies} copies of every template; copy {@code k} is moved by {@code shiftDays[k]} days.
     * Returns the id of the first copy (copies take consecutive ids from there).
     */
    public long copy(List<Long> templates, int[] shiftDays) {
        String in = templates.stream().map(String::valueOf).collect(Collectors.joining(","));
        Rows cases = rows("select * from casework_case where id in (" + in + ") order by id", "");
        Rows history = rows("select * from casework_case_history where case_id in (" + in + ") order by id", "id");
        Rows units = rows("select * from casework_case_unit where case_id in (" + in + ")", "");
        long first = jdbc.queryForObject("select coalesce(max(id), 0) from casework_case", Long.class) + 1000;
        Map<String, Integer> perDay = new HashMap<>();
        long next = first;
        List<Object[]> caseBatch = new ArrayList<>();
        List<Object[]> historyBatch = new ArrayList<>();
        List<Object[]> unitBatch = new ArrayList<>();
        for (int shift : shiftDays) {
            for (Object[] template : cases.values()) {
                long id = next++;
                long templateId = ((Number) template[cases.column("id")]).longValue();
                caseBatch.add(copyCase(cases, template, id, shift, perDay));
                for (Object[] line : history.values()) {
                    if (((Number) line[history.column("case_id")]).longValue() == templateId) {
                        historyBatch.add(moved(history, line, shift, Map.of("case_id", id)));
                    }
                }
                for (Object[] unit : units.values()) {
                    if (((Number) unit[units.column("case_id")]).longValue() == templateId) {
                        unitBatch.add(moved(units, unit, shift, Map.of("case_id", id)));
                    }
                }
                if (caseBatch.size() >= BATCH) flush(cases, caseBatch, history, historyBatch, units, unitBatch);
            }
        }
        flush(cases, caseBatch, history, historyBatch, units, unitBatch);
        jdbc.update("insert into casework_indicator_due (case_id) select id from casework_case where id >= ? order by id", first);
        jdbc.execute("alter sequence casework_case_seq restart with " + (next + 50));
        return first;
    }

    private Object[] copyCase(Rows cases, Object[] template, long id, int shift, Map<String, Integer> perDay) {
        Object[] copy = moved(cases, template, shift, Map.of("id", id));
        Instant received = instant(copy[cases.column("received_at")]);
        String day = DAY.format(LocalDate.ofInstant(received, CITY));
        Integer last = perDay.get(day);
        int n = (last == null ? lastCopyNumber(day) : last) + 1;
        perDay.put(day, n);
        copy[cases.column("number")] = day + "-" + (NUMBER_BASE + n);
        copy[cases.column("idempotency_key")] = null;
        return copy;
    }

    /** The highest copy number already given on the day (copies of earlier runs), or 0. */
    private int lastCopyNumber(String day) {
        String last = jdbc.queryForObject("select max(number) from casework_case where number like ?", String.class, day + "-9%");
        return last == null ? 0 : Integer.parseInt(last.substring(9)) - NUMBER_BASE;
    }

    private void flush(Rows cases, List<Object[]> caseBatch, Rows history, List<Object[]> historyBatch, Rows units,
            List<Object[]> unitBatch) {
        insert("casework_case", cases, caseBatch);
        insert("casework_case_history", history, historyBatch);
        insert("casework_case_unit", units, unitBatch);
    }

    private void insert(String table, Rows rows, List<Object[]> batch) {
        if (batch.isEmpty()) return;
        String sql = "insert into " + table + " (" + String.join(", ", rows.columns()) + ") values ("
                + rows.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        jdbc.batchUpdate(sql, batch, rows.types());
        batch.clear();
    }

    /** A row with its times moved by {@code days} and some columns replaced. */
    private static Object[] moved(Rows rows, Object[] row, int days, Map<String, Object> replaced) {
        Object[] copy = row.clone();
        for (int i = 0; i < copy.length; i++) {
            if (rows.types()[i] == Types.TIMESTAMP_WITH_TIMEZONE && copy[i] != null) {
                copy[i] = OffsetDateTime.ofInstant(instant(copy[i]).plusSeconds(86400L * days), ZoneOffset.UTC);
            }
        }
        replaced.forEach((column, value) -> copy[rows.column(column)] = value);
        return copy;
    }

    private Rows rows(String sql, String skipped) {
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        jdbc.query(sql, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            if (columns.isEmpty()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i).toLowerCase());
                    types.add(sqlType(meta, i));
                }
            }
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
            values.add(row);
        });
        int skip = columns.indexOf(skipped);
        if (skip >= 0) {
            columns.remove(skip);
            types.remove(skip);
            values.replaceAll(v -> {
                Object[] kept = new Object[v.length - 1];
                for (int i = 0, j = 0; i < v.length; i++) if (i != skip) kept[j++] = v[i];
                return kept;
            });
        }
        return new Rows(columns, types.stream().mapToInt(Integer::intValue).toArray(), values);
    }

    /** PostgreSQL reports timestamptz as TIMESTAMP; both vendors' time zone columns are written as OffsetDateTime. */
    private static int sqlType(ResultSetMetaData meta, int column) throws java.sql.SQLException {
        int type = meta.getColumnType(column);
        String name = meta.getColumnTypeName(column).toLowerCase();
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || name.contains("timestamptz") || name.contains("with time zone")) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        return type;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof Timestamp t) return t.toInstant();
        if (value instanceof java.time.ZonedDateTime z) return z.toInstant();
        throw new IllegalArgumentException("not a time: " + value);
    }

    /** Shift days for {@code copies} copies spread evenly over the {@code days} days before the templates' day. */
    public static int[] spreadBack(int copies, int days) {
        int[] shifts = new int[copies];
        for (int k = 0; k < copies; k++) shifts[k] = -(int) ((long) k * days / copies);
        return shifts;
    }

    static Map<String, Object> row(List<String> columns, Object[] values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) map.put(columns.get(i), values[i]);
        return map;
    }
}
