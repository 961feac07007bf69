package cn.linli.casework.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Human-readable case numbers: the day in the city's time zone and the day's sequence, e.g. {@code 20261126-0042},
 * as callers read them out on the phone. Each day counts on a database sequence of its own
 * ({@code casework_case_no_20261126}), so intakes never wait for each other (a counter row locked until each
 * intake commits serialised them) and every instance on the database draws from the same sequence. The price: an
 * intake that fails after numbering leaves a gap, as sequences do not roll back; validation runs before numbering,
 * so only a failed write does.
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** A new case's id and number, drawn in one round trip. */
    record Drawn(long id, String number) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final Set<LocalDate> opened = ConcurrentHashMap.newKeySet();

    CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Signals a transaction that it needs a day not opened yet: open it outside the transaction and retry. */
    static final class DayNotOpen extends RuntimeException {
        final LocalDate day;

        DayNotOpen(LocalDate day) {
            super("case numbers of " + day + " not opened yet", null, false, false);
            this.day = day;
        }
    }

    /**
     * Draws the next number of a day that {@link #open} opened. Never opens a day itself: it runs inside the
     * intake's transaction, and opening needs a connection of its own — with every pooled connection held by an
     * intake waiting for a second one, the pool would deadlock (as it did under the HTTP load test).
     *
     * @throws DayNotOpen when the day has not been opened on this instance
     */
    Drawn next(LocalDate day) {
        if (!opened.contains(day)) throw new DayNotOpen(day);
        return jdbc.sql("select nextval('casework_case_seq'), nextval('" + sequence(day) + "')")
                .query((rs, n) -> new Drawn(rs.getLong(1), DAY.format(day) + "-" + String.format("%04d", rs.getLong(2))))
                .single();
    }

    static String sequence(LocalDate day) {
        return "casework_case_no_" + DAY.format(day);
    }

    /**
     * Creates the day's sequence, outside any intake's transaction (H2 commits a transaction at DDL, and PostgreSQL
     * would hold the new sequence's catalogue lock until the intake commits); {@code if not exists} lets two
     * instances open the day at once.
     */
    void open(LocalDate day) {
        if (opened.contains(day)) return;
        try {
            separately.executeWithoutResult(status -> {
                // A day numbered by the counter rows of earlier versions goes on after their last number.
                int last = jdbc.sql("select last_seq from casework_day_counter where counter_day = :day").param("day", day)
                        .query(Integer.class).optional().orElse(0);
                jdbc.sql("create sequence if not exists " + sequence(day) + " start with " + (last + 1)).update();
            });
        } catch (DataAccessException e) {
            // Created by another instance at the same moment (PostgreSQL's "if not exists" is not race-free); drawing
            // from it below fails loudly if it really is missing.
        }
        opened.add(day);
    }
}
