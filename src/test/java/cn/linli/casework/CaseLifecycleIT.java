package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.internal.UserAccounts;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.Locator;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/**
 * Cases through their life on the demo city, as its staff work them: 永安社区's window takes the request, 永安街道
 * dispatches it, the city's urban-management bureau handles it, the grid worker verifies it, the window makes the
 * return visit. One test per path; each checks what the users would see: state, deadline, timeline.
 */
@IntegrationTest
class CaseLifecycleIT {

    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired Locator locator;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    long grid() {
        return territory.tree(null).findByCode("230804007001001").orElseThrow().id();
    }

    long unitOf(String username) {
        long userId = accounts.findByUsername(username).orElseThrow().id();
        return organisation.unitsOf(userId).get(0).id();
    }

    String exposedRubbish() {
        return categories.search("暴露垃圾", 1).get(0).category().code().value();
    }

    NewCase rubbish(String key) {
        return new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安社区3号楼东侧垃圾堆放三天无人清运，气味很大。",
                null, grid(), "前进区永安社区3号楼", "王女士", "13845467788", false, false, true, exposedRubbish(), false, key);
    }

    CaseView view(long id) {
        return queries.find(id).orElseThrow();
    }

    long registeredAndDispatched() {
        ActingAs.user(accounts, "yongan-sq");
        long id = work.receive(rubbish(null)).caseId();
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, view(id).version(), unitOf("chengguan"), Set.of(), null);
        return id;
    }

    @Test
    void normalPathFromTheWindowToTheReturnVisit() {
        ActingAs.user(accounts, "yongan-sq");
        CaseReceipt receipt = work.receive(rubbish(null));
        assertThat(receipt.number()).matches("\\d{8}-\\d{4}");
        assertThat(receipt.state()).isEqualTo(CaseState.REGISTERED);
        CaseView registered = view(receipt.caseId());
        assertThat(registered.deadline()).isAfter(registered.receivedAt());
        assertThat(registered.reporterPhoneMasked()).isEqualTo("138****7788");
        assertThat(jdbc.sql("select reporter_phone from casework_case where id = :id").param("id", receipt.caseId())
                .query(String.class).single()).doesNotContain("13845467788");

        long id = receipt.caseId();
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, view(id).version(), unitOf("chengguan"), Set.of(), "请城管处理");
        ActingAs.user(accounts, "chengguan");
        work.accept(id, view(id).version());
        work.reportResult(id, view(id).version(), "已安排环卫清运，现场已清理干净。");
        ActingAs.user(accounts, "wanggeyuan");
        work.verify(id, view(id).version(), true, "现场核实已清理");
        ActingAs.user(accounts, "yongan-sq");
        work.returnVisit(id, view(id).version(), Satisfaction.SATISFIED, false, "王女士表示满意");

        CaseView done = view(id);
        assertThat(done.state()).isEqualTo(CaseState.EVALUATED);
        assertThat(done.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(done.timeline()).extracting(CaseView.Entry::action).containsExactly(CaseAction.RECEIVE, CaseAction.REGISTER,
                CaseAction.DISPATCH, CaseAction.ACCEPT, CaseAction.REPORT_RESULT, CaseAction.VERIFY_PASS, CaseAction.RETURN_VISIT);
        assertThat(done.timeline()).extracting(CaseView.Entry::actor)
                .containsExactly("yongan-sq", "yongan-sq", "yongan", "chengguan", "chengguan", "wanggeyuan", "yongan-sq");
    }

    @Test
    void returnedAndRedispatchedToAnotherUnit() {
        long id = registeredAndDispatched();
        ActingAs.user(accounts, "chengguan");
        work.returnCase(id, view(id).version(), "小区内部垃圾属物业管理范围，非城管职责");
        assertThat(view(id).state()).isEqualTo(CaseState.RETURNED);
        ActingAs.user(accounts, "yongan");
        long street = unitOf("yongan");
        work.dispatch(id, view(id).version(), street, Set.of(), "由街道协调物业");
        CaseView redispatched = view(id);
        assertThat(redispatched.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(redispatched.mainUnit()).isEqualTo(street);
        assertThat(redispatched.timeline()).extracting(CaseView.Entry::note).contains("小区内部垃圾属物业管理范围，非城管职责");
        assertThat(redispatched.timeline()).extracting(CaseView.Entry::action).as("the street is not above the bureau: 改派, not 上报")
                .endsWith(CaseAction.RETURN, CaseAction.REDISPATCH).doesNotContain(CaseAction.ESCALATE);
    }

    @Test
    void aReturnedCaseSentToTheUnitAboveTheOneThatReturnedItIsEscalated() {
        ActingAs.user(accounts, "yongan-sq");
        long id = work.receive(rubbish(null)).caseId();
        long community = unitOf("yongan-sq");
        long above = organisation.supervisorOf(community).orElseThrow().id();
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, view(id).version(), community, Set.of(), null);
        ActingAs.user(accounts, "yongan-sq");
        work.returnCase(id, view(id).version(), "涉及多个小区，需街道协调");
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, view(id).version(), above, Set.of(), "上报街道协调");
        CaseView escalated = view(id);
        assertThat(escalated.mainUnit()).isEqualTo(above);
        assertThat(escalated.timeline()).extracting(CaseView.Entry::action).endsWith(CaseAction.RETURN, CaseAction.ESCALATE);
    }

    @Test
    void aRedispatchReplacesTheCoHandlersWhileEveryUnitEverDispatchedStillSeesTheCase() {
        ActingAs.user(accounts, "yongan-sq");
        long id = work.receive(rubbish(null)).caseId();
        long heating = unitOf("gongre");
        long district = organisation.districtGovernmentFor(grid()).orElseThrow().id();
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, view(id).version(), unitOf("chengguan"), Set.of(heating), "城管主办，供热公司协办");
        assertThat(view(id).coUnits()).containsExactly(heating);
        ActingAs.user(accounts, "chengguan");
        work.returnCase(id, view(id).version(), "小区内部垃圾属物业管理范围，非城管职责");
        ActingAs.user(accounts, "yongan");
        long street = unitOf("yongan");
        work.dispatch(id, view(id).version(), street, Set.of(district), "由街道协调，区政府协办");

        CaseView redispatched = view(id);
        assertThat(redispatched.mainUnit()).isEqualTo(street);
        assertThat(redispatched.coUnits()).containsExactly(district);
        ActingAs.user(accounts, "gongre");
        assertThat(queries.find(id)).as("a co-handler of an earlier dispatch keeps sight of the case").isPresent()
                .get().extracting(CaseView::coUnits).isEqualTo(java.util.List.of(district));
        ActingAs.user(accounts, "chengguan");
        assertThat(queries.find(id)).as("so does the main unit that returned it").isPresent();
    }

    @Test
    void aRetriedIntakeWithTheSameKeyMakesOneCase() {
        ActingAs.user(accounts, "yongan-sq");
        String key = UUID.randomUUID().toString();
        CaseReceipt first = work.receive(rubbish(key));
        CaseReceipt again = work.receive(rubbish(key));
        assertThat(again.caseId()).isEqualTo(first.caseId());
        assertThat(again.repeated()).isTrue();
        assertThat(jdbc.sql("select count(*) from casework_case where idempotency_key = :k").param("k", key).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void twoDispatchersAtOnceOneSucceedsTheOtherIsToldTheCaseChanged() {
        ActingAs.user(accounts, "yongan-sq");
        long id = work.receive(rubbish(null)).caseId();
        ActingAs.user(accounts, "yongan");
        long seen = view(id).version();
        work.dispatch(id, seen, unitOf("chengguan"), Set.of(), null);
        assertThatThrownBy(() -> work.dispatch(id, seen, unitOf("yongan"), Set.of(), null))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("case.rule.changed-meanwhile"));
        assertThat(view(id).mainUnit()).isEqualTo(unitOf("chengguan"));
    }

    @Test
    void twoDispatchersRacingOnTheSameVersionLeaveOneDispatchAndTellTheOtherTheCaseChanged() throws Exception {
        long bureau = unitOf("chengguan");
        long street = unitOf("yongan");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                ActingAs.user(accounts, "yongan-sq");
                long id = work.receive(rubbish(null)).caseId();
                ActingAs.user(accounts, "yongan");
                long seen = view(id).version();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<CaseRuleException>> runs = new ArrayList<>();
                for (long unit : List.of(bureau, street)) {
                    runs.add(pool.submit(() -> {
                        ActingAs.user(accounts, "yongan");
                        try {
                            start.await(10, TimeUnit.SECONDS);
                            work.dispatch(id, seen, unit, Set.of(), null);
                            return null;
                        } catch (CaseRuleException refused) {
                            return refused;
                        } finally {
                            ActingAs.nobody();
                        }
                    }));
                }
                List<CaseRuleException> refusals = new ArrayList<>();
                for (Future<CaseRuleException> run : runs) {
                    CaseRuleException refused = run.get(30, TimeUnit.SECONDS);
                    if (refused != null) refusals.add(refused);
                }

                assertThat(refusals).as("round %d: one dispatcher is refused", round).singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(CaseRuleException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("case.rule.changed-meanwhile");
                });
                CaseView dispatched = view(id);
                assertThat(dispatched.state()).isEqualTo(CaseState.DISPATCHED);
                assertThat(dispatched.version()).isEqualTo(seen + 1);
                assertThat(dispatched.timeline()).as("round %d: one dispatch in the history", round)
                        .filteredOn(e -> e.action() == CaseAction.DISPATCH).singleElement()
                        .satisfies(e -> assertThat(e.unitId()).isEqualTo(dispatched.mainUnit()));
                assertThat(dispatched.mainUnit()).isIn(bureau, street);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHandlingUnitCannotVerifyItsOwnWorkAndOthersCannotHandleIt() {
        long id = registeredAndDispatched();
        ActingAs.user(accounts, "gongre");
        assertThat(queries.find(id)).isEmpty();
        assertThatThrownBy(() -> work.accept(id, null))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.kind()).isEqualTo(CaseRuleException.Kind.NOT_FOUND));
        ActingAs.user(accounts, "chengguan");
        work.accept(id, null);
        work.reportResult(id, null, "已清理");
        assertThatThrownBy(() -> work.verify(id, null, true, null)).isInstanceOf(CaseRuleException.class);
        assertThat(view(id).state()).isEqualTo(CaseState.HANDLED);
    }

    @Test
    void badRequestsAreRefusedWithTheirFieldAndCreateNothing() {
        ActingAs.user(accounts, "yongan-sq");
        long before = jdbc.sql("select count(*) from casework_case").query(Long.class).single();
        NewCase ok = rubbish(null);
        List<Object[]> bad = List.of(
                new Object[] {withDescription(ok, "长".repeat(4001)), "description"},
                new Object[] {withDescription(ok, "  "), "description"},
                new Object[] {withPoint(ok, new GeoPoint(116.40, 39.90)), "location"},
                new Object[] {withCategory(ok, "SJ99"), "category"},
                new Object[] {withCategory(ok, "SJ01"), "category"},
                new Object[] {withPhone(ok, "12345"), "reporterPhone"});
        for (Object[] c : bad) {
            assertThatThrownBy(() -> work.receive((NewCase) c[0]))
                    .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.field()).isEqualTo(c[1]));
        }
        assertThat(jdbc.sql("select count(*) from casework_case").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aPointOnTheMapIsPlacedInItsGridAndAnInquiryCanBeAnsweredAtOnce() {
        GeoPoint inside = pointInside(grid());
        ActingAs.user(accounts, "yongan-sq");
        NewCase inquiry = new NewCase(RequestType.INQUIRY, Channel.PHONE, "低保申请材料", "请问申请低保需要带哪些材料？",
                inside, null, null, null, null, true, false, false, null, false, null);
        CaseReceipt receipt = work.receive(inquiry);
        assertThat(receipt.state()).isEqualTo(CaseState.RECEIVED);
        assertThat(view(receipt.caseId()).gridId()).isEqualTo(grid());
        work.answerAtOnce(receipt.caseId(), null, "带户口簿、身份证、收入证明到社区服务站申请。");
        assertThat(view(receipt.caseId()).state()).isEqualTo(CaseState.ANSWERED);
    }

    @Test
    void aDuplicateIsMergedIntoTheOpenCaseButNeverIntoItselfOrAClosedOne() {
        long original = registeredAndDispatched();
        ActingAs.user(accounts, "yongan-sq");
        long duplicate = work.receive(rubbish(null)).caseId();
        assertThatThrownBy(() -> work.mergeInto(duplicate, null, duplicate)).isInstanceOf(CaseRuleException.class);
        work.mergeInto(duplicate, null, original);
        assertThat(view(duplicate).state()).isEqualTo(CaseState.MERGED);
        assertThat(view(duplicate).mergedInto()).isEqualTo(original);

        long closed = registeredAndDispatched();
        ActingAs.user(accounts, "chengguan");
        work.accept(closed, null);
        work.reportResult(closed, null, "已安排环卫清运，现场已清理干净。");
        ActingAs.user(accounts, "wanggeyuan");
        work.verify(closed, null, true, "现场核实已清理");
        assertThat(view(closed).state()).isEqualTo(CaseState.CLOSED);
        ActingAs.user(accounts, "yongan-sq");
        long late = work.receive(rubbish(null)).caseId();
        CaseView before = view(late);
        assertThatThrownBy(() -> work.mergeInto(late, before.version(), closed))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("case.rule.merge-into-closed");
                    assertThat(e.field()).isEqualTo("target");
                });
        CaseView after = view(late);
        assertThat(after.state()).isEqualTo(CaseState.REGISTERED);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.mergedInto()).isNull();
        assertThat(view(closed).state()).isEqualTo(CaseState.CLOSED);
    }

    GeoPoint pointInside(long gridId) {
        for (double lng = 130.30; lng < 130.45; lng += 0.0005) {
            for (double lat = 46.78; lat < 46.86; lat += 0.0005) {
                if (locator.locateGridId(lng, lat, java.time.LocalDate.now()) == gridId) return new GeoPoint(lng, lat);
            }
        }
        throw new AssertionError("no point found inside grid " + gridId);
    }

    static NewCase withDescription(NewCase c, String d) {
        return new NewCase(c.type(), c.channel(), c.title(), d, c.point(), c.placeUnitId(), c.address(), c.reporterName(),
                c.reporterPhone(), c.anonymous(), c.confidential(), c.wantsReturnVisit(), c.categoryCode(), c.urgent(), c.idempotencyKey());
    }

    static NewCase withPoint(NewCase c, GeoPoint p) {
        return new NewCase(c.type(), c.channel(), c.title(), c.description(), p, null, c.address(), c.reporterName(),
                c.reporterPhone(), c.anonymous(), c.confidential(), c.wantsReturnVisit(), c.categoryCode(), c.urgent(), c.idempotencyKey());
    }

    static NewCase withCategory(NewCase c, String code) {
        return new NewCase(c.type(), c.channel(), c.title(), c.description(), c.point(), c.placeUnitId(), c.address(), c.reporterName(),
                c.reporterPhone(), c.anonymous(), c.confidential(), c.wantsReturnVisit(), code, c.urgent(), c.idempotencyKey());
    }

    static NewCase withPhone(NewCase c, String phone) {
        return new NewCase(c.type(), c.channel(), c.title(), c.description(), c.point(), c.placeUnitId(), c.address(), c.reporterName(),
                phone, c.anonymous(), c.confidential(), c.wantsReturnVisit(), c.categoryCode(), c.urgent(), c.idempotencyKey());
    }
}
