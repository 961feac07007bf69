package cn.linli.casework.indicators;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the rollup remembers of one case between history lines: the last line applied, the grid worker who reported
 * it, and the current handling episode (from a dispatch to its closing; a reopening starts a new one).
 */
final class Track {

    final long caseId;
    long lastHistoryId;
    Long workerId;
    Long unitId;
    Instant acceptedAt;
    Instant dueAt;
    Instant resultAt;
    /** The day the case counts as due to close, and for which unit, while it is counted there. */
    LocalDate bookedDay;
    Long bookedUnit;
    boolean returned;
    boolean reworked;
    boolean extended;

    Track(long caseId) {
        this.caseId = caseId;
    }

    void newEpisode() {
        acceptedAt = null;
        dueAt = null;
        resultAt = null;
        bookedDay = null;
        bookedUnit = null;
        returned = false;
        reworked = false;
        extended = false;
    }
}
