package cn.linli.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;

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
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/** The registry's JSON API: every endpoint within the scope, 404 outside it, 400 with the field for bad input. */
@IntegrationTest
class RegistryApiIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired TerritoryQueries territory;

    WebFixture.Person mine;
    WebFixture.Person neighbours;
    long neighboursTag;
    long neighbourGrid;

    @BeforeEach
    void residents() {
        ActingAs.user(accounts, "admin");
        mine = WebFixture.person(registry, territory, "230804007001001", "慕容清风");
        neighbours = WebFixture.person(registry, territory, "230804007002001", "慕容白雪");
        neighboursTag = registry.addCareTag(neighbours.id(), "ELDERLY_80", null, LocalDate.of(2025, 1, 1), null);
        neighbourGrid = WebFixture.grid(territory, "230804007002001");
        ActingAs.nobody();
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    MockHttpServletResponse get(String user, String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(SignedIn.as(accounts, user))).andReturn().getResponse();
    }

    MockHttpServletResponse post(String user, String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(json).with(csrf()).with(SignedIn.as(accounts, user)))
                .andReturn().getResponse();
    }

    @Test
    void everyReadAnswersWithinTheScopeWithIdentifiersMasked() throws Exception {
        String resident = get("yongan-sq", "/api/registry/residents/" + mine.id()).getContentAsString();
        assertThat(resident).contains("慕容清风", "2308**********" + mine.idNumber().substring(14)).doesNotContain(mine.idNumber(), mine.phone());
        assertThat(get("yongan-sq", "/api/registry/search?q=" + mine.idNumber()).getContentAsString()).contains("慕容清风").doesNotContain(mine.idNumber());
        assertThat(get("yongan-sq", "/api/registry/search?q=" + mine.phone()).getContentAsString()).contains("慕容清风");
        assertThat(get("yongan-sq", "/api/registry/search?q=清风").getContentAsString()).contains("\"id\":" + mine.id());
        assertThat(get("yongan-sq", "/api/registry/households/" + mine.household() + "?asOf=2001-01-01").getContentAsString())
                .contains("\"asOf\":\"2001-01-01\"", "慕容清风", "\"relation\":\"HEAD\"");
        assertThat(get("yongan-sq", "/api/registry/buildings/" + mine.building()).getContentAsString()).contains("\"room\":\"301\"");
        long grid = WebFixture.grid(territory, "230804007001001");
        assertThat(get("yongan-sq", "/api/registry/grids").getContentAsString()).contains("230804007001001").doesNotContain("230804007002001");
        assertThat(get("yongan-sq", "/api/registry/grids/" + grid + "/households").getContentAsString()).contains("\"id\":" + mine.household());
        assertThat(get("yongan-sq", "/api/registry/grids/" + grid + "/coverage?from=2025-01-01&to=2025-01-31").getContentAsString())
                .contains("\"gridId\":" + grid, "\"visited\":0");
    }

    @Test
    void everyCommandWorksAndTheVisitCountsTowardsCoverage() throws Exception {
        String today = LocalDate.now(ScopeGrids.CITY_ZONE).toString();
        long grid = WebFixture.grid(territory, "230804007001001");
        int before = coverage("wanggeyuan", grid);
        assertThat(post("wanggeyuan", "/api/registry/households/" + mine.household() + "/visits",
                "{\"date\":\"" + today + "\",\"findings\":\"独居，身体尚好\",\"followUp\":true}").getStatus()).isEqualTo(201);
        assertThat(coverage("wanggeyuan", grid)).isEqualTo(before + 1);
        assertThat(get("wanggeyuan", "/api/registry/households/" + mine.household() + "/visits").getContentAsString()).contains("独居，身体尚好");

        var registered = post("yongan-sq", "/api/registry/households/" + mine.household() + "/residents",
                "{\"name\":\"慕容小风\",\"documentNumber\":\"" + WebFixture.idNumber(LocalDate.of(2010, 3, 4))
                        + "\",\"kind\":\"REGISTERED\",\"relation\":\"CHILD\",\"date\":\"2010-03-04\"}");
        assertThat(registered.getStatus()).isEqualTo(201);
        assertThat(post("yongan-sq", "/api/registry/residents/" + mine.id() + "/care-tags",
                "{\"type\":\"ELDERLY_80\",\"validFrom\":\"2025-01-01\"}").getStatus()).isEqualTo(201);
        assertThat(post("yongan-sq", "/api/registry/residents/" + mine.id() + "/move-in",
                "{\"householdId\":" + neighbours.household() + ",\"kind\":\"ACTUAL\",\"relation\":\"OTHER\",\"date\":\"2020-01-01\"}")
                .getStatus()).isEqualTo(400);
        assertThat(post("yongan-sq", "/api/registry/residents/" + mine.id() + "/move-out", "{\"kind\":\"REGISTERED\",\"date\":\"2024-01-01\"}")
                .getStatus()).isEqualTo(200);
        assertThat(post("yongan-sq", "/api/registry/residents/" + mine.id() + "/death", "{\"date\":\"2024-02-01\"}").getStatus()).isEqualTo(200);
        assertThat(get("yongan-sq", "/api/registry/residents/" + mine.id()).getContentAsString()).contains("\"status\":\"DECEASED\"");
        var unmasked = post("yongan-sq", "/api/registry/residents/" + mine.id() + "/unmask", "{\"reason\":\"核对死亡登记\"}");
        assertThat(unmasked.getContentAsString()).contains(mine.idNumber());
    }

    int coverage(String user, long grid) throws Exception {
        String json = get(user, "/api/registry/grids/" + grid + "/coverage").getContentAsString();
        return Integer.parseInt(json.replaceAll(".*\"visited\":(\\d+).*", "$1"));
    }

    @Test
    void anotherCommunitysResidentIsNotFoundForTheGridWorkerThroughEveryEndpoint() throws Exception {
        String r = "/api/registry/residents/" + neighbours.id();
        String h = "/api/registry/households/" + neighbours.household();
        for (String path : List.of(r, h, h + "/visits", "/api/registry/buildings/" + neighbours.building(),
                "/api/registry/grids/" + neighbourGrid + "/households", "/api/registry/grids/" + neighbourGrid + "/coverage")) {
            assertThat(get("wanggeyuan", path).getStatus()).as(path).isEqualTo(404);
        }
        String date = "{\"date\":\"2025-01-01\"}";
        for (String[] call : new String[][] {{r + "/unmask", "{\"reason\":\"核对\"}"},
                {r + "/move-in", "{\"householdId\":" + mine.household() + ",\"kind\":\"ACTUAL\",\"relation\":\"OTHER\",\"date\":\"2025-01-01\"}"},
                {r + "/move-out", "{\"kind\":\"REGISTERED\",\"date\":\"2025-01-01\"}"},
                {r + "/move-within-city", "{\"householdId\":" + mine.household() + ",\"kind\":\"REGISTERED\",\"relation\":\"OTHER\",\"date\":\"2025-01-01\"}"},
                {r + "/move-out-of-city", date}, {r + "/death", date},
                {r + "/care-tags", "{\"type\":\"ELDERLY_80\",\"validFrom\":\"2025-01-01\"}"},
                {"/api/registry/care-tags/" + neighboursTag + "/end", date},
                {h + "/visits", "{\"date\":\"2025-01-01\",\"findings\":\"走访\"}"},
                {h + "/residents", "{\"name\":\"某某\",\"documentNumber\":\"" + WebFixture.idNumber(LocalDate.of(1990, 1, 1))
                        + "\",\"kind\":\"REGISTERED\",\"relation\":\"OTHER\",\"date\":\"2025-01-01\"}"}}) {
            assertThat(post("wanggeyuan", call[0], call[1]).getStatus()).as(call[0]).isIn(403, 404);
        }
        assertThat(get("wanggeyuan", "/api/registry/search?q=" + neighbours.idNumber()).getContentAsString()).doesNotContain("慕容白雪");
        ActingAs.user(accounts, "admin");
        assertThat(queries.resident(neighbours.id()).orElseThrow().status().name()).isEqualTo("ACTIVE");
        assertThat(queries.resident(neighbours.id()).orElseThrow().careTags()).singleElement().satisfies(t -> assertThat(t.validTo()).isNull());
    }

    @Test
    void badInputIsA400WithTheFieldAndChangesNothing() throws Exception {
        String tomorrow = LocalDate.now(ScopeGrids.CITY_ZONE).plusDays(1).toString();
        var visit = post("wanggeyuan", "/api/registry/households/" + mine.household() + "/visits",
                "{\"date\":\"" + tomorrow + "\",\"findings\":\"走访\"}");
        assertThat(visit.getStatus()).isEqualTo(400);
        assertThat(visit.getContentAsString()).contains("\"field\":\"date\"", "晚于今天");
        String badId = mine.idNumber().substring(0, 17) + (mine.idNumber().charAt(17) == '1' ? "2" : "1");
        var register = post("yongan-sq", "/api/registry/households/" + mine.household() + "/residents",
                "{\"name\":\"某某\",\"documentNumber\":\"" + badId + "\",\"kind\":\"ACTUAL\",\"relation\":\"OTHER\",\"date\":\"2025-01-01\"}");
        assertThat(register.getStatus()).isEqualTo(400);
        assertThat(register.getContentAsString()).contains("\"field\":\"documentNumber\"");
        var move = post("yongan-sq", "/api/registry/residents/" + mine.id() + "/move-out", "{\"kind\":\"REGISTERED\",\"date\":\"1999-01-01\"}");
        assertThat(move.getStatus()).isEqualTo(400);
        assertThat(move.getContentAsString()).contains("\"field\":\"date\"", "迁出日期早于迁入日期");
        assertThat(post("yongan-sq", "/api/registry/residents/" + mine.id() + "/unmask", "{\"reason\":\"\"}").getStatus()).isEqualTo(400);
        ActingAs.user(accounts, "yongan-sq");
        assertThat(queries.household(mine.household(), null).orElseThrow().members()).hasSize(1);
        assertThat(get("wanggeyuan", "/api/registry/households/" + mine.household() + "/visits").getContentAsString()).isEqualTo("[]");
    }

    @Test
    void departmentStaffGetNothing() throws Exception {
        assertThat(get("chengguan", "/api/registry/residents/" + mine.id()).getStatus()).isEqualTo(404);
        assertThat(get("chengguan", "/api/registry/households/" + mine.household()).getStatus()).isEqualTo(404);
        assertThat(get("chengguan", "/api/registry/search?q=清风").getContentAsString()).isEqualTo("{\"residents\":[],\"households\":[]}");
        assertThat(get("chengguan", "/api/registry/grids").getContentAsString()).isEqualTo("[]");
        assertThat(post("chengguan", "/api/registry/households/" + mine.household() + "/visits",
                "{\"date\":\"2025-01-01\",\"findings\":\"走访\"}").getStatus()).isEqualTo(404);
    }
}
