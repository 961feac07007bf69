package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.indicators.IndicatorRollup;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;
import cn.linli.worktime.TimeLimitUnit;
import cn.linli.worktime.WorkingTime;

/**
 * The indicators of a month in which four cases live through 永安社区's window, 永安街道's dispatch, the city's
 * urban-management bureau and the grid worker's verification: one normal, one returned and re-dispatched to the
 * street office, one sent back at verification, one reported late whose reporter was dissatisfied. The clock is
 * the test's, in December 2026, so the month holds these cases and nothing else.
 */
@IntegrationTest
@Import(CaseIndicatorsIT.TestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseIndicatorsIT {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final IndicatorPeriod DECEMBER = new IndicatorPeriod(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));

    @TestConfiguration
    static class TestClock {
        static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-12-01T01:00:00Z"));

        @Bean
        @Primary
        Clock controllableClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return NOW.get();
                }
            };
        }
    }

    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired CaseIndicators indicators;
    @Autowired IndicatorRollup rollup;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired WorkingTime workingTime;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired MockMvc mvc;

    long normal;
    long returned;
    long reworked;
    long late;
    long lateHandlingMinutes;

    @BeforeAll
    void liveAMonth() {
        normal = received(1, "09:00");
        dispatch(normal, "09:10", "chengguan");
        as("chengguan", "09:20", () -> work.accept(normal, null));
        as("chengguan", "10:20", () -> work.reportResult(normal, null, "已清运"));
        as("wanggeyuan", "10:30", () -> work.verify(normal, null, true, "现场已清理"));
        as("yongan-sq", "10:40", () -> work.returnVisit(normal, null, Satisfaction.SATISFIED, false, null));

        returned = received(1, "09:00");
        dispatch(returned, "09:10", "chengguan");
        as("chengguan", "09:20", () -> work.returnCase(returned, null, "小区内部垃圾属物业管理范围"));
        dispatch(returned, "09:30", "yongan");
        as("yongan", "09:40", () -> work.accept(returned, null));
        as("yongan", "11:40", () -> work.reportResult(returned, null, "已协调物业清运"));
        as("wanggeyuan", "11:50", () -> work.verify(returned, null, true, "已清理"));
        as("yongan-sq", "11:55", () -> work.returnVisit(returned, null, Satisfaction.BASICALLY_SATISFIED, false, null));

        reworked = received(1, "09:00");
        dispatch(reworked, "09:10", "chengguan");
        as("chengguan", "09:20", () -> work.accept(reworked, null));
        as("chengguan", "09:50", () -> work.reportResult(reworked, null, "已清运"));
        as("wanggeyuan", "10:00", () -> work.verify(reworked, null, false, "仍有残留垃圾"));
        as("chengguan", "10:20", () -> work.reportResult(reworked, null, "残留已清理"));
        as("wanggeyuan", "10:30", () -> work.verify(reworked, null, true, "已清理"));
        as("yongan-sq", "10:40", () -> work.returnVisit(reworked, null, Satisfaction.SATISFIED, false, null));

        late = received(1, "09:00");
        dispatch(late, "09:10", "chengguan");
        as("chengguan", "09:20", () -> work.accept(late, null));
        at(21, "09:20");
        as("chengguan", "09:20", () -> work.reportResult(late, null, "已清运"));
        as("wanggeyuan", "09:30", () -> work.verify(late, null, true, "已清理"));
        as("yongan-sq", "09:40", () -> work.returnVisit(late, null, Satisfaction.DISSATISFIED, false, "太慢"));
        lateHandlingMinutes = workingTime.elapsed(shanghai(1, "09:20"), shanghai(21, "09:20"), TimeLimitUnit.WORKING_HOURS).toMinutes();
        liveAnExtendedMarch();
        byTheGridWorker = aFebruaryCaseTakenInByTheGridWorker();
        ActingAs.nobody();
        settled();
    }

    long byTheGridWorker;

    /** February 2027, nothing else in it: the grid worker takes in one case on the spot and nothing more happens. */
    long aFebruaryCaseTakenInByTheGridWorker() {
        TestClock.NOW.set(LocalDateTime.parse("2027-02-03T10:00").atZone(CITY).toInstant());
        ActingAs.user(accounts, "wanggeyuan");
        return work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安社区2号楼前垃圾堆放。", null, grid(),
                "前进区永安社区2号楼", "孙先生", "13845460000", false, false, true, exposedRubbish(), false, null)).caseId();
    }

    static final IndicatorPeriod MARCH_2027 = new IndicatorPeriod(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31));
    long extendedInTime;
    long extendedLate;
    Instant originalDeadline;

    /**
     * March 2027, nothing else in it: two cases accepted on Monday the 1st with a limit of one working day, both
     * extended by the street office; both results come on Thursday the 4th, one within its approved date (Friday),
     * one after it (Wednesday).
     */
    void liveAnExtendedMarch() {
        extendedInTime = extended(march(5, "17:00"));
        extendedLate = extended(march(3, "17:00"));
        for (long id : new long[] {extendedInTime, extendedLate}) {
            TestClock.NOW.set(march(4, "10:00"));
            ActingAs.user(accounts, "chengguan");
            work.reportResult(id, null, "已清运");
            ActingAs.user(accounts, "wanggeyuan");
            work.verify(id, null, true, "已清理");
        }
    }

    long extended(Instant until) {
        TestClock.NOW.set(march(1, "09:00"));
        ActingAs.user(accounts, "yongan-sq");
        long id = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安社区5号楼垃圾桶满溢。", null, grid(),
                "前进区永安社区5号楼", "李先生", "13845461234", false, false, true, exposedRubbish(), false, null)).caseId();
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, null, unitOf("chengguan"), Set.of(), null);
        TestClock.NOW.set(march(1, "09:20"));
        ActingAs.user(accounts, "chengguan");
        work.accept(id, null);
        originalDeadline = queries.find(id).orElseThrow().deadline();
        TestClock.NOW.set(march(1, "15:00"));
        work.requestExtension(id, null, until, "需协调环卫车辆");
        TestClock.NOW.set(march(1, "15:30"));
        ActingAs.user(accounts, "yongan");
        work.decideExtension(id, null, true, "同意延期");
        return id;
    }

    static Instant march(int day, String time) {
        return LocalDateTime.parse("2027-03-%02dT%s".formatted(day, time)).atZone(CITY).toInstant();
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    @Test
    void theBureauIsJudgedOnWhatWasDispatchedToIt() {
        ActingAs.user(accounts, "admin");
        IndicatorSet bureau = indicators.forUnit(unitOf("chengguan"), DECEMBER);

        assertThat(bureau.counts().dispatches()).isEqualTo(4);
        assertThat(bureau.counts().returns()).isEqualTo(1);
        assertThat(bureau.counts().due()).isEqualTo(3);
        assertThat(bureau.registrationRate()).isNull();
        assertThat(bureau.dispatchRate()).isNull();
        assertThat(bureau.accurateDispatchRate()).isEqualTo(0.75);
        assertThat(bureau.closureRate()).isEqualTo(1.0);
        assertThat(bureau.onTimeClosureRate()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(bureau.reworkRate()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(bureau.extensionRate()).isEqualTo(0.0);
        assertThat(bureau.satisfactionRate()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(bureau.oneTimeResolutionRate()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(bureau.averageHandlingHours()).isCloseTo((60 + 60 + lateHandlingMinutes) / 60.0 / 3, within(1e-9));
        // 10×0.75 + 20×1 + 20×2/3 + 10×(1−1/3) + 5×1 + 25×2/3 + 10×2/3 = 75.83
        assertThat(bureau.score()).isEqualTo(75.8);
    }

    @Test
    void theStreetCountsEveryCaseOfItsTerritory() {
        ActingAs.user(accounts, "yongan");
        IndicatorSet street = indicators.forArea(townshipOf(normal), DECEMBER);

        assertThat(street.counts().received()).isEqualTo(4);
        assertThat(street.registrationRate()).isEqualTo(1.0);
        assertThat(street.dispatchRate()).isEqualTo(1.0);
        assertThat(street.accurateDispatchRate()).isEqualTo(0.8);
        assertThat(street.closureRate()).isEqualTo(1.0);
        assertThat(street.onTimeClosureRate()).isEqualTo(0.75);
        assertThat(street.reworkRate()).isEqualTo(0.25);
        assertThat(street.extensionRate()).isEqualTo(0.0);
        assertThat(street.satisfactionRate()).isEqualTo(0.75);
        assertThat(street.oneTimeResolutionRate()).isEqualTo(0.5);

        IndicatorSet office = indicators.forUnit(unitOf("yongan"), DECEMBER);
        assertThat(office.counts().received()).isEqualTo(4);
        assertThat(office.counts().dispatches()).isEqualTo(1);
        assertThat(office.closureRate()).isEqualTo(1.0);
        assertThat(office.onTimeClosureRate()).isEqualTo(1.0);
        assertThat(office.oneTimeResolutionRate()).isEqualTo(0.0);
        assertThat(office.satisfactionRate()).isEqualTo(1.0);
    }

    @Test
    void aLateCaseIsDueOnTheDayItsDeadlineFellAndAnEarlyOneOnTheDayItClosed() {
        ActingAs.user(accounts, "admin");
        IndicatorSet firstDay = indicators.forUnit(unitOf("chengguan"), new IndicatorPeriod(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1)));
        IndicatorSet lateDay = indicators.forUnit(unitOf("chengguan"), new IndicatorPeriod(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 21)));
        assertThat(firstDay.counts().due() + lateDay.counts().due()).isLessThanOrEqualTo(3);
        assertThat(lateDay.counts().closed()).isEqualTo(1);
        assertThat(lateDay.counts().due()).isZero();
        assertThat(lateDay.closureRate()).isNull();
        assertThat(indicators.forUnit(unitOf("chengguan"), new IndicatorPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)))
                .score()).isNull();
    }

    @Test
    void anExtendedCaseClosedAfterItsOriginalDeadlineButByTheApprovedOneIsOnTime() {
        ActingAs.user(accounts, "admin");
        assertThat(originalDeadline).isBefore(march(4, "10:00"));
        CaseView.Entry approval = queries.find(extendedInTime).orElseThrow().timeline().stream()
                .filter(e -> e.action() == CaseAction.APPROVE_EXTENSION).findFirst().orElseThrow();
        assertThat(approval.actor()).isEqualTo("yongan");
        assertThat(approval.oldDeadline()).isEqualTo(originalDeadline);
        assertThat(approval.newDeadline()).isEqualTo(march(5, "17:00"));

        IndicatorSet bureau = indicators.forUnit(unitOf("chengguan"), MARCH_2027);
        assertThat(bureau.counts().due()).isEqualTo(2);
        assertThat(bureau.closureRate()).isEqualTo(1.0);
        assertThat(bureau.onTimeClosureRate()).isEqualTo(0.5);
        assertThat(bureau.extensionRate()).isEqualTo(1.0);
        IndicatorSet wednesday = indicators.forUnit(unitOf("chengguan"), new IndicatorPeriod(LocalDate.of(2027, 3, 3), LocalDate.of(2027, 3, 3)));
        assertThat(wednesday.counts().due()).as("the late case is due on its approved day").isEqualTo(1);
        assertThat(wednesday.onTimeClosureRate()).isEqualTo(0.0);
    }

    @Test
    void theRebuildFromTheHistoryGivesTheRollupTheListenerKept() {
        List<Map<String, Object>> kept = rollupRows();
        List<Map<String, Object>> tracks = trackRows();
        assertThat(kept).isNotEmpty();
        rollup.rebuild(DECEMBER.from(), DECEMBER.to());
        assertThat(rollupRows()).isEqualTo(kept);
        assertThat(trackRows()).isEqualTo(tracks);
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        List<Map<String, Object>> before = rollupRows();
        CaseChanged again = new CaseChanged(normal, "again", CaseAction.VERIFY_PASS, CaseState.HANDLED, CaseState.CLOSED,
                unitOf("chengguan"), "wanggeyuan", shanghai(1, "10:30"));
        transactions.executeWithoutResult(s -> events.publishEvent(again));
        transactions.executeWithoutResult(s -> events.publishEvent(again));
        transactions.executeWithoutResult(s -> rollup.catchUp(normal));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rollup.queued() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("queued for the rollup: " + jdbc.sql("select * from casework_indicator_due").query().listOfRows(), e);
        }
        assertThat(rollupRows()).isEqualTo(before);
    }

    @Test
    void theApiAnswersAUnitAndARankingAndRefusesABadPeriodWithItsField() throws Exception {
        long bureau = unitOf("chengguan");
        mvc.perform(get("/api/casework/indicators").param("unit", String.valueOf(bureau)).param("from", "2026-12-01")
                        .param("to", "2026-12-31").with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.accurateDispatchRate").value(0.75))
                .andExpect(jsonPath("$.indicators.counts.due").value(3));
        mvc.perform(get("/api/casework/indicators/ranking").param("kind", "streets").param("from", "2026-12-01")
                        .param("to", "2026-12-31").with(SignedIn.as(accounts, "qianjin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].indicators.counts.received").value(4));
        Map<String, String[]> bad = Map.of("from", new String[] {"2026-13-01", "2026-12-31"},
                "to", new String[] {"2026-12-31", "2026-12-01"});
        for (Map.Entry<String, String[]> b : bad.entrySet()) {
            mvc.perform(get("/api/casework/indicators/ranking").param("kind", "streets").param("from", b.getValue()[0])
                            .param("to", b.getValue()[1]).with(SignedIn.as(accounts, "admin")).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(b.getKey()));
        }
        mvc.perform(get("/api/casework/indicators/ranking").param("kind", "streets").param("from", "2020-01-01")
                        .param("to", "2026-12-31").with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"))
                .andExpect(jsonPath("$.message").value("统计期间最长 3 年，请缩短期间。"));
        mvc.perform(get("/api/casework/indicators").param("unit", "999999999").with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("unit"));
        mvc.perform(get("/api/casework/indicators/ranking").param("kind", "planets").with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("kind"));
        mvc.perform(get("/api/casework/indicators/ranking").param("kind", "streets").with(SignedIn.as(accounts, "gongre")))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePageShowsEveryIndicatorPerUnitAndADailyTrend() throws Exception {
        mvc.perform(get("/casework/indicators").param("level", "departments").param("from", "2026-12-01")
                        .param("to", "2026-12-31").with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("准确派遣率")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("75.0%")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("75.8")));
        mvc.perform(get("/casework/indicators/unit/" + unitOf("chengguan")).param("from", "2026-12-01")
                        .param("to", "2026-12-31").with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2026-12-21")));
        mvc.perform(get("/casework/indicators").param("from", "2026-12-31").param("to", "2026-12-01")
                        .with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("早于起始日期")));
        mvc.perform(get("/casework/indicators").with(SignedIn.as(accounts, "yongan-sq"))).andExpect(status().isForbidden());
    }

    @Test
    void theRankingOfCommunitiesCountsTheCasesOfTheirTerritory() throws Exception {
        long community = unitOf("yongan-sq");
        mvc.perform(get("/api/casework/indicators/ranking").param("kind", "communities").param("from", "2026-12-01")
                        .param("to", "2026-12-31").with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("communities"))
                .andExpect(jsonPath("$.units[?(@.id == " + community + ")].indicators.counts.received").value(org.hamcrest.Matchers.contains(4)))
                .andExpect(jsonPath("$.units[?(@.id == " + community + ")].indicators.registrationRate").value(org.hamcrest.Matchers.contains(1.0)))
                // the community office handled none of them: it is judged on its intake only
                .andExpect(jsonPath("$.units[?(@.id == " + community + ")].indicators.counts.dispatches").value(org.hamcrest.Matchers.contains(0)));
        mvc.perform(get("/api/casework/indicators/ranking").param("kind", "communities").param("from", "2027-03-01")
                        .param("to", "2027-03-31").with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[?(@.id == " + community + ")].indicators.counts.received").value(org.hamcrest.Matchers.contains(2)));
    }

    @Test
    void theRankingOfGridWorkersCountsTheCasesEachTookIn() throws Exception {
        long worker = accounts.findByUsername("wanggeyuan").orElseThrow().id();
        mvc.perform(get("/api/casework/indicators/ranking").param("kind", "grid-workers").param("from", "2027-02-01")
                        .param("to", "2027-02-28").with(SignedIn.as(accounts, "qianjin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units.length()").value(1))
                .andExpect(jsonPath("$.units[0].subject").value("worker"))
                .andExpect(jsonPath("$.units[0].id").value(worker))
                .andExpect(jsonPath("$.units[0].name").value("永安社区网格员"))
                .andExpect(jsonPath("$.units[0].indicators.counts.received").value(1));
        // December's cases were taken in at the community's window, not by a grid worker.
        mvc.perform(get("/api/casework/indicators/ranking").param("kind", "grid-workers").param("from", "2026-12-01")
                        .param("to", "2026-12-31").with(SignedIn.as(accounts, "qianjin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units.length()").value(0));
    }

    // --- the month's cases ----------------------------------------------------------------------------------------

    long received(int day, String time) {
        at(day, time);
        ActingAs.user(accounts, "yongan-sq");
        return work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安社区3号楼东侧垃圾堆放三天无人清运。",
                null, grid(), "前进区永安社区3号楼", "王女士", "13845467788", false, false, true, exposedRubbish(), false, null)).caseId();
    }

    void dispatch(long id, String time, String toUnitOf) {
        as("yongan", time, () -> work.dispatch(id, null, unitOf(toUnitOf), Set.of(), null));
    }

    void as(String username, String time, Runnable action) {
        LocalDateTime now = LocalDateTime.ofInstant(TestClock.NOW.get(), CITY);
        at(now.getDayOfMonth(), time);
        ActingAs.user(accounts, username);
        action.run();
    }

    static void at(int day, String time) {
        TestClock.NOW.set(shanghai(day, time));
    }

    static Instant shanghai(int day, String time) {
        return LocalDateTime.parse("2026-12-%02dT%s".formatted(day, time)).atZone(CITY).toInstant();
    }

    void settled() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from casework_case_history h where h.id > coalesce(
                    (select c.last_history_id from casework_indicator_case c where c.case_id = h.case_id), 0)""")
                .query(Long.class).single() == 0);
    }

    List<Map<String, Object>> rollupRows() {
        return jdbc.sql("select * from casework_indicator_day order by subject, subject_id, on_day").query().listOfRows();
    }

    List<Map<String, Object>> trackRows() {
        return jdbc.sql("select * from casework_indicator_case order by case_id").query().listOfRows();
    }

    long grid() {
        return territory.tree(null).findByCode("230804007001001").orElseThrow().id();
    }

    long townshipOf(long caseId) {
        return jdbc.sql("select township_id from casework_case where id = :id").param("id", caseId).query(Long.class).single();
    }

    long unitOf(String username) {
        long userId = accounts.findByUsername(username).orElseThrow().id();
        return organisation.unitsOf(userId).get(0).id();
    }

    String exposedRubbish() {
        return categories.search("暴露垃圾", 1).get(0).category().code().value();
    }
}
