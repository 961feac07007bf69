package cn.linli.casework.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.casework.DayIndicators;
import cn.linli.casework.IndicatorCounts;

/** Sums of the daily rollup: a unit's period is a primary-key range, a ranking one range per compared unit. */
@Component
public class IndicatorReading {

    /** The kinds of subject the rollup counts for. */
    public enum Subject {
        UNIT('H'), AREA('A'), WORKER('W');

        final char code;

        Subject(char code) {
            this.code = code;
        }
    }

    private static final String SUMS = Arrays.stream(Measure.values())
            .map(m -> "coalesce(sum(" + m.column() + "), 0) as " + m.column()).collect(Collectors.joining(", "));
    private static final String COLUMNS = Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    IndicatorReading(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public IndicatorCounts sum(Subject subject, long id, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + SUMS + " from casework_indicator_day where subject = :s and subject_id = :id"
                + " and on_day between :from and :to")
                .param("s", String.valueOf(subject.code)).param("id", id).param("from", from).param("to", to)
                .query((rs, n) -> counts(rs)).single();
    }

    /** The sums per subject id, for the ids given (all of the subject's kind when null); ids with no rows are absent. */
    public Map<Long, IndicatorCounts> sums(Subject subject, Collection<Long> ids, LocalDate from, LocalDate to) {
        if (ids != null && ids.isEmpty()) return Map.of();
        Map<Long, IndicatorCounts> sums = new HashMap<>();
        JdbcClient.StatementSpec query = jdbc.sql("select subject_id, " + SUMS + " from casework_indicator_day where subject = :s"
                + (ids == null ? "" : " and subject_id in (:ids)") + " and on_day between :from and :to group by subject_id")
                .param("s", String.valueOf(subject.code)).param("from", from).param("to", to);
        if (ids != null) query = query.param("ids", ids);
        query.query((rs, n) -> sums.put(rs.getLong("subject_id"), counts(rs))).list();
        return sums;
    }

    public List<DayIndicators> daily(Subject subject, long id, LocalDate from, LocalDate to) {
        return jdbc.sql("select on_day, " + COLUMNS + " from casework_indicator_day where subject = :s and subject_id = :id"
                + " and on_day between :from and :to order by on_day")
                .param("s", String.valueOf(subject.code)).param("id", id).param("from", from).param("to", to)
                .query((rs, n) -> new DayIndicators(rs.getObject("on_day", LocalDate.class), counts(rs))).list();
    }

    private static IndicatorCounts counts(ResultSet rs) throws SQLException {
        long[] values = new long[Measure.values().length];
        for (Measure m : Measure.values()) values[m.ordinal()] = rs.getLong(m.column());
        return IndicatorCounts.of(values);
    }
}
