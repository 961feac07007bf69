package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.internal.Routing;
import cn.linli.organisation.Organisation;
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
