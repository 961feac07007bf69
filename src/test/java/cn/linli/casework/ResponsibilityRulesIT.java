package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.internal.Routing;
import cn.linli.organisation.Organisation;
import cn.linli.organisation.UnitKind;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/** The responsibility matrix: a rule overrules the general principles for its place and is refused when it cannot hold. */
@IntegrationTest
class ResponsibilityRulesIT {

    static final String API = "/api/casework/responsibility";

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Routing routing;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;

    @Test
    void aRuleForAPlaceRoutesItsCasesThereAndItsRemovalRestoresThePrinciples() throws Exception {
        String water = categories.search("道路积水", 1).get(0).category().code().value();
        long community = territory.tree(null).findByCode("230804007001").orElseThrow().id();
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        long street = organisation.unitsOf(accounts.findByUsername("yongan").orElseThrow().id()).get(0).id();
        long bureau = organisation.unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
        Routing.Suggestion before = routing.suggest(water, grid).orElseThrow();

        String body = "{\"categoryCode\":\"" + water + "\",\"placeUnitId\":" + community + ",\"mainUnit\":" + street
                + ",\"coUnits\":[" + bureau + "],\"note\":\"小区内道路由街道协调\"}";
        String created = mvc.perform(post(API).contentType(MediaType.APPLICATION_JSON).content(body).with(csrf())
                        .with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Routing.Suggestion ruled = routing.suggest(water, grid).orElseThrow();
        assertThat(ruled.reason()).isEqualTo(Routing.Reason.MATRIX);
        assertThat(ruled.unit().id()).isEqualTo(street);
        assertThat(ruled.coHandlers()).extracting(u -> u.id()).containsExactly(bureau);

        mvc.perform(post(API).contentType(MediaType.APPLICATION_JSON).content(body).with(csrf()).with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("categoryCode"));
        Number id = JsonPath.read(created, "$.id");
        mvc.perform(delete(API + "/" + id).with(csrf()).with(SignedIn.as(accounts, "admin"))).andExpect(status().isNoContent());
        assertThat(routing.suggest(water, grid).orElseThrow()).isEqualTo(before);
    }

    @Test
    void withoutARuleADepartmentlessMatterFallsToTheDistrictAndANeighbourDisputeToTheCommunity() {
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        long community = territory.tree(null).findByCode("230804007001").orElseThrow().id();
        long county = territory.tree(null).findByCode("230804000000").orElseThrow().id();

        // 消防栓损坏 belongs to the fire service, which has no unit in the demo city: 兜底 by 前进区's government
        Category hydrant = categories.find("BJ0103").orElseThrow();
        assertThat(hydrant.nameZh()).isEqualTo("消防栓损坏");
        assertThat(hydrant.handler()).isEqualTo(Category.Handler.department("xiaofang"));
        Routing.Suggestion fallback = routing.suggest("BJ0103", grid).orElseThrow();
        assertThat(fallback.reason()).isEqualTo(Routing.Reason.FALLBACK);
        assertThat(fallback.unit().kind()).isEqualTo(UnitKind.DISTRICT_GOVERNMENT);
        assertThat(fallback.unit().derivedFrom()).isEqualTo(county);
        assertThat(fallback.unit().name()).isEqualTo("前进区人民政府");
        assertThat(fallback.coHandlers()).isEmpty();

        // 邻里噪声纠纷 is a territorial matter: the community office of the place (属地管理)
        Category noise = categories.find("FW0501").orElseThrow();
        assertThat(noise.nameZh()).isEqualTo("邻里噪声纠纷");
        assertThat(noise.handler().kind()).isEqualTo(Category.HandlerKind.TERRITORIAL);
        Routing.Suggestion territorial = routing.suggest("FW0501", grid).orElseThrow();
        assertThat(territorial.reason()).isEqualTo(Routing.Reason.TERRITORIAL);
        assertThat(territorial.unit().kind()).isEqualTo(UnitKind.COMMUNITY_OFFICE);
        assertThat(territorial.unit().derivedFrom()).isEqualTo(community);
        assertThat(territorial.unit().name()).startsWith("永安社区");

        // a department's matter is never pushed down to a community or street office, whether or not it has a department
        List<Category> departmentMatters = categories.tree().stream().flatMap(b -> b.minors().stream())
                .filter(c -> c.handler().kind() == Category.HandlerKind.DEPARTMENT).toList();
        assertThat(departmentMatters).extracting(c -> c.code().value()).contains("BJ0103", "SJ0102");
        for (Category matter : departmentMatters) {
            Routing.Suggestion s = routing.suggest(matter.code().value(), grid).orElseThrow();
            if (s.reason() == Routing.Reason.MATRIX) continue;
            assertThat(s.reason()).as(matter.code().value()).isIn(Routing.Reason.DEPARTMENT, Routing.Reason.FALLBACK);
            assertThat(s.unit().kind()).as(matter.code().value()).isIn(UnitKind.DEPARTMENT, UnitKind.DISTRICT_GOVERNMENT);
        }
    }

    @Test
    void badRulesNameTheirFieldAndOnlyAdministratorsChangeTheMatrix() throws Exception {
        long community = territory.tree(null).findByCode("230804007001").orElseThrow().id();
        long street = organisation.unitsOf(accounts.findByUsername("yongan").orElseThrow().id()).get(0).id();
        String[][] cases = {
                {"{\"categoryCode\":\"ZZ99\",\"placeUnitId\":" + community + ",\"mainUnit\":" + street + "}", "categoryCode"},
                {"{\"categoryCode\":\"SJ01\",\"placeUnitId\":999999999,\"mainUnit\":" + street + "}", "placeUnitId"},
                {"{\"categoryCode\":\"SJ01\",\"placeUnitId\":" + community + ",\"mainUnit\":999999999}", "mainUnit"},
                {"{\"categoryCode\":\"SJ01\",\"placeUnitId\":" + community + ",\"mainUnit\":" + street + ",\"coUnits\":[" + street + "]}", "coUnits"}};
        for (String[] c : cases) {
            mvc.perform(post(API).contentType(MediaType.APPLICATION_JSON).content(c[0]).with(csrf()).with(SignedIn.as(accounts, "admin")))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(c[1]));
        }
        mvc.perform(post(API).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categoryCode\":\"SJ01\",\"placeUnitId\":" + community + ",\"mainUnit\":" + street + "}")
                        .with(csrf()).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isForbidden());
        mvc.perform(delete(API + "/999999").with(csrf()).with(SignedIn.as(accounts, "admin"))).andExpect(status().isNotFound());
    }
}
