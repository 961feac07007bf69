package cn.linli.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Categories;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * Live updates: a committed change reaches the connected users who may see the case, and nobody else. The heating
 * company, connected at the same time, hears nothing of a case dispatched to the urban-management bureau.
 */
@IntegrationTest
class CaseStreamIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    MockHttpServletResponse connect(String username) throws Exception {
        return mvc.perform(get("/casework/stream").with(SignedIn.as(accounts, username)))
                .andExpect(request().asyncStarted()).andReturn().getResponse();
    }

    @Test
    void aDispatchReachesTheHandlingUnitAndTheStreetButNotAnotherDepartment() throws Exception {
        MockHttpServletResponse chengguan = connect("chengguan");
        MockHttpServletResponse street = connect("yongan");
        MockHttpServletResponse heating = connect("gongre");
        assertThat(chengguan.getContentType()).startsWith("text/event-stream");

        ActingAs.user(accounts, "yongan-sq");
        long grid = territory.tree(null).findByCode("230804007001002").orElseThrow().id();
        String code = categories.search("暴露垃圾", 1).get(0).category().code().value();
        var receipt = work.receive(new NewCase(RequestType.COMPLAINT, Channel.PHONE, null, "路边垃圾桶满溢。", null, grid, null,
                null, null, true, false, false, code, false, null));
        ActingAs.user(accounts, "yongan");
        long unit = organisation.unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
        work.dispatch(receipt.caseId(), queries.find(receipt.caseId()).orElseThrow().version(), unit, Set.of(), null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(chengguan.getContentAsString()).contains("event:case", "\"number\":\"" + receipt.number() + "\"",
                    "\"action\":\"DISPATCH\"", "\"to\":\"DISPATCHED\"", "\"unitId\":" + unit);
            assertThat(street.getContentAsString()).contains("\"action\":\"REGISTER\"", "\"action\":\"DISPATCH\"");
        });
        // Intake was heard by the street before the dispatch; the heating company heard none of it.
        assertThat(heating.getContentAsString()).doesNotContain(receipt.number());
        assertThat(chengguan.getContentAsString()).doesNotContain("\"action\":\"REGISTER\"");
    }
}
