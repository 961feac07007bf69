package cn.linli.casework.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.Role;
import cn.linli.access.UserDirectory;
import cn.linli.access.UserSummary;
import cn.linli.casework.CaseChanged;
import cn.linli.casework.CaseStage;
import cn.linli.casework.internal.Deadlines;
import cn.linli.worktime.TimeLimitUnit;
import cn.linli.worktime.WorkingTime;

/**
 * Keeps the indicator rollup up to date. An event only says "case N changed": the listener folds every history line
 * of the case it has not applied yet, so a redelivered or late event changes nothing and events arriving out of
 * order are harmless. The rebuild folds the same history through the same {@link CaseFold}.
 */
@Component
public class IndicatorRollup {

    private final IndicatorStore store;
    private final CaseFold fold;
    private static final int ATTEMPTS = 5;

    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransaction;

    IndicatorRollup(IndicatorStore store, Deadlines deadlines, WorkingTime workingTime, UserDirectory users,
            TransactionTemplate transactions) {
        this.store = store;
        this.transactions = transactions;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.fold = new CaseFold(new CaseFold.Context() {
            @Override
            public Instant handlingDue(String category, boolean urgent, Instant start, Instant receivedAt) {
                return deadlines.due(category, urgent, CaseStage.HANDLE, start, receivedAt);
            }

            @Override
            public long workingMinutes(Instant from, Instant to) {
                return to.isAfter(from) ? workingTime.elapsed(from, to, TimeLimitUnit.WORKING_HOURS).toMinutes() : 0;
            }

            @Override
            public Long gridWorkerId(String username) {
                return users.findByUsername(username).filter(u -> u.hasRole(Role.GRID_WORKER)).map(UserSummary::id).orElse(null);
            }
        });
    }

    /**
     * Folds in a transaction of its own, retried a few times: two events of one case wait for each other on the case's
     * row lock, and H2 gives up waiting after a second where PostgreSQL waits.
     */
    /**
     * Asynchronous after commit, with the publication kept by the registry until it completes. Deliberately not
     * {@code @ApplicationModuleListener}: that opens a transaction of its own around this method, and the retry below
     * opens another, so every busy listener held two pooled connections and a burst of events could starve the pool.
     */
    @Async
    @TransactionalEventListener
    void on(CaseChanged event) {
        for (int attempt = 1; ; attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> catchUp(event.caseId()));
                return;
            } catch (ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) throw e;
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Applies the case's history lines not yet in the rollup, in the caller's transaction. */
    public void catchUp(long caseId) {
        if (!store.lockCase(caseId)) return;
        Track track = store.track(caseId).orElseGet(() -> new Track(caseId));
        List<CaseFold.Line> lines = store.lines(caseId, track.lastHistoryId);
        if (lines.isEmpty()) return;
        CaseFold.Facts facts = store.facts(caseId).orElseThrow();
        Deltas deltas = new Deltas();
        fold.apply(track, facts, lines, deltas);
        store.add(deltas);
        store.save(track);
    }

    /**
     * Recomputes the rollup's days from {@code from} to {@code to} from the history, and every folded case's track.
     * Meant for an operator after a repair or a change of the formulas, with casework quiet: it runs in one
     * transaction and folds every case received by the end of {@code to}.
     */
    public int rebuild(LocalDate from, LocalDate to) {
        Instant end = to.plusDays(1).atStartOfDay(CaseFold.CITY).toInstant();
        return transactions.execute(status -> {
            store.clearDays(from, to);
            List<Long> cases = store.casesReceivedBy(end);
            for (long caseId : cases) {
                Track track = new Track(caseId);
                Deltas deltas = new Deltas();
                fold.apply(track, store.facts(caseId).orElseThrow(), store.lines(caseId, 0), deltas);
                store.add(deltas.only(day -> !day.isBefore(from) && !day.isAfter(to)));
                store.save(track);
            }
            return cases.size();
        });
    }
}
