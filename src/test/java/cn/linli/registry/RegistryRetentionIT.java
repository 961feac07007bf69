package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.grid;
import static cn.linli.registry.RegistryFixture.household;
import static cn.linli.registry.RegistryFixture.idNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
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
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

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
        return registry.register(new NewResident(name, DocumentKind.RESIDENT_ID_CARD, number, RegistryFixture.phone()), home,
                MembershipKind.ACTUAL, Relation.OTHER, LocalDate.of(2000, 1, 1));
    }

    /** The counts statistics are made of: by gender, ten-year band of birth, status, and by grid through memberships. */
    List<String> statistics() {
        List<String> residents = jdbc.sql("""
                select gender, floor(extract(year from birth_date) / 10) as band, status, count(*) as n
                from registry_resident group by gender, floor(extract(year from birth_date) / 10), status
                order by gender, band, status""")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "=" + rs.getInt(4)).list();
        List<String> grids = jdbc.sql("""
                select h.grid_id, m.kind, count(*) from registry_membership m join registry_household h on h.id = m.household_id
                group by h.grid_id, m.kind order by h.grid_id, m.kind""")
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "=" + rs.getInt(3)).list();
        return java.util.stream.Stream.concat(residents.stream(), grids.stream()).toList();
    }

    Map<String, Object> row(long id) {
        return jdbc.sql("select * from registry_resident where id = ?").param(id).query().singleRow();
    }

    @Test
    void aDeceasedResidentPastThePeriodIsAnonymisedOneWithinItIsNotAndTheStatisticsAddUp() {
        String pastNumber = idNumber(LocalDate.of(1931, 5, 17));
        long past = resident("上官老", LocalDate.of(1931, 5, 17), pastNumber);
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
        assertThat(anonymised.get("document_number")).isNull();
        assertThat(anonymised.get("document_index")).isNull();
        assertThat(anonymised.get("phone")).isNull();
        assertThat(anonymised.get("phone_index")).isNull();
        assertThat(anonymised.get("birth_date").toString()).isEqualTo("1931-01-01");
        assertThat(anonymised.get("status")).isEqualTo("DECEASED");
        assertThat(row(movedAway).get("document_number")).isNull();
        Map<String, Object> kept = row(recent);
        assertThat(kept.get("name")).isEqualTo("上官新");
        assertThat(kept.get("document_number")).isNotNull();
        assertThat(statistics()).isEqualTo(before);
        assertThat(findings(oldVisit)).isEmpty();
        assertThat(findings(newVisit)).isEqualTo("一切正常");

        ActingAs.user(accounts, "yongan-sq");
        assertThat(queries.findByDocumentNumber(pastNumber)).isEmpty();
        assertThat(queries.findByDocumentNumber(recentNumber)).extracting(ResidentSummary::id).containsExactly(recent);
        ResidentCard card = queries.resident(past).orElseThrow();
        assertThat(card.document()).isNull();
        assertThat(card.anonymisedOn()).isEqualTo(TODAY);
        assertThat(card.memberships()).hasSize(1);
        assertThat(RegistryIT.code(() -> queries.unmaskDocument(past, "核对"))).isEqualTo("registry.error.anonymised");

        ActingAs.user(accounts, "admin");
        RetentionRun second = retention.runNow();
        assertThat(List.of(second.movedOutOfCity(), second.deceased(), second.visits())).containsOnly(0);
        assertThat(row(past).get("version")).isEqualTo(anonymised.get("version"));
        assertThat(jdbc.sql("select detail from access_audit where action = 'REGISTRY_RETENTION_RUN' order by id desc")
                .query(String.class).list()).first().asString().startsWith("movedOutOfCity=0; deceased=0; visits=0");
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
