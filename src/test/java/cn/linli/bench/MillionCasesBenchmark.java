package cn.linli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.LinliApplication;
import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Categories;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.casework.Satisfaction;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.StaffSession;

/**
 * The dispatch board and the indicator page with 1,000,000 cases in the database (PostgreSQL, database
 * linli_bench_cases1m). The cases are 100 lives written through {@link CaseWork} — 95 closed after a return visit,
 * one in each open queue (to dispatch, dispatched, in progress, handled, returned) — each copied by
 * {@link CaseCopies} over the past year, and folded into the indicator rollup by its drainer. Then one user at a
 * time opens the pages over loopback, as the street office (永安街道, whose jurisdiction holds every case) and the city
 * administrator would; the time per page is measured at the client, so it includes the server's whole work.
 * The SLA watch is off while the pages are timed (-Dlinli.bench.sla=true turns it on), see the start arguments.
 * Run with bench/cases-1m.sh; results in docs/performance.md.
 */
public final class MillionCasesBenchmark {

    private static final Path ACCESS_LOG = Path.of("target", "cases-1m", "access-1m.log").toAbsolutePath();

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("linli.bench.cases", 1_000_000);
        int samples = Integer.getInteger("linli.bench.samples", 200);
        String url = System.getProperty("linli.bench.server", "jdbc:postgresql://127.0.0.1:5432/") + System.getProperty("linli.bench.db", "linli_bench_cases1m");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LinliApplication.class).run(
                "--spring.datasource.url=" + url + "?reWriteBatchedInserts=true", "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--linli.demo.enabled=true", "--server.port=0", "--logging.level.root=WARN",
                // One user alone: the SLA watch would otherwise spend the run raising reminders for the copies of open
                // cases, which were moved up to a year back and are all overdue.
                "--linli.casework.sla.enabled=" + Boolean.getBoolean("linli.bench.sla"),
                // the server's own time per page (request read to response written), as the target is server-side
                "--server.tomcat.accesslog.enabled=true", "--server.tomcat.accesslog.directory=" + ACCESS_LOG.getParent(),
                "--server.tomcat.accesslog.prefix=access-1m", "--server.tomcat.accesslog.suffix=.log",
                "--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.buffered=false",
                "--server.tomcat.accesslog.pattern=%r %s %D",
                "--logging.level.cn.linli=WARN")) {
            Files.createDirectories(ACCESS_LOG.getParent());
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            long have = jdbc.queryForObject("select count(*) from casework_case", Long.class);
            if (have < total) generate(app, jdbc, total);
            System.out.printf(Locale.ROOT, "cases in the database: %d%n", jdbc.queryForObject("select count(*) from casework_case", Long.class));
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            StaffSession street = IntakeLoadBenchmark.signIn(base, "yongan", "linli-demo-2026");
            StaffSession city = IntakeLoadBenchmark.signIn(base, "admin", "linli-demo-2026");
            for (String queue : List.of("TO_DISPATCH", "DISPATCHED", "RETURNED", "AT_RISK")) {
                time("board " + queue + " (yongan)", street, "/casework/board?queue=" + queue, samples);
            }
            time("board TO_DISPATCH page 20 (yongan)", street, "/casework/board?queue=TO_DISPATCH&page=20", samples);
            time("board TO_DISPATCH (admin)", city, "/casework/board?queue=TO_DISPATCH", samples);
            time("indicators, default period (yongan)", street, "/casework/indicators", samples);
            time("indicators, streets, whole year (admin)", city, "/casework/indicators?level=streets&from="
                    + java.time.LocalDate.now().minusDays(365) + "&to=" + java.time.LocalDate.now(), samples);
            time("indicators, departments, whole year (admin)", city, "/casework/indicators?level=departments&from="
                    + java.time.LocalDate.now().minusDays(365) + "&to=" + java.time.LocalDate.now(), samples);
        }
    }

    static void time(String name, StaffSession desk, String path, int samples) throws Exception {
        for (int i = 0; i < 20; i++) desk.open(path);
        long logStart = Files.exists(ACCESS_LOG) ? LoopbackLoad.logSize(ACCESS_LOG.toString()) : 0;
        long[] micros = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            desk.open(path);
            micros[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "%-45s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d requests)%n", name,
                micros[samples / 2] / 1000.0, micros[(int) Math.ceil(0.95 * samples) - 1] / 1000.0, micros[samples - 1] / 1000.0, samples);
        if (Files.exists(ACCESS_LOG)) {
            System.out.println("  " + LoopbackLoad.serverSummary(name, LoopbackLoad.serverTimes(ACCESS_LOG.toString(), logStart, " " + path + " ")));
        }
    }

    /** The templates through the domain, then copies up to {@code total} cases, then the rollup folds them all. */
    static void generate(ConfigurableApplicationContext app, JdbcTemplate jdbc, int total) throws Exception {
        long start = System.nanoTime();
        Lives lives = new Lives(app);
        List<Long> templates = new ArrayList<>();
        for (int i = 0; i < 95; i++) templates.add(lives.closed(i));
        templates.add(lives.registered(95));
        templates.add(lives.dispatched(96));
        templates.add(lives.accepted(97));
        templates.add(lives.handled(98));
        templates.add(lives.returned(99));
        ActingAs.nobody();
        // Fresh statistics before the copies: a database analysed while its case tables were empty (the full city's,
        // after bench/full-city.sh) plans each history row's foreign-key check as a scan of all cases so far.
        jdbc.execute("analyze");
        int copies = (total - templates.size()) / templates.size();
        System.out.printf(Locale.ROOT, "templates written through CaseWork in %.1f s%n", (System.nanoTime() - start) / 1e9);
        long copying = System.nanoTime();
        int perRound = 100;
        int[] shifts = CaseCopies.spreadBack(copies, 365);
        CaseCopies copier = new CaseCopies(jdbc);
        for (int from = 0; from < copies; from += perRound) {
            copier.copy(templates, Arrays.copyOfRange(shifts, from, Math.min(copies, from + perRound)));
            if (from % 1000 == 0) System.out.printf(Locale.ROOT, "  %d copies of each template%n", from);
        }
        System.out.printf(Locale.ROOT, "copied %d cases in %.1f s%n", copies * templates.size(), (System.nanoTime() - copying) / 1e9);
        long folding = System.nanoTime();
        // Autovacuum would analyse the grown tables later; the rollup's deletes from its queue need the statistics now.
        jdbc.execute("analyze casework_indicator_due, casework_case, casework_case_history, casework_case_unit");
        JdbcClient client = JdbcClient.create(jdbc.getDataSource());
        while (client.sql("select count(*) from casework_indicator_due").query(Long.class).single() > 0) Thread.sleep(1000);
        System.out.printf(Locale.ROOT, "indicator rollup folded them in %.1f s%n", (System.nanoTime() - folding) / 1e9);
        // As autovacuum leaves a table that has settled: statistics, and the visibility map that index-only scans need.
        jdbc.execute("vacuum analyze");
    }

    /** Lives of a case through the application services, as the demo users act them. */
    static final class Lives {
        private final CaseWork work;
        private final UserAccounts accounts;
        private final String category;
        private final long grid;
        private final long bureau;

        Lives(ConfigurableApplicationContext app) {
            work = app.getBean(CaseWork.class);
            accounts = app.getBean(UserAccounts.class);
            category = app.getBean(Categories.class).search("暴露垃圾", 1).get(0).category().code().value();
            grid = app.getBean(TerritoryQueries.class).tree(null).findByCode("230804007001001").orElseThrow().id();
            bureau = app.getBean(Organisation.class).unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
        }

        long registered(int n) {
            ActingAs.user(accounts, "yongan-sq");
            return work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安社区3号楼东侧垃圾堆放三天无人清运 " + n,
                    null, grid, "前进区永安社区3号楼", "王女士", "13845467788", false, false, true, category, false, null)).caseId();
        }

        long dispatched(int n) {
            long id = registered(n);
            ActingAs.user(accounts, "yongan");
            work.dispatch(id, null, bureau, Set.of(), null);
            return id;
        }

        long accepted(int n) {
            long id = dispatched(n);
            ActingAs.user(accounts, "chengguan");
            work.accept(id, null);
            return id;
        }

        long handled(int n) {
            long id = accepted(n);
            work.reportResult(id, null, "已清运");
            return id;
        }

        long returned(int n) {
            long id = dispatched(n);
            ActingAs.user(accounts, "chengguan");
            work.returnCase(id, null, "小区内部垃圾属物业管理范围");
            return id;
        }

        long closed(int n) {
            long id = handled(n);
            ActingAs.user(accounts, "wanggeyuan");
            work.verify(id, null, true, "现场核实");
            ActingAs.user(accounts, "yongan-sq");
            work.returnVisit(id, null, Satisfaction.SATISFIED, false, null);
            return id;
        }
    }
}
