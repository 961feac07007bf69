package cn.linli.casework.indicators;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Changes to the rollup collected while history lines are folded, one counter row per subject and day. Kept sorted,
 * so concurrent listeners lock rollup rows in the same order and never deadlock.
 */
final class Deltas {

    /** A rollup row's key: subject kind (H, A, W), the subject's id and the day in the city's time zone. */
    record Key(char subject, long id, LocalDate day) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::subject).thenComparingLong(Key::id)
                .thenComparing(Key::day);
    }

    private final Map<Key, long[]> rows = new TreeMap<>(Key.ORDER);

    void add(Key key, Measure measure, long amount) {
        if (amount == 0) return;
        rows.computeIfAbsent(key, k -> new long[Measure.values().length])[measure.ordinal()] += amount;
    }

    Map<Key, long[]> rows() {
        return rows;
    }

    /** Only the rows whose day passes, for a rebuild of a period. */
    Deltas only(Predicate<LocalDate> days) {
        Deltas kept = new Deltas();
        rows.forEach((k, v) -> {
            if (days.test(k.day())) kept.rows.put(k, v);
        });
        return kept;
    }

    boolean isEmpty() {
        return rows.values().stream().allMatch(v -> java.util.Arrays.stream(v).allMatch(n -> n == 0));
    }
}
