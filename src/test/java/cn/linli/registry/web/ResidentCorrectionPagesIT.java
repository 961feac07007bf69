package cn.linli.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.registry.Registry;
import cn.linli.registry.RegistryQueries;
import cn.linli.registry.ResidentCard;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * Correcting a resident's details: on the staff resident page, on the grid worker's phone page and through the API;
 * a refused correction shows its reason and changes nothing.
 */
@IntegrationTest
class ResidentCorrectionPagesIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired TerritoryQueries territory;

    WebFixture.Person mine;
    WebFixture.Person neighbours;

    @BeforeEach
    void residents() {
        ActingAs.user(accounts, "admin");
        mine = WebFixture.person(registry, territory, "230804007001001", "东方既白");
        neighbours = WebFixture.person(registry, territory, "230804007002001", "东方未明");
        ActingAs.nobody();
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    ResidentCard card() {
        ActingAs.user(accounts, "yongan-sq");
        try {
            return queries.resident(mine.id()).orElseThrow();
        } finally {
            ActingAs.nobody();
        }
    }

    MockHttpServletResponse form(String user, String path, String... fields) throws Exception {
        var request = post(path).with(csrf()).with(SignedIn.as(accounts, user));
        for (int i = 0; i < fields.length; i += 2) request.param(fields[i], fields[i + 1]);
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletResponse putJson(String user, String path, String json) throws Exception {
        return mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf())
                .with(SignedIn.as(accounts, user))).andReturn().getResponse();
    }

    @Test
    void communityStaffCorrectTheNameOnTheResidentPage() throws Exception {
        String page = mvc.perform(get("/registry/residents/" + mine.id()).with(SignedIn.as(accounts, "yongan-sq")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("更正居民信息", "name=\"version\"", "不填则不变").doesNotContain(mine.idNumber());

        var saved = form("yongan-sq", "/registry/residents/" + mine.id() + "/correct", "version", "0", "name", "东方既明",
                "ethnicity", "满族", "relation-REGISTERED", "HEAD");
        assertThat(saved.getRedirectedUrl()).isEqualTo("/registry/residents/" + mine.id());
        assertThat(card().name()).isEqualTo("东方既明");
        assertThat(card().ethnicity()).isEqualTo("满族");

        String stale = form("yongan-sq", "/registry/residents/" + mine.id() + "/correct", "version", "0", "name", "东方既白")
                .getContentAsString();
        assertThat(stale).contains("已被他人修改").contains("value=\"东方既白\"");
        assertThat(card().name()).isEqualTo("东方既明");
    }

    @Test
    void theGridWorkerUpdatesAResidentFromHisPhone() throws Exception {
        String household = mvc.perform(get("/registry/my-grid/households/" + mine.household())
                .with(SignedIn.as(accounts, "wanggeyuan"))).andReturn().getResponse().getContentAsString();
        assertThat(household).contains("/registry/my-grid/residents/" + mine.id(), "更新信息");
        assertThat(mvc.perform(get("/registry/my-grid/residents/" + mine.id()).with(SignedIn.as(accounts, "wanggeyuan")))
                .andReturn().getResponse().getContentAsString()).contains("保存更正", "东方既白");

        String refused = form("wanggeyuan", "/registry/my-grid/residents/" + mine.id() + "/correct", "version", "0",
                "name", "东方既白", "documentNumber", mine.idNumber().substring(0, 17) + (mine.idNumber().endsWith("1") ? "2" : "1"))
                .getContentAsString();
        assertThat(refused).contains("校验");
        var saved = form("wanggeyuan", "/registry/my-grid/residents/" + mine.id() + "/correct", "version", "0",
                "name", "东方既白", "phone", "17000029876", "employment", "退休");
        assertThat(saved.getRedirectedUrl()).isEqualTo("/registry/my-grid/residents/" + mine.id());
        assertThat(card().phone()).endsWith("9876");
        assertThat(card().employment()).isEqualTo("退休");
        assertThat(mvc.perform(get("/registry/my-grid/residents/" + neighbours.id()).with(SignedIn.as(accounts, "wanggeyuan")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theApiCorrectsWithTheVersionAndAnswers400Or404() throws Exception {
        String newNumber = WebFixture.idNumber(LocalDate.of(1949, 6, 1));
        var ok = putJson("yongan-sq", "/api/registry/residents/" + mine.id(),
                "{\"version\":0,\"name\":\"东方既白\",\"documentNumber\":\"" + newNumber + "\"}");
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getContentAsString()).contains("\"changed\":[", "\"birthDate\"", "\"documentNumber\"");
        assertThat(card().birthDate()).isEqualTo(LocalDate.of(1949, 6, 1));

        var birth = putJson("yongan-sq", "/api/registry/residents/" + mine.id(),
                "{\"version\":1,\"name\":\"东方既白\",\"birthDate\":\"1950-01-01\"}");
        assertThat(birth.getStatus()).isEqualTo(400);
        assertThat(birth.getContentAsString()).contains("\"field\":\"birthDate\"", "不符");
        var stale = putJson("yongan-sq", "/api/registry/residents/" + mine.id(), "{\"version\":0,\"name\":\"别名\"}");
        assertThat(stale.getStatus()).isEqualTo(400);
        assertThat(stale.getContentAsString()).contains("\"field\":\"version\"");
        assertThat(putJson("yongan-sq", "/api/registry/residents/" + neighbours.id(), "{\"version\":0,\"name\":\"别名\"}")
                .getStatus()).isEqualTo(404);
        assertThat(card().name()).isEqualTo("东方既白");
        assertThat(card().version()).isEqualTo(1);
    }
}
