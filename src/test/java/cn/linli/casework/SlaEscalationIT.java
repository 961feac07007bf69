package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.internal.SlaWatch;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.worktime.WorkingTime;

/**
 * Breached deadlines on the demo city with a clock the test moves: 永安街道 dispatches a rubbish complaint to the city's
 * urban-management bureau, which lets the accept deadline pass. The watch reminds the bureau and reports the breach to
 * the government of 前进区 (the bureau has no supervisor of its own: 属地兜底) once, whoever runs it and however often;
 * the next working day it reminds again; a case accepted in time gets nothing.
 */
@IntegrationTest
@Import(SlaTestClock.class)
@TestPropertySource(properties = "linli.casework.sla.enabled=false")
class SlaEscalationIT {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** A Monday to come, 09:00 in Jiamusi: after the catalogue in force was loaded. */
    static final Instant MONDAY_MORNING = LocalDate.now(BEIJING).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
            .atTime(9, 0).atZone(BEIJING).toInstant();

    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired WorkingTime workingTime;
    @Autowired SlaWatch watch;
    @Autowired SlaTestClock.Movable clock;
    @Autowired SlaTestClock.Breaches breaches;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    long grid() {
        return territory.tree(null).findByCode("230804007001001").orElseThrow().id();
    }

    long unitOf(String username) {
        return organisation.unitsOf(accounts.findByUsername(username).orElseThrow().id()).get(0).id();
    }

    CaseView view(long id) {
        ActingAs.user(accounts, "admin");
        return queries.find(id).orElseThrow();
    }

    long dispatchedToTheBureau() {
        clock.set(MONDAY_MORNING);
        ActingAs.user(accounts, "yongan-sq");
        String rubbish = categories.search("暴露垃圾", 1).get(0).category().code().value();
        long id = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安社区3号楼东侧垃圾堆放三天无人清运。",
                null, grid(), "前进区永安社区3号楼", "王女士", "13845467788", false, false, true, rubbish, false, null)).caseId();
        long version = view(id).version(); // view() reads as the administrator: read before acting as the street
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, version, unitOf("chengguan"), Set.of(), null);
        ActingAs.nobody();
        return id;
    }

    List<CaseView.Entry> lines(long id, CaseAction action) {
        return view(id).timeline().stream().filter(e -> e.action() == action).toList();
    }

    long alarms(long id) {
        return jdbc.sql("select count(*) from casework_sla_alarm where case_id = :id").param("id", id).query(Long.class).single();
    }

    Instant openingOfNextWorkingDayAfter(Instant deadline) {
        return workingTime.nextWorkingDay(deadline.atZone(BEIJING).toLocalDate()).atTime(workingTime.hours().opening())
                .atZone(BEIJING).toInstant();
    }

    @Test
    void eachStageIsDueAfterTheCategorysLimitInWorkingTimeAndSoonerForAnUrgentCase() {
        String rubbish = categories.search("暴露垃圾", 1).get(0).category().code().value();
        // late on the Friday before: the normal limits run over the weekend, the urgent ones partly in natural hours
        Instant registered = MONDAY_MORNING.atZone(BEIJING).minusDays(3).withHour(16).withMinute(30).toInstant();
        LocalDate nextWorkingDay = workingTime.nextWorkingDay(registered.atZone(BEIJING).toLocalDate());
        Instant dispatched = nextWorkingDay.atTime(11, 30).atZone(BEIJING).toInstant();
        Instant accepted = nextWorkingDay.atTime(16, 0).atZone(BEIJING).toInstant();

        clock.set(registered);
        ActingAs.user(accounts, "yongan-sq");
        long normal = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安社区3号楼东侧垃圾堆放三天无人清运。",
                null, grid(), "前进区永安社区3号楼", "王女士", "13845467788", false, false, true, rubbish, false, null)).caseId();
        long urgent = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安小学门口垃圾堆满，学生上学要绕行。",
                null, grid(), "前进区永安小学门口", "李先生", "13845461122", false, false, true, rubbish, true, null)).caseId();
        assertThat(view(normal).urgent()).isFalse();
        assertThat(view(urgent).urgent()).isTrue();
        assertThat(view(normal).deadline()).isEqualTo(due(rubbish, CaseStage.DISPATCH, false, registered));
        assertThat(view(urgent).deadline()).isEqualTo(due(rubbish, CaseStage.DISPATCH, true, registered))
                .isBefore(view(normal).deadline());

        // view() reads as the administrator: the versions are read before acting as the user who acts
        clock.set(dispatched);
        long normalSeen = view(normal).version();
        long urgentSeen = view(urgent).version();
        ActingAs.user(accounts, "yongan");
        work.dispatch(normal, normalSeen, unitOf("chengguan"), Set.of(), null);
        work.dispatch(urgent, urgentSeen, unitOf("chengguan"), Set.of(), null);
        assertThat(view(normal).deadline()).isEqualTo(due(rubbish, CaseStage.ACCEPT, false, dispatched));
        assertThat(view(urgent).deadline()).isEqualTo(due(rubbish, CaseStage.ACCEPT, true, dispatched))
                .isBefore(view(normal).deadline());

        clock.set(accepted);
        normalSeen = view(normal).version();
        urgentSeen = view(urgent).version();
        ActingAs.user(accounts, "chengguan");
        work.accept(normal, normalSeen);
        work.accept(urgent, urgentSeen);
        assertThat(view(normal).deadline()).isEqualTo(due(rubbish, CaseStage.HANDLE, false, accepted));
        assertThat(view(urgent).deadline()).isEqualTo(due(rubbish, CaseStage.HANDLE, true, accepted))
                .isBefore(view(normal).deadline());
    }

    /** The deadline a stage starting then should have: the category's limit in force added on the working-time calendar. */
    Instant due(String category, CaseStage stage, boolean urgent, Instant start) {
        return workingTime.plus(start, categories.limit(category, stage, urgent, start));
    }

    @Test
    void aBreachedAcceptDeadlineRemindsTheBureauAndEscalatesToTheDistrictOnce() {
        long id = dispatchedToTheBureau();
        CaseView dispatched = view(id);
        Instant deadline = dispatched.deadline();
        long bureau = unitOf("chengguan");
        long district = organisation.districtGovernmentFor(grid()).orElseThrow().id();

        clock.set(deadline);
        watch.run();
        assertThat(lines(id, CaseAction.REMIND)).as("at the deadline itself nothing is late yet").isEmpty();

        clock.set(deadline.plusSeconds(60));
        watch.run();
        CaseView reminded = view(id);
        assertThat(reminded.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(lines(id, CaseAction.REMIND)).singleElement().satisfies(line -> {
            assertThat(line.unitId()).isEqualTo(bureau);
            assertThat(line.actor()).isEqualTo("system");
            assertThat(line.note()).contains("签收").contains(deadline.atZone(BEIJING).toLocalDate().toString());
        });
        assertThat(lines(id, CaseAction.ESCALATE_TO_SUPERVISOR)).singleElement().satisfies(line -> {
            assertThat(line.unitId()).isEqualTo(district);
            assertThat(line.note()).contains("佳木斯市城市管理综合执法局");
        });
        assertThat(breaches.of(id)).singleElement().isEqualTo(new SlaBreached(id, dispatched.number(), bureau, CaseStage.ACCEPT, deadline));

        watch.run();
        assertThat(view(id).timeline()).hasSameSizeAs(reminded.timeline());
        assertThat(breaches.of(id)).hasSize(1);
        assertThat(alarms(id)).isEqualTo(1);
    }

    @Test
    void theReminderChangesTheVersionSoAUserWhoSawTheCaseBeforeIsToldItChanged() {
        long id = dispatchedToTheBureau();
        long seen = view(id).version();
        clock.set(view(id).deadline().plusSeconds(60));
        watch.run();
        long current = view(id).version();
        assertThat(current).isGreaterThan(seen);
        ActingAs.user(accounts, "chengguan");
        assertThatThrownBy(() -> work.accept(id, seen))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("case.rule.changed-meanwhile"));
        work.accept(id, current);
        assertThat(view(id).state()).isEqualTo(CaseState.IN_PROGRESS);
    }

    @Test
    void twoInstancesRacingRaiseOneAlarm() throws Exception {
        long id = dispatchedToTheBureau();
        clock.set(view(id).deadline().plusSeconds(60));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return watch.run();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) run.get();
        } finally {
            pool.shutdown();
        }
        assertThat(lines(id, CaseAction.REMIND)).hasSize(1);
        assertThat(lines(id, CaseAction.ESCALATE_TO_SUPERVISOR)).hasSize(1);
        assertThat(breaches.of(id)).hasSize(1);
        assertThat(alarms(id)).isEqualTo(1);
    }

    @Test
    void theNextWorkingDayTheBureauIsRemindedAgainOnce() {
        long id = dispatchedToTheBureau();
        Instant deadline = view(id).deadline();
        clock.set(deadline.plusSeconds(60));
        watch.run();
        Instant nextDay = openingOfNextWorkingDayAfter(deadline);

        clock.set(nextDay.minusSeconds(60));
        watch.run();
        assertThat(lines(id, CaseAction.REMIND)).as("not before the office opens the next working day").hasSize(1);

        clock.set(nextDay);
        watch.run();
        watch.run();
        List<CaseView.Entry> reminders = lines(id, CaseAction.REMIND);
        assertThat(reminders).hasSize(2);
        assertThat(reminders.get(1).unitId()).isEqualTo(unitOf("chengguan"));
        assertThat(reminders.get(1).note()).contains("再次催办");
        assertThat(lines(id, CaseAction.ESCALATE_TO_SUPERVISOR)).hasSize(1);
        assertThat(breaches.of(id)).as("one breach, two reminders").hasSize(1);
        assertThat(alarms(id)).isEqualTo(2);
    }

    @Test
    void anExtensionApprovedAfterTheBreachIsWatchedAgainAndItsOwnBreachRaisedOnce() {
        long id = dispatchedToTheBureau();
        Instant oldDeadline = view(id).deadline();
        Instant newDeadline = oldDeadline.plus(Duration.ofDays(3));
        clock.set(oldDeadline.minusSeconds(600));
        ActingAs.user(accounts, "chengguan");
        work.requestExtension(id, null, newDeadline, "需协调环卫车辆");
        clock.set(oldDeadline.plusSeconds(60));
        watch.run();
        assertThat(lines(id, CaseAction.REMIND)).as("the old deadline's breach").hasSize(1);

        clock.set(oldDeadline.plusSeconds(3600));
        ActingAs.user(accounts, "yongan");
        work.decideExtension(id, null, true, "同意延期");
        assertThat(view(id).deadline()).isEqualTo(newDeadline);

        clock.set(newDeadline.minusSeconds(60));
        watch.run();
        assertThat(lines(id, CaseAction.REMIND)).as("nothing before the new deadline").hasSize(1);

        clock.set(newDeadline.plusSeconds(60));
        watch.run();
        watch.run();
        List<CaseView.Entry> reminders = lines(id, CaseAction.REMIND);
        assertThat(reminders).as("the new deadline's breach, once").hasSize(2);
        assertThat(reminders.get(1).note()).contains(newDeadline.atZone(BEIJING).toLocalDate().toString());
        assertThat(lines(id, CaseAction.ESCALATE_TO_SUPERVISOR)).hasSize(2);
        assertThat(breaches.of(id)).extracting(SlaBreached::deadline).containsExactly(oldDeadline, newDeadline);
    }

    @Test
    void aCaseAcceptedBeforeTheDeadlineGetsNoReminder() {
        long id = dispatchedToTheBureau();
        Instant acceptDeadline = view(id).deadline();
        clock.set(acceptDeadline.minusSeconds(60));
        long seen = view(id).version();
        ActingAs.user(accounts, "chengguan");
        work.accept(id, seen);
        Instant handleDeadline = view(id).deadline();
        assertThat(handleDeadline).isAfter(acceptDeadline.plusSeconds(120));

        clock.set(acceptDeadline.plusSeconds(60));
        watch.run();
        assertThat(lines(id, CaseAction.REMIND)).isEmpty();
        assertThat(lines(id, CaseAction.ESCALATE_TO_SUPERVISOR)).isEmpty();
        assertThat(breaches.of(id)).isEmpty();
        assertThat(alarms(id)).isZero();
    }
}
