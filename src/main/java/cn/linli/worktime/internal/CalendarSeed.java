package cn.linli.worktime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.AuditLog;
import cn.linli.worktime.CalendarDay;
import cn.linli.worktime.WorkingTime;

/**
 * Fills an empty calendar from the bundled official calendar on first start, then loads the calendar into memory.
 * Only an empty table is filled, so days an administrator removed never come back; when several instances start
 * at once, the first one's rows win and the others' duplicate-key failure is expected.
 */
@Component
class CalendarSeed implements SmartInitializingSingleton {

    static final String BUNDLED = "worktime/china-official-calendar.csv";
    private static final Logger log = LoggerFactory.getLogger(CalendarSeed.class);

    private final CalendarStore store;
    private final TransactionTemplate transactions;
    private final WorkingTime workingTime;

    CalendarSeed(CalendarStore store, TransactionTemplate transactions, WorkingTime workingTime) {
        this.store = store;
        this.transactions = transactions;
        this.workingTime = workingTime;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seedIfEmpty();
        workingTime.reload();
    }

    void seedIfEmpty() {
        if (store.count() > 0) return;
        List<CalendarDay> days = CalendarCsv.parse(bundled());
        try {
            transactions.executeWithoutResult(status -> days.forEach(day -> store.put(day, AuditLog.SYSTEM)));
            log.info("Loaded {} official calendar days from {}", days.size(), BUNDLED);
        } catch (DuplicateKeyException e) {
            log.info("Another instance loaded the official calendar first");
        }
    }

    private static byte[] bundled() {
        try {
            return new ClassPathResource(BUNDLED).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
