package cn.linli.territory;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/** The territory pages as their users read them, in Chinese first and English on request. */
@IntegrationTest
class TerritoryPagesIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired TerritoryQueries territory;

    RequestPostProcessor as(String username) {
        return SignedIn.as(accounts, username);
    }

    @Test
    void searchFindsUnitsByChineseNameOrCodeWithTheirPlace() throws Exception {
        mvc.perform(get("/divisions").param("q", "永安").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("永安社区"), containsString("230804007001"), containsString("前进区"))));
        mvc.perform(get("/divisions").param("q", "230804009").with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("和平街道")));
        mvc.perform(get("/divisions").param("q", "向阳").with(as("yongan")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("找到 0 个单位")));
    }

    @Test
    void theTreeOpensOnTheJurisdictionAndLoadsChildrenOnDemand() throws Exception {
        mvc.perform(get("/divisions").with(as("yongan")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("永安街道"), not(containsString("向阳区")))));
        long street = territory.tree(null).findByCode("230804007000").orElseThrow().id();
        mvc.perform(get("/divisions/" + street + "/children").with(as("yongan")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("永安社区"), containsString("园林社区"))));
    }

    @Test
    void aUnitPageShowsItsHistoryInEitherLanguage() throws Exception {
        long yongan = territory.tree(null).findByCode("230804007001").orElseThrow().id();
        mvc.perform(get("/divisions/" + yongan).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("沿革"), containsString("230804198001"),
                        containsString("永安社区居民委员会"), containsString("前进区镇直辖"), containsString("导入统计区划代码"))));
        mvc.perform(get("/divisions/" + yongan).param("lang", "en").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("History"), containsString("Official code list applied"))));
    }

    @Test
    void theGridListFlagsGridsOutsideTheStandard() throws Exception {
        mvc.perform(get("/grids").param("flagged", "true").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("不符合 200–300 户的标准"), containsString("band-"))))
                .andExpect(content().string(not(containsString("band-WITHIN"))));
        mvc.perform(get("/grids").with(as("wanggeyuan")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("共 2 个网格"), containsString("230804007001001"))));
    }

    @Test
    void theApiIsDocumentedWithOpenApi() throws Exception {
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/territory/locate']").exists())
                .andExpect(jsonPath("$.paths['/api/territory/boundaries/{level}']").exists());
    }
}
