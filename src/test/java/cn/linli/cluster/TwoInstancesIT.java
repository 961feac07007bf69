package cn.linli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Categories;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.casework.internal.SlaWatch;
import cn.linli.knowledge.EntryDraft;
import cn.linli.knowledge.KnowledgeBase;
import cn.linli.knowledge.KnowledgeEditing;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.Locator;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.territory.internal.demo.DemoLogins;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SecondInstance;
import cn.linli.testing.StaffSession;
import cn.linli.worktime.CalendarDay;
import cn.linli.worktime.DayKind;
import cn.linli.worktime.WorkCalendarManagement;
import cn.linli.worktime.WorkingTime;

/**
 * Two Linli instances on one database behave as one: instance A is this test's application context, instance B a
 * second context started on the same database with its own web server, beans and caches. A browser (one cookie jar,
 * as behind a load balancer) moves between them over real HTTP.
 */
@IntegrationTest
class TwoInstancesIT {

    private static SecondInstance b;

    @Autowired Environment environment;
    @Autowired UserAccounts accounts;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ClusterSignals signals;
    @Autowired KnowledgeEditing knowledge;
    @Autowired BoundaryStore boundaries;
    @Autowired WorkCalendarManagement calendar;
    @Autowired SlaWatch watch;
    @LocalServerPort int portA;

    Client browser;

    @BeforeEach
    void startSecondInstance() {
        if (b == null) b = SecondInstance.sharingDatabaseWith(environment);
        browser = new Client();
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (b != null) b.close();
        b = null;
    }

    @Test
    void aStaffLoginOnOneInstanceIsValidOnTheOtherWithItsCsrfToken() throws Exception {
        String loginPage = browser.get(portA, "/login").body();
        String before = browser.session();
        assertThat(before).as("the login form's CSRF token lives in a session").isNotNull();

        var login = browser.post(portA, "/login", Map.of("username", "yongan", "password", DemoLogins.PASSWORD,
                "_csrf", csrf(loginPage)));
        assertThat(login.headers().firstValue("Location")).hasValue("http://localhost:" + portA + "/");
        assertThat(browser.session()).as("session fixation: a new id at login").isNotNull().isNotEqualTo(before);

        var onB = browser.get(b.port(), "/account/password");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("永安街道");
        String tokenFromA = csrf(browser.get(portA, "/account/password").body());

        assertThat(browser.post(b.port(), "/logout", Map.of()).statusCode()).as("no token: refused on B too").isEqualTo(403);
        var logout = browser.post(b.port(), "/logout", Map.of("_csrf", tokenFromA));
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(browser.get(portA, "/account/password").headers().firstValue("Location"))
                .as("logged out on B is logged out on A").hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aCaseAResidentProvedTheirsOnOneInstanceOpensOnTheOther() throws Exception {
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
        String number = registeredCase(phone);
        String form = browser.get(portA, "/portal/track?number=" + number).body();
        String before = browser.session();
        var proved = browser.post(portA, "/portal/track", Map.of("number", number, "digits", phone.substring(7), "_csrf", csrf(form)));
        assertThat(proved.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal/cases/" + number));
        assertThat(browser.session()).as("a new session id once proved").isNotEqualTo(before);

        var onB = browser.get(b.port(), "/portal/cases/" + number);
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains(number, "路边垃圾桶满溢");
        assertThat(new Client().get(b.port(), "/portal/cases/" + number).headers().firstValue("Location"))
                .as("another browser has proved nothing").hasValueSatisfying(l -> assertThat(l).contains("/portal/track"));
    }

    @Test
    void aCaseDispatchedThroughOneInstanceReachesABoardOpenOnTheOther() throws Exception {
        StaffSession board = StaffSession.signIn("http://localhost:" + b.port(), "chengguan", DemoLogins.PASSWORD);
        StringBuffer heard = new StringBuffer();
        CompletableFuture<?> stream = stream(board, "/casework/stream", heard);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.toString().contains(":connected"));
            String number = registeredCase("13900001111");
            ActingAs.user(accounts, "yongan");
            long id = queries.findByNumber(number).orElseThrow().id();
            long bureau = organisation.unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
            work.dispatch(id, queries.find(id).orElseThrow().version(), bureau, Set.of(), null);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(heard.toString())
                    .contains("event:case", "\"number\":\"" + number + "\"", "\"action\":\"DISPATCH\"", "\"unitId\":" + bureau));
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void territoryKnowledgeAndCalendarChangedOnOneInstanceAreFoundOnTheOther() {
        Locator locatorB = b.bean(Locator.class);
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        String name = territory.tree(null).find(grid).orElseThrow().name();
        GeoPoint inside = inside(grid);
        assertThat(locatorB.locate(inside, null).units()).extracting(d -> d.name()).contains(name);
        try {
            renameGridOnA(grid, name + "（A改名）");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(locatorB.locate(inside, null).units())
                    .extracting(d -> d.name()).contains(name + "（A改名）"));
        } finally {
            renameGridOnA(grid, name);
        }

        KnowledgeBase searchB = b.bean(KnowledgeBase.class);
        String word = "双实例测试" + System.nanoTime() % 100_000;
        assertThat(searchB.searchAll(word, List.of(), 5)).isEmpty();
        knowledge.create(accounts.findByUsername("admin").orElseThrow().toActor(), new EntryDraft(word + "的问题怎么办？",
                "到社区服务站办理" + word + "。", List.of("SJ0102"), null, java.time.LocalDate.now().minusDays(1), null, "市民政局", null), null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(searchB.searchAll(word, List.of(), 5)).isNotEmpty());

        WorkingTime timeB = b.bean(WorkingTime.class);
        LocalDate wednesday = LocalDate.of(2031, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        assertThat(timeB.isWorkingDay(wednesday)).isTrue();
        calendar.put(new CalendarDay(wednesday, DayKind.HOLIDAY, "Test holiday", "测试假日"));
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(timeB.isWorkingDay(wednesday)).isFalse());
        } finally {
            calendar.remove(wednesday);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(timeB.isWorkingDay(wednesday)).isTrue());
    }

    @Test
    void aBreachWatchedByBothInstancesIsRaisedOnceAndNotAgainByAnInstanceStartedAfterIt() throws Exception {
        String number = registeredCase("13900002222");
        ActingAs.user(accounts, "yongan");
        long id = queries.findByNumber(number).orElseThrow().id();
        long bureau = organisation.unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
        work.dispatch(id, null, bureau, Set.of(), null);
        ActingAs.nobody();
        // The bureau let its acceptance deadline pass an hour ago; the deadline lives in the database, not in a timer.
        Instant now = Instant.now();
        jdbc.sql("update casework_case set stage_started_at = :started, deadline = :deadline where id = :id")
                .param("started", OffsetDateTime.ofInstant(now.minus(Duration.ofDays(2)), ZoneOffset.UTC))
                .param("deadline", OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC)).param("id", id).update();

        SlaWatch watchA = watch;
        SlaWatch watchB = b.bean(SlaWatch.class);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(() -> awaitThen(start, watchA::run));
        CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(() -> awaitThen(start, watchB::run));
        start.countDown();
        onA.get(30, TimeUnit.SECONDS);
        onB.get(30, TimeUnit.SECONDS);
        assertThat(alarmLines(id)).as("one reminder and one escalation, from whichever instance came first")
                .containsExactlyInAnyOrder("REMIND", "ESCALATE_TO_SUPERVISOR");

        b.close();
        b = SecondInstance.sharingDatabaseWith(environment);
        b.bean(SlaWatch.class).run();
        assertThat(alarmLines(id)).as("an instance started after the breach knows it was raised").hasSize(2);
    }

    private List<String> alarmLines(long id) {
        return jdbc.sql("select action from casework_case_history where case_id = :id and action in ('REMIND', 'ESCALATE_TO_SUPERVISOR')")
                .param("id", id).query(String.class).list();
    }

    private static int awaitThen(CountDownLatch start, java.util.function.IntSupplier run) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return run.getAsInt();
    }

    private GeoPoint inside(long grid) {
        var p = boundaries.loadAll().stream().filter(x -> x.unitId() == grid && x.validTo() == null).findFirst().orElseThrow()
                .geometry().getInteriorPoint();
        return new GeoPoint(p.getX(), p.getY());
    }

    private void renameGridOnA(long grid, String name) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update territory_unit_version set name = :name where unit_id = :unit and valid_to is null")
                    .param("name", name).param("unit", grid).update();
            signals.signal("territory");
        });
    }

    /** A complaint registered on instance A at a grid of 永安社区; its number. */
    private String registeredCase(String phone) {
        ActingAs.user(accounts, "yongan-sq");
        long grid = territory.tree(null).findByCode("230804007001002").orElseThrow().id();
        String code = categories.search("暴露垃圾", 1).get(0).category().code().value();
        var receipt = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WEB, null, "路边垃圾桶满溢。", null, grid, null,
                "张先生", phone, false, false, false, code, false, null));
        ActingAs.nobody();
        return receipt.number();
    }

    /** Reads an event stream line by line into {@code heard} until cancelled. */
    private static CompletableFuture<?> stream(StaffSession session, String path, StringBuffer heard) {
        return session.client().sendAsync(HttpRequest.newBuilder(URI.create(session.base() + path)).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> lines = response.body()) {
                        lines.forEach(line -> heard.append(line).append('\n'));
                    }
                });
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    /** A browser: one cookie jar for every port of localhost, no automatic redirects. */
    static final class Client {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(int port, String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = new LinkedHashMap<>(form).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** The session cookie's value, or null. */
        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> "SESSION".equals(c.getName()))
                    .map(c -> c.getValue()).findFirst().orElse(null);
        }

        private static URI uri(int port, String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
