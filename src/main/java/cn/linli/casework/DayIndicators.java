package cn.linli.casework;

import java.time.LocalDate;

/** One day of a subject's trend: the day's counts as the rollup holds them. */
public record DayIndicators(LocalDate day, IndicatorCounts counts) {
}
