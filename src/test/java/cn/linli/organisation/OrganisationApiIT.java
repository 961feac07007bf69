package cn.linli.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.linli.access.internal.UserAccounts;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/** The organisation API and pages: scope, administrator-only changes, and bad input answered field by field. */
@IntegrationTest
class OrganisationApiIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired TerritoryQueries territory;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return SignedIn.as(accounts, username);
    }

    long unit(String code) {
        return territory.tree(null).findByCode(code).orElseThrow().id();
    }

    long rows() {
        return jdbc.sql("select (select count(*) from organisation_unit) + (select count(*) from organisation_membership) "
                + "+ (select count(*) from organisation_unit_coverage)").query(Long.class).single();
    }

    String department(String name, long home, long covered, Long supervisor) {
        return """
                {"name": "%s", "departmentKey": "zhujian", "homeUnitId": %d, "coverage": [%d], "categories": ["zhujian"],
                 "supervisorId": %s}""".formatted(name, home, covered, supervisor);
    }

    @Test
    void anAdministratorCreatesADistrictBureauThatRoutingFindsAtOnce() throws Exception {
        long qianjin = unit("230804000000");
        long government = organisation.districtGovernmentFor(qianjin).orElseThrow().id();
        mvc.perform(post("/api/organisation/units").with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(department("前进区住房和城乡建设局", qianjin, qianjin, government)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.supervisorName").value("前进区人民政府"))
                .andExpect(jsonPath("$.coverage[0].name").value("前进区"));
        assertThat(organisation.departmentsHandling("zhujian", unit("230804007001")))
                .extracting(HandlingUnit::name).startsWith("前进区住房和城乡建设局");
    }

    @Test
    void onlyAdministratorsChangeUnitsAndMembers() throws Exception {
        long qianjin = unit("230804000000");
        long before = rows();
        mvc.perform(post("/api/organisation/units").with(as("qianjin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(department("前进区某局", qianjin, qianjin, null))).andExpect(status().isForbidden());
        long heating = organisation.departmentsHandling("gongre", unit("230804007001")).get(0).id();
        mvc.perform(post("/api/organisation/units/{id}/members", heating).with(as("gongre")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"gongre\", \"role\": \"HEAD\"}"))
                .andExpect(status().isForbidden());
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void badInputNamesTheFieldInTheUsersLanguageAndChangesNothing() throws Exception {
        long city = unit("230800000000");
        long qianjin = unit("230804000000");
        long xiangyang = unit("230803000000");
        long before = rows();
        expectRejected(department(" ", city, city, null), "name", "单位名称");
        expectRejected(department("某局", 999_999_999L, city, null), "homeUnitId", "不存在");
        expectRejected(department("某局", qianjin, xiangyang, null), "coverage", "向阳区");
        expectRejected(department("某局", city, 999_999_999L, null), "coverage", "不存在");
        HandlingUnit cityBureau = organisation.departmentsHandling("chengguan", city).get(0);
        HandlingUnit branch = organisation.departmentsHandling("chengguan", qianjin).get(0);
        mvc.perform(put("/api/organisation/units/{id}", cityBureau.id()).with(as("admin")).with(csrf()).param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "佳木斯市城市管理综合执法局", "departmentKey": "chengguan", "homeUnitId": %d,
                                 "supervisorId": %d}""".formatted(city, branch.id())))
                .andExpect(status().isOk());
        mvc.perform(put("/api/organisation/units/{id}", branch.id()).with(as("admin")).with(csrf()).param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "前进区城市管理局", "departmentKey": "chengguan", "homeUnitId": %d,
                                 "supervisorId": %d}""".formatted(qianjin, cityBureau.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("supervisorId"))
                .andExpect(jsonPath("$.message").value(containsString("supervisor")));
        long afterFix = rows();
        mvc.perform(post("/api/organisation/units/{id}/members", branch.id()).with(as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"nobody-here\", \"role\": \"HANDLER\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("username"));
        assertThat(rows()).isEqualTo(afterFix).isEqualTo(before);
    }

    void expectRejected(String body, String field, String text) throws Exception {
        mvc.perform(post("/api/organisation/units").with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.message").value(containsString(text)));
    }

    @Test
    void officesCannotBeEditedAsDepartments() throws Exception {
        long office = organisation.officeOf(unit("230804007001")).orElseThrow().id();
        mvc.perform(put("/api/organisation/units/{id}", office).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(department("改名", unit("230804000000"), unit("230804000000"), null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void staffSeeTheirOwnOfficesAndTheCityDepartmentsButNotOtherDistricts() throws Exception {
        mvc.perform(get("/api/organisation/units").param("kind", "STREET_OFFICE").with(as("yongan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(hasItem("永安街道办事处")))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/organisation/units").param("kind", "DEPARTMENT").with(as("yongan")))
                .andExpect(jsonPath("$[*].name").value(hasItem("佳木斯市供热公司")))
                .andExpect(jsonPath("$[*].name").value(hasItem("前进区城市管理局")))
                .andExpect(jsonPath("$[*].name").value(not(hasItem("向阳区城市管理局"))));
        long xiangyangGovernment = organisation.districtGovernmentFor(unit("230803000000")).orElseThrow().id();
        mvc.perform(get("/api/organisation/units/{id}", xiangyangGovernment).with(as("yongan"))).andExpect(status().isNotFound());
    }

    @Test
    void routingAnswersForAPlaceInTheCallersJurisdiction() throws Exception {
        mvc.perform(get("/api/organisation/routing").param("unitId", "" + unit("230804007001001")).param("category", "gongre")
                        .with(as("yongan-sq")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departments[0].name").value("佳木斯市供热公司"))
                .andExpect(jsonPath("$.office.name").value("永安社区居民委员会"))
                .andExpect(jsonPath("$.districtGovernment.name").value("前进区人民政府"));
        mvc.perform(get("/api/organisation/routing").param("unitId", "" + unit("230803000000")).with(as("yongan-sq")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("unitId"));
    }

    @Test
    void theUnitPageShowsCoverageMembersAndSupervisor() throws Exception {
        long heating = organisation.departmentsHandling("gongre", unit("230804007001")).get(0).id();
        mvc.perform(get("/organisation/units/{id}", heating).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("佳木斯市供热公司")))
                .andExpect(content().string(containsString("东风区")))
                .andExpect(content().string(containsString("佳木斯市住房和城乡建设局")))
                .andExpect(content().string(containsString("gongre")));
        mvc.perform(get("/organisation/units").param("q", "永安").param("kind", "COMMUNITY_OFFICE").with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("永安社区居民委员会")));
    }

    @Test
    void aRejectedPageFormComesBackWithTheReason() throws Exception {
        long before = rows();
        mvc.perform(post("/organisation/units").with(as("admin")).with(csrf()).param("name", "某局").param("departmentKey", "mouju")
                        .param("homeCode", "230804000000").param("coverageCodes", "230803000000"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("rejectedField", "coverage"));
        assertThat(rows()).isEqualTo(before);
    }
}
