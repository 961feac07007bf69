package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.linli.worktime.TimeLimit;
import cn.linli.worktime.TimeLimitUnit;
import cn.linli.worktime.WorkCalendar;
import cn.linli.worktime.WorkClock;
import cn.linli.worktime.WorkingHours;

/**
 * The SLA light on the working-time calendar (08:30–12:00, 13:30–17:00, Monday to Friday): a 5-working-hour limit
 * started on Friday 2026-11-20 at 16:00 runs out on Monday at 14:00, and turns yellow at 4 working hours, Monday
 * 11:30, however long the weekend in between.
 */
class SlaLightTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    final WorkClock clock = new WorkClock(WorkCalendar.weekdaysOnly(), WorkingHours.standard());
    final Instant fridayAtFour = at("2026-11-20T16:00");
    final Instant deadline = clock.plus(fridayAtFour, new TimeLimit(5, TimeLimitUnit.WORKING_HOURS));

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }

    SlaLight lightAt(String local) {
        return SlaLight.of(CaseState.IN_PROGRESS, fridayAtFour, deadline, at(local), TimeLimitUnit.WORKING_HOURS, clock);
    }

    @Test
    void fiveWorkingHoursFromFridayAfternoonRunOutOnMondayAfterLunch() {
        assertThat(deadline).isEqualTo(at("2026-11-23T14:00"));
    }

    @Test
    void theWeekendDoesNotCountTowardsTheEightyPercent() {
        assertThat(lightAt("2026-11-20T16:30")).isEqualTo(SlaLight.GREEN);
        assertThat(lightAt("2026-11-22T23:59")).as("Sunday night: one working hour of five used").isEqualTo(SlaLight.GREEN);
        assertThat(lightAt("2026-11-23T11:29")).isEqualTo(SlaLight.GREEN);
    }

    @Test
    void yellowFromEightyPercentOfTheWorkingTimeUntilTheDeadline() {
        assertThat(lightAt("2026-11-23T11:30")).isEqualTo(SlaLight.YELLOW);
        assertThat(lightAt("2026-11-23T13:00")).as("lunch break: still 4 of 5 working hours").isEqualTo(SlaLight.YELLOW);
        assertThat(lightAt("2026-11-23T14:00")).as("at the deadline itself: not yet breached").isEqualTo(SlaLight.YELLOW);
    }

    @Test
    void redOncePastTheDeadline() {
        assertThat(SlaLight.of(CaseState.IN_PROGRESS, fridayAtFour, deadline, deadline.plusSeconds(1), TimeLimitUnit.WORKING_HOURS, clock))
                .isEqualTo(SlaLight.RED);
        assertThat(lightAt("2026-11-30T09:00")).isEqualTo(SlaLight.RED);
    }

    @Test
    void naturalHoursCountTheWeekend() {
        Instant due = clock.plus(fridayAtFour, new TimeLimit(60, TimeLimitUnit.NATURAL_HOURS));
        assertThat(SlaLight.of(CaseState.DISPATCHED, fridayAtFour, due, at("2026-11-22T15:59"), TimeLimitUnit.NATURAL_HOURS, clock))
                .as("47:59 of 60 hours").isEqualTo(SlaLight.GREEN);
        assertThat(SlaLight.of(CaseState.DISPATCHED, fridayAtFour, due, at("2026-11-22T16:00"), TimeLimitUnit.NATURAL_HOURS, clock))
                .as("48 of 60 hours").isEqualTo(SlaLight.YELLOW);
    }

    @Test
    void noLightWhereNoClockRuns() {
        for (CaseState state : new CaseState[] {CaseState.CLOSED, CaseState.SUSPENDED, CaseState.EVALUATED, CaseState.VOIDED,
                CaseState.RECEIVED}) {
            assertThat(SlaLight.of(state, fridayAtFour, deadline, at("2026-11-30T09:00"), TimeLimitUnit.WORKING_HOURS, clock))
                    .as(state.name()).isEqualTo(SlaLight.NONE);
        }
        assertThat(SlaLight.of(CaseState.IN_PROGRESS, fridayAtFour, null, at("2026-11-30T09:00"), TimeLimitUnit.WORKING_HOURS, clock))
                .isEqualTo(SlaLight.NONE);
    }

    @Test
    void eachTimedStateHasItsStage() {
        assertThat(SlaLight.stageOf(CaseState.REGISTERED)).isEqualTo(CaseStage.DISPATCH);
        assertThat(SlaLight.stageOf(CaseState.RETURNED)).isEqualTo(CaseStage.DISPATCH);
        assertThat(SlaLight.stageOf(CaseState.DISPATCHED)).isEqualTo(CaseStage.ACCEPT);
        assertThat(SlaLight.stageOf(CaseState.IN_PROGRESS)).isEqualTo(CaseStage.HANDLE);
        assertThat(SlaLight.stageOf(CaseState.HANDLED)).isEqualTo(CaseStage.VERIFY);
    }
}
