package cn.linli.casework;

/**
 * The counts behind the indicators of one subject over a period, summed from the daily rollup.
 *
 * @param received        cases received (受理), any channel
 * @param registered      cases registered (立案)
 * @param dispatched      registered cases dispatched for the first time (派遣); re-dispatches are not counted twice
 * @param dispatches      every dispatch, re-dispatches after a return included
 * @param returns         dispatches returned by the handling unit (退单)
 * @param due             cases due to close (应结案): handled cases on the day they closed or their handling
 *                        deadline fell, whichever came first
 * @param dueClosed       of those, closed (结案)
 * @param dueOnTime       of those, closed with the result reported by the handling deadline (按期结案)
 * @param closed          cases closed in the period (verification passed)
 * @param oneTimeClosed   of those, closed with no return and no rework (一次办结)
 * @param reworks         results sent back at verification (返工)
 * @param extensions      extensions approved (延期)
 * @param visits          return visits that reached the reporter (回访)
 * @param satisfied       of those, satisfied or basically satisfied
 * @param handled         closed cases with an acceptance and a result, for the average handling time
 * @param handlingMinutes their working minutes from acceptance to the final result
 * @param answered        cases answered at once at intake (直接答复, 即时办结), not registered
 * @param knowledgeAnswered of those, answered from a knowledge-base entry (the entry is recorded with the case)
 */
public record IndicatorCounts(long received, long registered, long dispatched, long dispatches, long returns, long due,
        long dueClosed, long dueOnTime, long closed, long oneTimeClosed, long reworks, long extensions, long visits,
        long satisfied, long handled, long handlingMinutes, long answered, long knowledgeAnswered) {

    public static final IndicatorCounts NONE = of(new long[18]);

    /** From the values in the order of the components. */
    public static IndicatorCounts of(long[] v) {
        if (v.length != 18) throw new IllegalArgumentException("18 counts expected, got " + v.length);
        return new IndicatorCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
                v[14], v[15], v[16], v[17]);
    }

    public long[] values() {
        return new long[] {received, registered, dispatched, dispatches, returns, due, dueClosed, dueOnTime, closed,
            oneTimeClosed, reworks, extensions, visits, satisfied, handled, handlingMinutes, answered, knowledgeAnswered};
    }

    public IndicatorCounts plus(IndicatorCounts other) {
        long[] a = values();
        long[] b = other.values();
        for (int i = 0; i < a.length; i++) a[i] += b[i];
        return of(a);
    }

    /** These counts with intake (received, registered, first dispatch) taken from {@code intake}: an office's territory. */
    public IndicatorCounts withIntakeOf(IndicatorCounts intake) {
        long[] a = values();
        a[0] = intake.received;
        a[1] = intake.registered;
        a[2] = intake.dispatched;
        return of(a);
    }
}
