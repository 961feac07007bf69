package cn.linli.casework.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Categories;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.casework.Satisfaction;
import cn.linli.casework.internal.SlaWatch;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.BrokerTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.TcpProxy;
import cn.linli.testing.TestBroker;
import tools.jackson.databind.JsonNode;

/**
 * Case events reach an outside system through the real RabbitMQ: the relay talks to the broker through a TCP proxy of
 * the test's own, which the test cuts to play an outage, while the subscriber listens at the broker directly. The
 * exchange is one of this run's own, so runs that share the broker do not hear each other.
 */
@IntegrationTest
@BrokerTest
class CaseEventsIT {

    static final String EXCHANGE = "linli.case-events.it-" + UUID.randomUUID();
    static TcpProxy proxy;
    static EventTap tap;

    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired SlaWatch watch;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry properties) throws Exception {
        proxy = TcpProxy.start(0, TestBroker.host(), TestBroker.port());
        properties.add("linli.events.amqp.enabled", () -> "true");
        properties.add("linli.events.amqp.address", proxy::address);
        properties.add("linli.events.amqp.exchange", () -> EXCHANGE);
        properties.add("linli.events.amqp.poll", () -> "200ms");
        properties.add("linli.events.amqp.confirm-timeout", () -> "3s");
    }

    @BeforeAll
    static void subscribe() throws Exception {
        tap = new EventTap(EXCHANGE);
    }

    @AfterAll
    static void unsubscribe() throws Exception {
        if (tap != null) tap.close();
        if (proxy != null) proxy.close();
    }

    @BeforeEach
    void nothingWaits() throws Exception {
        proxy.restore();
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting() == 0);
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    @Test
    void aCaseLifeArrivesInOrderWithItsRoutingKeysIdsAndNoPersonalData() {
        String number = normalLife(false);

        List<EventTap.Received> events = arrived(number, 7);
        assertThat(events).extracting(EventTap.Received::routingKey).containsExactly("case.receive", "case.register",
                "case.dispatch", "case.accept", "case.report_result", "case.verify_pass", "case.return_visit");
        assertThat(events).extracting(e -> e.body().path("state").asString()).containsExactly("RECEIVED", "REGISTERED",
                "DISPATCHED", "IN_PROGRESS", "HANDLED", "CLOSED", "EVALUATED");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.routingKey()).isEqualTo("case." + e.body().path("type").asString());
            assertThat(e.messageId()).isEqualTo(e.body().path("id").asString());
            assertThat(UUID.fromString(e.messageId())).isNotNull();
            assertThat(e.contentType()).isEqualTo("application/json");
            assertThat(e.deliveryMode()).isEqualTo(2);
            assertThat(e.body().path("schema").asString()).isEqualTo(CaseEventMessage.SCHEMA);
            assertThat(e.body().path("category").asString()).isEqualTo(rubbishCategory());
            assertThat(e.body().path("confidential").asBoolean()).isFalse();
            assertThat(e.raw()).doesNotContain("王女士", "13845467788", "垃圾堆放", "3号楼", "yongan", "chengguan");
        });
        assertThat(events).extracting(EventTap.Received::messageId).doesNotHaveDuplicates();
        assertThat(events).extracting(e -> e.body().path("sequence").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(2).body().path("unit").asLong()).isEqualTo(unitOf("chengguan"));
        assertThat(events.get(2).body().path("mainUnit").asLong()).isEqualTo(unitOf("chengguan"));
        assertThat(waiting()).isZero();
    }

    @Test
    void aConfidentialCaseKeepsItsCategoryToItself() {
        String number = normalLife(true);

        assertThat(arrived(number, 7)).allSatisfy(e -> {
            assertThat(e.body().path("confidential").asBoolean()).isTrue();
            assertThat(e.body().path("category").isNull()).isTrue();
            assertThat(e.raw()).doesNotContain(rubbishCategory());
        });
    }

    @Test
    void aBreachedDeadlineIsPublishedAfterTheReminderAndEscalationItCaused() {
        String number = registeredAndDispatched(false);
        long id = idOf(number);
        // The accept deadline passed a minute ago: moved back in the row rather than the clock moved on.
        Instant deadline = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("update casework_case set deadline = :deadline where id = :id")
                .param("deadline", OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC)).param("id", id).update();
        watch.run();

        List<EventTap.Received> events = arrived(number, 6);
        assertThat(events.subList(3, 6)).extracting(EventTap.Received::routingKey)
                .containsExactly("case.remind", "case.escalate_to_supervisor", "case.breached");
        JsonNode breach = events.get(5).body();
        assertThat(breach.path("stage").asString()).isEqualTo("ACCEPT");
        assertThat(Instant.parse(breach.path("deadline").asString())).isEqualTo(deadline);
        assertThat(breach.path("unit").asLong()).isEqualTo(unitOf("chengguan"));
        assertThat(breach.path("state").asString()).isEqualTo("DISPATCHED");
    }

    @Test
    void eventsWaitWhileTheBrokerIsCutAndEachArrivesOnceWhenItReturns() throws Exception {
        proxy.cut();
        String first = registeredAndDispatched(false);
        String second = registeredAndDispatched(false);
        accept(first);

        Thread.sleep(1_500); // several relay attempts against the cut broker
        assertThat(waiting()).isEqualTo(5); // intake (two lines, one row) and dispatch of each, and the acceptance
        assertThat(tap.of(first)).isEmpty();
        assertThat(tap.of(second)).isEmpty();

        proxy.restore();
        assertThat(arrived(first, 4)).extracting(EventTap.Received::routingKey)
                .containsExactly("case.receive", "case.register", "case.dispatch", "case.accept");
        assertThat(arrived(second, 3)).extracting(EventTap.Received::routingKey)
                .containsExactly("case.receive", "case.register", "case.dispatch");
        Thread.sleep(1_000); // a repeat would come within the next relay runs
        assertThat(tap.of(first)).hasSize(4).extracting(EventTap.Received::messageId).doesNotHaveDuplicates();
        assertThat(tap.of(second)).hasSize(3).extracting(EventTap.Received::messageId).doesNotHaveDuplicates();
        assertThat(waiting()).isZero();
    }

    /** Issue 6 §4: the broker gone for a full minute while the window keeps registering and dispatching cases. */
    @Test
    void aMinuteWithoutTheBrokerLosesNothingAndRepeatsNothing() throws Exception {
        String before = registeredAndDispatched(false);
        arrived(before, 3);

        proxy.cut();
        Instant cut = Instant.now();
        List<String> during = new ArrayList<>();
        while (Duration.between(cut, Instant.now()).compareTo(Duration.ofSeconds(60)) < 0) {
            during.add(registeredAndDispatched(false));
            Thread.sleep(4_000);
        }
        assertThat(waiting()).as("every transition of the minute waits in the outbox").isEqualTo(2L * during.size());
        assertThat(during).allSatisfy(number -> assertThat(tap.of(number)).isEmpty());

        proxy.restore();
        for (String number : during) {
            assertThat(arrived(number, 3)).extracting(EventTap.Received::routingKey)
                    .containsExactly("case.receive", "case.register", "case.dispatch");
        }
        Thread.sleep(1_000); // a repeat would come within the next relay runs
        assertThat(during).allSatisfy(number -> assertThat(tap.of(number)).hasSize(3)
                .extracting(EventTap.Received::messageId).doesNotHaveDuplicates());
        assertThat(tap.of(before)).hasSize(3);
        assertThat(waiting()).isZero();
    }

    @Test
    void aBatchTheBrokerNeverConfirmsStaysInTheOutboxAndGoesOutOnceTheBrokerAnswersAgain() throws Exception {
        String number = registeredAndDispatched(false);
        arrived(number, 3); // the relay's connection is open and in use

        proxy.stall();
        accept(number);
        Thread.sleep(4_500); // past the confirm timeout (3 s) of the attempt that published into the partition
        assertThat(waiting()).isEqualTo(1);
        assertThat(tap.of(number)).hasSize(3);

        proxy.restore();
        assertThat(arrived(number, 4)).extracting(EventTap.Received::routingKey).last().isEqualTo("case.accept");
        Thread.sleep(1_000);
        assertThat(tap.of(number)).hasSize(4);
        assertThat(waiting()).isZero();
    }

    @Test
    void whileAnotherInstanceRelaysThisOneLeavesTheRowsToIt() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread otherInstance = new Thread(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("select id from casework_feed_relay where id = 1 for update").query(Integer.class).single();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        otherInstance.start();
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        String number;
        try {
            number = registeredAndDispatched(false);
            Thread.sleep(1_000);
            assertThat(waiting()).isEqualTo(2);
            assertThat(tap.of(number)).isEmpty();
        } finally {
            release.countDown();
            otherInstance.join(10_000);
        }
        assertThat(arrived(number, 3)).extracting(EventTap.Received::routingKey)
                .containsExactly("case.receive", "case.register", "case.dispatch");
    }

    private List<EventTap.Received> arrived(String number, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> tap.of(number).size() >= count);
        return tap.of(number);
    }

    private long waiting() {
        return jdbc.sql("select count(*) from casework_feed_outbox").query(Long.class).single();
    }

    private String normalLife(boolean confidential) {
        String number = registeredAndDispatched(confidential);
        long id = idOf(number);
        ActingAs.user(accounts, "chengguan");
        work.accept(id, version(id));
        work.reportResult(id, version(id), "已安排环卫清运，现场已清理干净。");
        ActingAs.user(accounts, "wanggeyuan");
        work.verify(id, version(id), true, "现场核实已清理");
        ActingAs.user(accounts, "yongan-sq");
        work.returnVisit(id, version(id), Satisfaction.SATISFIED, false, "王女士表示满意");
        return number;
    }

    private String registeredAndDispatched(boolean confidential) {
        ActingAs.user(accounts, "yongan-sq");
        var receipt = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null,
                "永安社区3号楼东侧垃圾堆放三天无人清运，气味很大。", null, grid(), "前进区永安社区3号楼", "王女士", "13845467788",
                false, confidential, true, rubbishCategory(), false, null));
        ActingAs.user(accounts, "yongan");
        work.dispatch(receipt.caseId(), version(receipt.caseId()), unitOf("chengguan"), Set.of(), "请城管处理");
        return receipt.number();
    }

    private void accept(String number) {
        long id = idOf(number);
        ActingAs.user(accounts, "chengguan");
        work.accept(id, version(id));
    }

    private long idOf(String number) {
        return jdbc.sql("select id from casework_case where number = :number").param("number", number).query(Long.class).single();
    }

    private long version(long id) {
        return queries.find(id).orElseThrow().version();
    }

    private long grid() {
        return territory.tree(null).findByCode("230804007001001").orElseThrow().id();
    }

    private long unitOf(String username) {
        long userId = accounts.findByUsername(username).orElseThrow().id();
        return organisation.unitsOf(userId).get(0).id();
    }

    private String rubbishCategory() {
        return categories.search("暴露垃圾", 1).get(0).category().code().value();
    }
}
