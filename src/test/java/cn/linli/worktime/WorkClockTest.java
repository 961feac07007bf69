package cn.linli.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.linli.worktime.internal.CalendarCsv;

/** Deadlines and elapsed time on the bundled official calendar (2023–2026) with the standard office hours. */
class WorkClockTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final WorkClock CLOCK = new WorkClock(bundledCalendar(), WorkingHours.standard());

    static WorkCalendar bundledCalendar() {
        try (InputStream in = WorkClockTest.class.getResourceAsStream("/worktime/china-official-calendar.csv")) {
            return WorkCalendar.of(CalendarCsv.parse(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Beijing wall-clock time as an instant. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    static Instant plus(String start, TimeLimit limit) {
        return CLOCK.plus(at(start), limit);
    }

    @Test
    void fiveWorkingHoursAfterFridayFourPmEndOnMondayAfternoon() {
        // Friday 16:00-17:00 is 1 h, Monday 08:30-12:00 3.5 h, the last half hour after the lunch break
        assertThat(plus("2026-03-06T16:00", TimeLimit.workingHours(5))).isEqualTo(at("2026-03-09T14:00"));
        assertThat(plus("2026-03-06T16:00", TimeLimit.workingHours(5))).isEqualTo(Instant.parse("2026-03-09T06:00:00Z"));
    }

    @Test
    void fifteenWorkingDaysAfter20260928SkipTheNationalDayHolidayAndCountTheMakeupSaturday() {
        // Sep 29, 30 (2); Oct 1-7 off; Oct 8, 9, Sat 10 (5); 12-16 (10); 19-23 (15): due at close of business Oct 23
        assertThat(plus("2026-09-28T09:00", TimeLimit.workingDays(15))).isEqualTo(at("2026-10-23T17:00"));
        assertThat(plus("2026-09-28T16:59", TimeLimit.workingDays(15))).isEqualTo(Instant.parse("2026-10-23T09:00:00Z"));
    }

    @Test
    void workingHoursRunOnAfterTheNationalDayHoliday() {
        assertThat(plus("2026-09-30T16:00", TimeLimit.workingHours(5))).isEqualTo(at("2026-10-08T14:00"));
    }

    @Test
    void theDayOfTheStartNeverCountsAsAWorkingDay() {
        assertThat(plus("2026-09-28T23:00", TimeLimit.workingDays(1))).isEqualTo(at("2026-09-29T17:00"));
        assertThat(plus("2026-09-29T00:00", TimeLimit.workingDays(1))).isEqualTo(at("2026-09-30T17:00"));
        assertThat(plus("2026-10-03T10:00", TimeLimit.workingDays(1))).isEqualTo(at("2026-10-08T17:00"));
    }

    @Test
    void aStartInTheEveningBeginsAtTheNextOpening() {
        assertThat(plus("2026-03-05T20:00", TimeLimit.workingHours(2))).isEqualTo(at("2026-03-06T10:30"));
        assertThat(plus("2026-03-05T06:00", TimeLimit.workingHours(1))).isEqualTo(at("2026-03-05T09:30"));
    }

    @Test
    void aStartOnTheWeekendBeginsOnMonday() {
        assertThat(plus("2026-03-07T10:00", TimeLimit.workingHours(1))).isEqualTo(at("2026-03-09T09:30"));
        assertThat(plus("2026-03-08T10:00", TimeLimit.workingDays(1))).isEqualTo(at("2026-03-09T17:00"));
    }

    @Test
    void aStartInTheLunchBreakBeginsAfterIt() {
        assertThat(plus("2026-03-05T12:30", TimeLimit.workingHours(1))).isEqualTo(at("2026-03-05T14:30"));
    }

    @Test
    void aLimitEndingAtNoonIsDueAtNoonNotAfterLunch() {
        assertThat(plus("2026-03-05T09:00", TimeLimit.workingHours(3))).isEqualTo(at("2026-03-05T12:00"));
        assertThat(plus("2026-03-05T14:00", TimeLimit.workingHours(3))).isEqualTo(at("2026-03-05T17:00"));
    }

    @Test
    void aMakeupSaturdayIsAWholeWorkingDay() {
        assertThat(plus("2026-10-10T10:00", TimeLimit.workingHours(5))).isEqualTo(at("2026-10-10T16:30"));
        assertThat(plus("2026-10-09T10:00", TimeLimit.workingDays(1))).isEqualTo(at("2026-10-10T17:00"));
        assertThat(plus("2026-09-19T10:00", TimeLimit.workingDays(1))).isEqualTo(at("2026-09-20T17:00"));
    }

    @Test
    void limitsCrossTheYearBoundaryOnTheNewYearHolidayAndItsMakeupSunday() {
        // 2026-01-01 to 01-03 off, Sunday 01-04 worked
        assertThat(plus("2025-12-31T16:00", TimeLimit.workingHours(5))).isEqualTo(at("2026-01-04T14:00"));
        assertThat(plus("2025-12-31T10:00", TimeLimit.workingDays(2))).isEqualTo(at("2026-01-05T17:00"));
    }

    @Test
    void beyondTheLoadedYearsMondayToFridayAreWorkingDays() {
        assertThat(CLOCK.calendar().covers(2026)).isTrue();
        assertThat(CLOCK.calendar().covers(2027)).isFalse();
        assertThat(CLOCK.calendar().isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(plus("2026-12-31T10:00", TimeLimit.workingDays(2))).isEqualTo(at("2027-01-04T17:00"));
        assertThat(CLOCK.calendar().coversAll(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 4))).isFalse();
    }

    @Test
    void naturalHoursRunThroughNightsAndHolidays() {
        assertThat(plus("2026-10-01T22:00", TimeLimit.naturalHours(6))).isEqualTo(at("2026-10-02T04:00"));
    }

    @Test
    void aZeroLimitIsDueAtTheStartInEveryUnit() {
        for (TimeLimitUnit unit : TimeLimitUnit.values()) {
            assertThat(plus("2026-10-03T22:00", new TimeLimit(0, unit))).isEqualTo(at("2026-10-03T22:00"));
        }
    }

    @Test
    void negativeAndAbsurdLimitsAreRefusedWithTheField() {
        assertThatThrownBy(() -> TimeLimit.workingDays(-1)).isInstanceOf(RejectedTimeInput.class)
                .satisfies(e -> assertThat(((RejectedTimeInput) e).field()).isEqualTo("limit"))
                .satisfies(e -> assertThat(((RejectedTimeInput) e).getCodes()).containsExactly("worktime.error.limit-negative"));
        assertThatThrownBy(() -> TimeLimit.workingDays(751)).isInstanceOf(RejectedTimeInput.class)
                .satisfies(e -> assertThat(((RejectedTimeInput) e).getCodes()).containsExactly("worktime.error.limit-too-large"));
        assertThatThrownBy(() -> TimeLimit.workingHours(Long.MAX_VALUE)).isInstanceOf(RejectedTimeInput.class);
        assertThatThrownBy(() -> new TimeLimit(1, null)).isInstanceOf(RejectedTimeInput.class);
        assertThat(plus("2026-01-05T09:00", TimeLimit.workingDays(750))).isAfter(at("2028-12-01T00:00"));
    }

    @Test
    void elapsedWorkingTimeCountsOnlyOfficeHoursOfWorkingDays() {
        assertThat(CLOCK.elapsed(at("2026-03-06T16:00"), at("2026-03-09T14:00"), TimeLimitUnit.WORKING_HOURS))
                .isEqualTo(Duration.ofHours(5));
        assertThat(CLOCK.elapsed(at("2026-03-06T16:00"), at("2026-03-09T14:00"), TimeLimitUnit.NATURAL_HOURS))
                .isEqualTo(Duration.ofHours(70));
        assertThat(CLOCK.elapsed(at("2026-09-30T08:00"), at("2026-10-08T08:30"), TimeLimitUnit.WORKING_DAYS))
                .isEqualTo(Duration.ofHours(7));
        assertThat(CLOCK.elapsed(at("2026-03-09T14:00"), at("2026-03-06T16:00"), TimeLimitUnit.WORKING_HOURS))
                .isEqualTo(Duration.ofHours(-5));
        assertThat(CLOCK.elapsed(at("2026-03-05T12:10"), at("2026-03-05T13:20"), TimeLimitUnit.WORKING_HOURS)).isZero();
    }

    @Test
    void elapsedTimeAddsUpToTheLimitAtTheDeadline() {
        Instant start = at("2026-09-25T11:17");
        for (int hours = 0; hours <= 80; hours++) {
            Instant due = CLOCK.plus(start, TimeLimit.workingHours(hours));
            assertThat(CLOCK.elapsed(start, due, TimeLimitUnit.WORKING_HOURS)).isEqualTo(Duration.ofHours(hours));
        }
    }

    @Test
    void theUsedShareReachesEightyPercentFourWorkingHoursIntoAFiveHourLimit() {
        Instant start = at("2026-03-06T16:00");
        Instant due = CLOCK.plus(start, TimeLimit.workingHours(5));
        assertThat(CLOCK.usedShare(start, due, at("2026-03-09T13:30"), TimeLimitUnit.WORKING_HOURS)).isEqualTo(0.9);
        assertThat(CLOCK.usedShare(start, due, at("2026-03-09T11:30"), TimeLimitUnit.WORKING_HOURS)).isEqualTo(0.8);
        assertThat(CLOCK.usedShare(start, due, at("2026-03-07T11:30"), TimeLimitUnit.WORKING_HOURS)).isEqualTo(0.2);
        assertThat(CLOCK.usedShare(start, due, at("2026-03-10T09:30"), TimeLimitUnit.WORKING_HOURS)).isGreaterThan(1);
        assertThat(CLOCK.usedShare(start, start, at("2026-03-06T16:00"), TimeLimitUnit.WORKING_HOURS)).isEqualTo(1);
    }

    @Test
    void holidaysOnWeekdaysAreOffAndMakeupWeekendsAreWorked() {
        WorkCalendar calendar = CLOCK.calendar();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 10, 9))).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void configuredSummerHoursMoveTheDeadlines() {
        WorkClock summer = new WorkClock(CLOCK.calendar(), WorkingHours.of("Asia/Shanghai", java.util.List.of("08:30-12:00", "14:30-17:30")));
        assertThat(summer.plus(at("2026-06-03T16:00"), TimeLimit.workingHours(2))).isEqualTo(at("2026-06-04T09:00"));
        assertThat(summer.plus(at("2026-06-03T16:00"), TimeLimit.workingDays(1))).isEqualTo(at("2026-06-04T17:30"));
    }
}
