package cn.linli.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import cn.linli.LinliApplication;
import cn.linli.access.CurrentActor;
import cn.linli.access.internal.SignedInUser;
import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Categories;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.casework.Satisfaction;
import cn.linli.casework.internal.Routing;
import cn.linli.organisation.MemberRole;
import cn.linli.organisation.Organisation;
import cn.linli.organisation.OrganisationManagement;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.Locator;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;

/**
 * The whole life of a case on PostgreSQL through Linli's application services — intake (locate and number),
 * dispatch to the unit routing suggests, accept, result, verification (which closes it), return visit — with 1 and
 * with 4 client threads; a case counts when its history is written and every event listener has completed (no
 * incomplete event publication left). Against it, in the same run, the same flow in BPMN on the plain Flowable engine
 * with the same pool size. Run with bench/caselife.sh; results in docs/performance.md.
 */
public final class CaseLifeBenchmark {

    private static final int POOL = 10;

    public static void main(String[] args) throws Exception {
        int cases = Integer.getInteger("linli.bench.cases", 2000);
        int rounds = Integer.getInteger("linli.bench.rounds", 3);
        String server = System.getProperty("linli.bench.server", "jdbc:postgresql://127.0.0.1:5432/");
        try (ConfigurableApplicationContext app = start(server + "linli_bench_case")) {
            LinliLife linli = new LinliLife(app);
            try (HikariDataSource flowableDb = pool(server + "linli_bench_flowable"); var flowable = new FlowableCaseLife(flowableDb)) {
                List<String> lines = new ArrayList<>();
                for (int threads : new int[] {1, 4}) {
                    measure("warm-up linli", linli::run, linli::awaitListeners, cases / 4, threads);
                    measure("warm-up flowable", flowable::run, () -> { }, cases / 4, threads);
                    double[] ours = new double[rounds];
                    double[] theirs = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        ours[r] = measure("linli", linli::run, linli::awaitListeners, cases, threads);
                        theirs[r] = measure("flowable", flowable::run, () -> { }, cases, threads);
                    }
                    lines.add(String.format(Locale.ROOT, "threads=%d linli=%.0f cases/s flowable=%.0f cases/s ratio=%.2f (medians of %d rounds of %d cases; linli rounds %s, flowable rounds %s)",
                            threads, median(ours), median(theirs), median(ours) / median(theirs), rounds, cases,
                            Arrays.toString(round(ours)), Arrays.toString(round(theirs))));
                }
                lines.forEach(System.out::println);
            }
        }
    }

    interface Life {
        void run(int n) throws Exception;
    }

    interface Settle {
        void await() throws Exception;
    }

    /** Cases per second for {@code cases} lives on {@code threads} threads, until {@code settled} returns. */
    static double measure(String name, Life life, Settle settled, int cases, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < cases; n = next.getAndIncrement()) life.run(n);
                return null;
            }));
        }
        for (Future<?> f : running) f.get();
        settled.await();
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d cases on %d threads in %.2f s%n", name, cases, threads, seconds);
        return cases / seconds;
    }

    static ConfigurableApplicationContext start(String url, String... more) {
        // Command-line arguments, so they win over application.yml; the web server is up (on a free port) because
        // the security configuration belongs to it, but no request goes through it.
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=" + POOL, "--linli.demo.enabled=true", "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.cn.linli=WARN"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(LinliApplication.class).run(args.toArray(String[]::new));
    }

    static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(POOL);
        return new HikariDataSource(config);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }

    /** Linli's side: the demo users act each step, as at the window, the street office, the bureau and the grid. */
    static final class LinliLife {

        private final CaseWork work;
        private final Routing routing;
        private final UserAccounts accounts;
        private final JdbcClient jdbc;
        private final GeoPoint point;
        private final String category;
        private final long grid;
        private final Map<String, Authentication> signedIn = new ConcurrentHashMap<>();

        LinliLife(ConfigurableApplicationContext app) {
            work = app.getBean(CaseWork.class);
            routing = app.getBean(Routing.class);
            accounts = app.getBean(UserAccounts.class);
            jdbc = JdbcClient.create(app.getBean(DataSource.class));
            category = app.getBean(Categories.class).search("暴露垃圾", 1).get(0).category().code().value();
            grid = app.getBean(TerritoryQueries.class).tree(null).findByCode("230804007001001").orElseThrow().id();
            point = pointInside(app.getBean(Locator.class), grid);
            handlerIsMemberOfTheSuggestedUnit(app);
        }

        /** The bureau's demo user handles for the unit routing suggests (the district's bureau, nearest first). */
        private void handlerIsMemberOfTheSuggestedUnit(ConfigurableApplicationContext app) {
            long unit = routing.suggest(category, grid).orElseThrow().unit().id();
            long handler = accounts.findByUsername("chengguan").orElseThrow().id();
            Organisation organisation = app.getBean(Organisation.class);
            if (organisation.unitsOf(handler).stream().noneMatch(u -> u.id() == unit)) {
                ActingAs.user(accounts, "admin");
                app.getBean(OrganisationManagement.class).addMember(app.getBean(CurrentActor.class).current(), unit, "chengguan",
                        MemberRole.HANDLER);
                ActingAs.nobody();
            }
        }

        /**
         * Signs in as a demo user the way a request of a logged-in session is: the principal was loaded at login,
         * so no step reads the user table again (ActingAs looks the user up on every call).
         */
        private void as(String username) {
            SecurityContextHolder.getContext().setAuthentication(signedIn.computeIfAbsent(username, name -> {
                SignedInUser user = SignedInUser.of(accounts.findByUsername(name).orElseThrow());
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }));
        }

        void run(int n) {
            as("yongan-sq");
            long id = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安社区3号楼东侧垃圾堆放三天无人清运 " + n,
                    point, null, "前进区永安社区3号楼", "王女士", "13845467788", false, false, true, category, false, null)).caseId();
            as("yongan");
            long unit = routing.suggest(category, grid).orElseThrow().unit().id();
            work.dispatch(id, null, unit, Set.of(), null);
            as("chengguan");
            work.accept(id, null);
            work.reportResult(id, null, "已清运");
            as("wanggeyuan");
            work.verify(id, null, true, "现场核实");
            as("yongan-sq");
            work.returnVisit(id, null, Satisfaction.SATISFIED, false, null);
            SecurityContextHolder.clearContext();
        }

        /**
         * Waits until every listener has completed every event of the round: no event publication incomplete and no
         * transition left in the indicator rollup's queue (its drainer deletes a row only once the case is folded).
         */
        void awaitListeners() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0
                    || jdbc.sql("select count(*) from casework_indicator_due").query(Long.class).single() > 0) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("listeners did not complete in 5 minutes");
                Thread.sleep(20);
            }
        }

        static GeoPoint pointInside(Locator locator, long gridId) {
            LocalDate today = LocalDate.now();
            for (double lng = 130.30; lng < 130.45; lng += 0.0005) {
                for (double lat = 46.78; lat < 46.86; lat += 0.0005) {
                    if (locator.locateGridId(lng, lat, today) == gridId) return new GeoPoint(lng, lat);
                }
            }
            throw new IllegalStateException("no point inside grid " + gridId);
        }
    }
}
