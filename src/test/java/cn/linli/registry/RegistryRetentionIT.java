package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.grid;
import static cn.linli.registry.RegistryFixture.household;
import static cn.linli.registry.RegistryFixture.idNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.registry.internal.RegistryJobs;
import cn.linli.shared.DocumentKind;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The retention job: residents past the period are anonymised and the statistics still add up; one within it is
 * left; a second run does nothing more; two instances never run it at once. On H2 and PostgreSQL.
 */
@IntegrationTest
class RegistryRetentionIT {

    static final LocalDate TODAY = LocalDate.now(Check.CITY_ZONE);

    @Autowired RegistryRetention retention;
    @Autowired RegistryJobs jobs;
    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired RegistryExports exports;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.core.env.Environment environment;

    long home;

    @BeforeEach
    void signIn() {
        ActingAs.user(accounts, "yongan-sq");
        home = household(registry, grid(territory, "230804007001001"));
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    long resident(String name, LocalDate birth, String number) {
        return resident(name, number, RegistryFixture.phone(), home);
    }

    long resident(String name, String number, String phone, long household) {
        return registry.register(new NewResident(name, null, null, DocumentKind.RESIDENT_ID_CARD, number, phone, "满族",
                "大学本科", "退休", true), household, MembershipKind.ACTUAL, Relation.OTHER, LocalDate.of(2000, 1, 1));
    }

    /**
     * The counts statistics are made of: by gender, ten-year band of birth and status, and by grid and kind through
     * memberships, an anonymised resident's counted in the grid their household was in.
     */
    List<String> statistics() {
        List<String> residents = jdbc.sql("""
                select gender, floor(extract(year from birth_date) / 10) as band, status, count(*) as n
                from registry_resident group by gender, floor(extract(year from birth_date) / 10), status
                order by gender, band, status""")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "=" + rs.getInt(4)).list();
        List<String> grids = jdbc.sql("""
                select grid_id, kind, count(*) from (
                    select h.grid_id, m.kind from registry_membership m join registry_household h on h.id = m.household_id
                    union all select grid_id, kind from registry_anonymised_membership) s
                group by grid_id, kind order by grid_id, kind""")
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "=" + rs.getInt(3)).list();
        List<String> tags = jdbc.sql("""
                select type_code, extract(year from valid_from) as y, count(*) from registry_care_tag
                group by type_code, extract(year from valid_from) order by type_code, y""")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "=" + rs.getInt(3)).list();
        return java.util.stream.Stream.of(residents, grids, tags).flatMap(List::stream).toList();
    }

    Map<String, Object> row(long id) {
        return jdbc.sql("select * from registry_resident where id = ?").param(id).query().singleRow();
    }

    @Test
    void aDeceasedResidentPastThePeriodIsAnonymisedOneWithinItIsNotAndTheStatisticsAddUp() {
        String pastNumber = idNumber(LocalDate.of(1931, 5, 17));
        long past = resident("上官老", LocalDate.of(1931, 5, 17), pastNumber);
        registry.addCareTag(past, "ELDERLY_80", null, LocalDate.of(2011, 5, 17), null);
        registry.recordDeath(past, TODAY.minusYears(6));
        String recentNumber = idNumber(LocalDate.of(1932, 6, 18));
        long recent = resident("上官新", LocalDate.of(1932, 6, 18), recentNumber);
        registry.recordDeath(recent, TODAY.minusYears(1));
        long movedAway = resident("上官远", LocalDate.of(1980, 2, 2), idNumber(LocalDate.of(1980, 2, 2)));
        registry.moveOutOfCity(movedAway, TODAY.minusYears(4));
        long oldVisit = registry.recordVisit(home, TODAY.minusYears(6), "上官老人独居，女儿电话联系", false);
        long newVisit = registry.recordVisit(home, TODAY.minusMonths(2), "一切正常", false);
        List<String> before = statistics();

        ActingAs.user(accounts, "admin");
        RetentionRun run = retention.runNow();

        assertThat(run.skipped()).isFalse();
        assertThat(run.deceased()).isGreaterThanOrEqualTo(1);
        assertThat(run.movedOutOfCity()).isGreaterThanOrEqualTo(1);
        Map<String, Object> anonymised = row(past);
        assertThat(anonymised.get("name")).isEqualTo("（已匿名）");
        for (String gone : List.of("document_number", "document_index", "phone", "phone_index", "ethnicity", "education",
                "employment", "party_member")) {
            assertThat(anonymised.get(gone)).as(gone).isNull();
        }
        assertThat(anonymised.get("birth_date").toString()).isEqualTo("1931-01-01");
        assertThat(anonymised.get("status")).isEqualTo("DECEASED");
        assertThat(row(movedAway).get("document_number")).isNull();
        Map<String, Object> kept = row(recent);
        assertThat(kept.get("name")).isEqualTo("上官新");
        assertThat(kept.get("document_number")).isNotNull();
        assertThat(kept.get("ethnicity")).isEqualTo("满族");
        assertThat(statistics()).isEqualTo(before);
        assertThat(findings(oldVisit)).isEmpty();
        assertThat(findings(newVisit)).isEqualTo("一切正常");

        ActingAs.user(accounts, "yongan-sq");
        assertThat(queries.findByDocumentNumber(pastNumber)).isEmpty();
        assertThat(queries.findByDocumentNumber(recentNumber)).extracting(ResidentSummary::id).containsExactly(recent);
        assertThat(queries.resident(past)).isEmpty();
        assertThat(queries.resident(recent)).isPresent();

        ActingAs.user(accounts, "admin");
        RetentionRun second = retention.runNow();
        assertThat(List.of(second.movedOutOfCity(), second.deceased(), second.households(), second.visits())).containsOnly(0);
        assertThat(row(past).get("version")).isEqualTo(anonymised.get("version"));
        assertThat(statistics()).isEqualTo(before);
        assertThat(jdbc.sql("select detail from access_audit where action = 'REGISTRY_RETENTION_RUN' order by id desc")
                .query(String.class).list()).first().asString().startsWith("movedOutOfCity=0; deceased=0; households=0; visits=0");
    }

    /**
     * What an administrator finds after the job: a household whose only member was anonymised keeps its address (the
     * dwelling is still there and still counts) but no phone, no members, no history and no visit notes from their
     * time; a household shared with someone still living there no longer lists the anonymised member; the search
     * finds them by neither name nor phone, their card is gone, and the export holds only the living.
     */
    @Test
    void anAdministratorFindsNoTraceOfAnAnonymisedResidentInHouseholdCardsSearchOrExport() throws Exception {
        long grid = grid(territory, "230804007001001");
        long emptied = household(registry, grid);
        long shared = household(registry, grid);
        String awayPhone = RegistryFixture.phone();
        long away = resident("慕容远", idNumber(LocalDate.of(1975, 3, 3)), awayPhone, emptied);
        long duringStay = registry.recordVisit(emptied, TODAY.minusYears(4).minusMonths(2), "慕容远独居，在外地打工", true);
        registry.moveOutOfCity(away, TODAY.minusYears(4));
        long afterStay = registry.recordVisit(emptied, TODAY.minusYears(2), "房屋空置", false);
        long stays = resident("慕容在", idNumber(LocalDate.of(1950, 4, 4)), RegistryFixture.phone(), shared);
        long died = resident("慕容故", idNumber(LocalDate.of(1948, 5, 5)), RegistryFixture.phone(), shared);
        registry.recordDeath(died, TODAY.minusYears(6));
        String emptiedAddress = queries.household(emptied, null).orElseThrow().address();

        ActingAs.user(accounts, "admin");
        RetentionRun run = retention.runNow();
        assertThat(run.households()).isGreaterThanOrEqualTo(1);

        ActingAs.nobody();
        var admin = SignedIn.as(accounts, "admin");
        String emptiedCard = json(get("/api/registry/households/" + emptied), admin);
        assertThat(emptiedCard).contains("\"id\":" + emptied, emptiedAddress, "\"phone\":null", "\"headId\":null",
                "\"members\":[]", "\"history\":[]");
        String sharedCard = json(get("/api/registry/households/" + shared), admin);
        assertThat(sharedCard).contains("\"residentId\":" + stays).doesNotContain("\"residentId\":" + died)
                .contains("\"phone\":\"1");
        String visits = json(get("/api/registry/households/" + emptied + "/visits"), admin);
        assertThat(visits).contains("房屋空置").doesNotContain("慕容远");
        assertThat(findings(duringStay)).isEmpty();
        assertThat(findings(afterStay)).isEqualTo("房屋空置");
        for (String query : List.of("慕容", "慕容远", "匿名", awayPhone)) {
            String found = json(get("/api/registry/search").param("q", query), admin);
            assertThat(found).as(query).doesNotContain("\"id\":" + away + ",", "\"id\":" + died + ",");
        }
        assertThat(json(get("/api/registry/search").param("q", "慕容在"), admin)).contains("\"id\":" + stays + ",");
        assertThat(json(get("/api/registry/search").param("q", emptiedAddress), admin)).contains("\"id\":" + emptied + ",");
        for (long gone : new long[] {away, died}) {
            assertThat(mvc.perform(get("/api/registry/residents/" + gone).with(admin)).andReturn().getResponse().getStatus())
                    .isEqualTo(404);
        }

        ActingAs.user(accounts, "yongan-sq");
        assertThat(queries.search("匿名")).isEmpty();
        assertThat(queries.search("慕容")).extracting(ResidentSummary::id).contains(stays).doesNotContain(away, died);
        List<List<String>> exported = RegistryImportIT.sheet(exports.export(null, false, null).content(), 0);
        assertThat(exported.stream().flatMap(List::stream)).contains("慕容在").doesNotContain("慕容远", "慕容故", "（已匿名）");
    }

    String json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            org.springframework.test.web.servlet.request.RequestPostProcessor user) throws Exception {
        var response = mvc.perform(request.with(user)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    String findings(long visit) {
        return jdbc.sql("select findings from registry_visit where id = ?").param(visit).query(String.class).single();
    }

    @Test
    void whileOneInstanceRunsTheJobAnotherSkipsIt() throws Exception {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> jobs.runExclusively(RegistryRetention.JOB,
                "other-instance", () -> {
                    started.countDown();
                    await(release);
                    return 1;
                }, n -> "held").orElse(0));
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        ActingAs.user(accounts, "admin");
        assertThat(retention.runNow().skipped()).isTrue();
        release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(retention.runNow().skipped()).isFalse();
    }

    @Test
    void aNightsRunWhoseInstanceDiedIsTakenUpByTheNextInstanceThatLooksAndDoneOnlyOnce() throws Exception {
        Instant now = Instant.now();
        Instant scheduled = RegistryRetention.lastScheduled("0 30 2 * * *", now);
        jdbc.sql("update registry_job set last_started_at = ? where name = 'retention'")
                .param(OffsetDateTime.ofInstant(scheduled.minusSeconds(3600), ZoneOffset.UTC)).update();
        long runs = auditedRuns();
        try (Connection dying = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"))) {
            dying.setAutoCommit(false);
            dying.createStatement().executeQuery("select name from registry_job where name = 'retention' for update").close();
            assertThat(retention.runIfDue(now)).as("another instance is running it").isEmpty();
        }
        // that instance died: its connection closed without commit, and the database rolls its run back and frees
        // the lock a moment later (PostgreSQL ends the backend after close() returns); the next look takes it up
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> retention.runIfDue(now).isPresent());
        assertThat(retention.runIfDue(now.plusSeconds(600))).as("done for this night, wherever it ran").isEmpty();
        assertThat(auditedRuns()).isEqualTo(runs + 1);
    }

    @Test
    void theLastScheduledTimeIsTheNightBeforeUntilTonightsHourHasCome() {
        Instant morning = Instant.parse("2026-11-26T01:00:00Z"); // 09:00 in Jiamusi
        assertThat(RegistryRetention.lastScheduled("0 30 2 * * *", morning)).isEqualTo(Instant.parse("2026-11-25T18:30:00Z"));
        Instant beforeTheHour = Instant.parse("2026-11-25T18:00:00Z"); // 02:00 in Jiamusi
        assertThat(RegistryRetention.lastScheduled("0 30 2 * * *", beforeTheHour)).isEqualTo(Instant.parse("2026-11-24T18:30:00Z"));
    }

    long auditedRuns() {
        return jdbc.sql("select count(*) from access_audit where action = 'REGISTRY_RETENTION_RUN'").query(Long.class).single();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theAdministratorSeesThePeriodsAndTheLastRunAndRunsItNow() throws Exception {
        ActingAs.nobody();
        var ran = mvc.perform(post("/registry/retention/run").with(csrf()).with(SignedIn.as(accounts, "admin"))).andReturn();
        assertThat(ran.getResponse().getRedirectedUrl()).isEqualTo("/registry/retention");
        assertThat(ran.getFlashMap().get("notice")).isEqualTo("registry.web.retention.done");
        String page = mvc.perform(get("/registry/retention").with(SignedIn.as(accounts, "admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("个人信息保存期限", "P3Y", "P5Y", "立即运行", "admin", "movedOutOfCity=");
        assertThat(mvc.perform(get("/registry/retention").with(SignedIn.as(accounts, "yongan-sq"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/registry/retention/run").with(csrf()).with(SignedIn.as(accounts, "yongan-sq")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        ActingAs.user(accounts, "yongan-sq");
        assertThatThrownBy(() -> retention.runNow()).isInstanceOf(AccessDeniedException.class);
    }
}
