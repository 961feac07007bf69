package cn.linli.casework.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Human-readable case numbers: the day in the city's time zone and the day's sequence, e.g. {@code 20261126-0042},
 * as callers read them out on the phone. The day's counter row is locked by the update until the intake commits,
 * so two intakes never share a number and a rolled-back intake gives its number back.
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(LocalDate day) {
        return DAY.format(day) + "-" + String.format("%04d", nextSequence(day));
    }

    private int nextSequence(LocalDate day) {
        if (increment(day) == 0) {
            openDay(day);
            if (increment(day) == 0) throw new IllegalStateException("No case-number counter for " + day);
        }
        return jdbc.sql("select last_seq from casework_day_counter where counter_day = :day").param("day", day).query(Integer.class).single();
    }

    private int increment(LocalDate day) {
        return jdbc.sql("update casework_day_counter set last_seq = last_seq + 1 where counter_day = :day").param("day", day).update();
    }

    /**
     * Creates the day's counter in a transaction of its own: a failed insert would abort the intake's transaction on
     * PostgreSQL, and when two intakes open the day at once one insert fails harmlessly and both then count on.
     */
    private void openDay(LocalDate day) {
        try {
            separately.executeWithoutResult(status ->
                    jdbc.sql("insert into casework_day_counter (counter_day, last_seq) values (:day, 0)").param("day", day).update());
        } catch (DuplicateKeyException e) {
            // Opened by another intake meanwhile.
        }
    }
}
