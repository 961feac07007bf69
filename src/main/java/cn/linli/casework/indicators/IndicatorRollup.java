package cn.linli.casework.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.Role;
import cn.linli.access.UserDirectory;
import cn.linli.access.UserSummary;
import cn.linli.casework.CaseStage;
import cn.linli.casework.internal.Deadlines;
import cn.linli.worktime.TimeLimitUnit;
import cn.linli.worktime.WorkingTime;

/**
 * Keeps the indicator rollup up to date. Every transition queues its case ({@link IndicatorQueue}, in the
 * transition's transaction); {@link #drain()} folds the queued cases many at a time, each case's history lines that
 * are not applied yet, so a case queued twice, or folded before its queue row is seen, changes nothing the second
 * time. One instance drains at a time (a lock row). The rebuild folds the same history through the same
 * {@link CaseFold}.
 */
@Component
public class IndicatorRollup {

    /** Queue rows folded per transaction. */
    static final int BATCH = 500;
    private static final int ATTEMPTS = 5;

    private final IndicatorStore store;
    private final Deadlines deadlines;
    private final WorkingTime workingTime;
    private final UserDirectory users;
    private final TransactionTemplate transactions;

    IndicatorRollup(IndicatorStore store, Deadlines deadlines, WorkingTime workingTime, UserDirectory users,
            TransactionTemplate transactions) {
        this.store = store;
        this.deadlines = deadlines;
        this.workingTime = workingTime;
        this.users = users;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
    }

    /**
     * The fold for one transaction. Who is a grid worker is looked up once per user and transaction: a batch of
     * cases taken in at one window asks about the same few users hundreds of times.
     */
    private CaseFold fold() {
        Map<String, Optional<Long>> workers = new HashMap<>();
        return new CaseFold(new CaseFold.Context() {
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
                return workers.computeIfAbsent(username, name -> users.findByUsername(name)
                        .filter(u -> u.hasRole(Role.GRID_WORKER)).map(UserSummary::id)).orElse(null);
            }
        });
    }

    /**
     * Folds the queued cases, many per transaction, until the queue is empty; the caller's thread does the work
     * (the {@link IndicatorDrainer}'s, or a test's). Returns the queue rows folded, or -1 when another instance is
     * draining at the moment (it folds whatever is queued, this instance's rows included).
     */
    public int drain() {
        int total = 0;
        while (true) {
            int folded = drainBatch();
            if (folded < 0) return total == 0 ? -1 : total;
            total += folded;
            if (folded < BATCH) return total;
        }
    }

    /** How many transitions wait to be folded (the benchmarks wait for none). */
    public long queued() {
        return store.queued();
    }

    private int drainBatch() {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    if (!store.lockDrain(false)) return -1;
                    List<IndicatorStore.Due> due = store.due(BATCH);
                    if (due.isEmpty()) return 0;
                    fold(due.stream().map(IndicatorStore.Due::caseId).distinct().toList());
                    store.dequeue(due);
                    return due.size();
                });
            } catch (ConcurrencyFailureException e) {
                // A rebuild or catch-up holding rollup rows on H2, whose lock waits end after a second.
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

    /** Folds the case's history lines not yet in the rollup, in the caller's transaction, waiting for a drain. */
    public void catchUp(long caseId) {
        store.lockDrain(true);
        fold(List.of(caseId));
    }

    /**
     * Folds the cases' new lines with one read of their tracks, facts and lines, and one write of the summed
     * counters and the tracks: a batch of cases of one street adds to its rows once, not once per line.
     */
    private void fold(List<Long> caseIds) {
        Map<Long, List<CaseFold.Line>> lines = store.lines(caseIds);
        if (lines.isEmpty()) return;
        Map<Long, Track> tracks = store.tracks(lines.keySet());
        Map<Long, CaseFold.Facts> facts = store.facts(lines.keySet());
        CaseFold fold = fold();
        Deltas deltas = new Deltas();
        List<Track> changed = new ArrayList<>(lines.size());
        for (Map.Entry<Long, List<CaseFold.Line>> caseLines : lines.entrySet()) {
            CaseFold.Facts caseFacts = facts.get(caseLines.getKey());
            if (caseFacts == null) continue;
            Track track = tracks.getOrDefault(caseLines.getKey(), new Track(caseLines.getKey()));
            fold.apply(track, caseFacts, caseLines.getValue(), deltas);
            changed.add(track);
        }
        store.add(deltas);
        store.saveAll(changed);
    }

    /**
     * Recomputes the rollup's days from {@code from} to {@code to} from the history, and every folded case's track.
     * Meant for an operator after a repair or a change of the formulas, with casework quiet: it runs in one
     * transaction and folds every case received by the end of {@code to}.
     */
    public int rebuild(LocalDate from, LocalDate to) {
        Instant end = to.plusDays(1).atStartOfDay(CaseFold.CITY).toInstant();
        return transactions.execute(status -> {
            store.lockDrain(true);
            store.clearDays(from, to);
            List<Long> cases = store.casesReceivedBy(end);
            CaseFold fold = fold();
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
