package cn.linli.registry;

import java.time.LocalDate;

/** A grid worker's visit to a household (走访): when, by whom, what was found, whether it needs a follow-up. */
public record VisitView(long id, long householdId, LocalDate visitedOn, String visitor, String findings, boolean followUp) {
}
