package cn.linli.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.linli.access.Jurisdiction;
import cn.linli.access.internal.UserAccounts;
import cn.linli.shared.DivisionCode;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The administrator's territory pages: reorganisation forms on a unit's page, code-list upload and review, boundary
 * import. Each works on a fictional prefecture (codes 98xx) beside the demo city; a rejected form changes nothing.
 */
@IntegrationTest
class TerritoryAdminPagesIT {

    private static final AtomicInteger PREFECTURES = new AtomicInteger(10);
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Reorganisations reorganisations;
    @Autowired TerritoryQueries territory;
    @Autowired SnapshotImports imports;

    String p;
    long district, street, community;

    @BeforeEach
    void buildPrefecture() {
        p = "98" + PREFECTURES.getAndIncrement();
        long city = create(p + "00000000", "演练市", null);
        district = create(p + "01000000", "甲区", city);
        street = create(p + "01001000", "一街道", district);
        community = create(p + "01001001", "东社区", street);
    }

    long create(String code, String name, Long parent) {
        return reorganisations.create(new NewUnit(DivisionCode.of(code), name, null, null, parent), START, null);
    }

    RequestPostProcessor as(String username) {
        return SignedIn.as(accounts, username);
    }

    Division now(long id) {
        return territory.tree(null).find(id).orElse(null);
    }

    @Test
    void anAdministratorRenamesAUnitFromItsPageAndTheHistoryKeepsTheOldName() throws Exception {
        mvc.perform(get("/divisions/" + community).with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("区划调整"), containsString("合并至本单位"))));
        mvc.perform(post("/divisions/" + community + "/rename").param("name", "东风社区").param("date", "2025-02-01")
                        .param("note", "民政发〔2025〕3号").with(csrf()).with(as("admin")))
                .andExpect(redirectedUrl("/divisions/" + community)).andExpect(flash().attribute("done", "已更名。"));
        assertThat(now(community).name()).isEqualTo("东风社区");
        assertThat(territory.tree(LocalDate.of(2025, 1, 31)).find(community).orElseThrow().name()).isEqualTo("东社区");
        mvc.perform(get("/divisions/" + community).with(as("admin")))
                .andExpect(content().string(allOf(containsString("东风社区"), containsString("东社区"), containsString("民政发〔2025〕3号"))));
    }

    @Test
    void aRejectedFormSaysWhyAndChangesNothing() throws Exception {
        mvc.perform(post("/divisions/" + community + "/rename").param("name", " ").with(csrf()).with(as("admin")))
                .andExpect(redirectedUrl("/divisions/" + community))
                .andExpect(flash().attribute("rejectedForm", "rename"));
        mvc.perform(post("/divisions/" + community + "/move").param("parentCode", p + "01009000").with(csrf()).with(as("admin")))
                .andExpect(flash().attribute("rejection", org.hamcrest.Matchers.hasToString(containsString("不对应任何现行单位"))));
        mvc.perform(post("/divisions/" + community + "/recode").param("code", "12345").with(csrf()).with(as("admin")))
                .andExpect(flash().attribute("rejectedForm", "recode"));
        mvc.perform(post("/divisions/" + community + "/rename").param("name", "北社区").param("date", "2023-12-31")
                        .with(csrf()).with(as("admin")))
                .andExpect(flash().attribute("rejectedForm", "rename"));
        Division unchanged = now(community);
        assertThat(unchanged.name()).isEqualTo("东社区");
        assertThat(unchanged.code().value()).isEqualTo(p + "01001001");
        assertThat(unchanged.parentId()).isEqualTo(street);
        assertThat(territory.history(Jurisdiction.wholeCity(), community).orElseThrow().periods()).hasSize(1);
    }

    @Test
    void mergeIntoAUnitAndAbolishTheEmptyOneByTheirCodes() throws Exception {
        long west = create(p + "01001002", "西社区", street);
        mvc.perform(post("/divisions/" + community + "/merge").param("sourceCodes", p + "01001002").param("date", "2025-03-01")
                        .with(csrf()).with(as("admin")))
                .andExpect(flash().attribute("done", "已合并，被合并单位的下级单位已转入本单位。"));
        assertThat(now(west)).isNull();
        long street2 = create(p + "01002000", "二街道", district);
        mvc.perform(post("/divisions/" + street2 + "/abolish").param("date", "2025-04-01").with(csrf()).with(as("admin")))
                .andExpect(redirectedUrl("/divisions/" + district));
        assertThat(now(street2)).isNull();
        mvc.perform(post("/divisions/" + street + "/abolish").param("date", "2025-04-01").with(csrf()).with(as("admin")))
                .andExpect(flash().attribute("rejectedForm", "abolish"));
        assertThat(now(street)).isNotNull();
    }

    @Test
    void aSubUnitIsCreatedFromItsParentsPage() throws Exception {
        mvc.perform(post("/divisions/" + street + "/create").param("code", p + "01001003").param("name", "南社区")
                        .param("urbanRural", "111").param("date", "2025-05-01").with(csrf()).with(as("admin")))
                .andExpect(flash().attribute("done", "已新设下级单位。"));
        Division created = territory.tree(null).findByCode(p + "01001003").orElseThrow();
        assertThat(created.parentId()).isEqualTo(street);
        assertThat(created.urbanRural()).isEqualTo("111");
    }

    @Test
    void staffWithoutTheAdministratorRoleCannotReorganise() throws Exception {
        long yongan = territory.tree(null).findByCode("230804007001").orElseThrow().id();
        mvc.perform(post("/divisions/" + yongan + "/rename").param("name", "永宁社区").with(csrf()).with(as("yongan-sq")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/divisions/" + yongan).with(as("yongan-sq")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("区划调整"))));
        mvc.perform(get("/territory/snapshots").with(as("yongan"))).andExpect(status().isForbidden());
        mvc.perform(get("/territory/boundaries").with(as("qianjin"))).andExpect(status().isForbidden());
        assertThat(now(yongan).name()).isEqualTo("永安社区");
    }

    @Test
    void aCodeListIsUploadedReviewedAndItsBadRowsListedOnThePage() throws Exception {
        int before = imports.recent(1000).size();
        String bad = """
                code,name,level,parent_code
                230800000000,佳木斯市,city,230000000000
                23080300000,向阳区,county,230800000000
                """;
        mvc.perform(multipart("/territory/snapshots").file(new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .param("date", "2024-06-30").with(csrf()).with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("第 3 行")));
        assertThat(imports.recent(1000)).hasSize(before);

        byte[] list = new ClassPathResource("territory/demo/jiamusi-divisions-2023.csv").getContentAsByteArray();
        String location = mvc.perform(multipart("/territory/snapshots").file(new MockMultipartFile("file", "2023.csv", "text/csv", list))
                        .param("date", "2023-06-30").with(csrf()).with(as("admin")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("代码表与现行区划一致"), containsString("代码与名称相同"))));
        mvc.perform(get("/territory/snapshots").with(as("admin")))
                .andExpect(content().string(allOf(containsString("2023.csv"), containsString("待审核"))));
    }

    @Test
    void aPairingThatCannotHoldIsRefusedOnThePageAndInTheApi() throws Exception {
        byte[] list = new ClassPathResource("territory/demo/jiamusi-divisions-2023.csv").getContentAsByteArray();
        long id = imports.upload("2023.csv", list, LocalDate.of(2023, 6, 30), "admin").importId();
        mvc.perform(get("/territory/snapshots/" + id).param("pair", "999999999:230804007001").with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("单位 999999999 不在当前区划中")));
        mvc.perform(get("/api/territory/snapshots/" + id).param("pair", "999999999:230804007001").with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("pair"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("999999999")));
    }

    @Test
    void aBadBoundaryFileIsListedOnThePageAndNothingIsSaved() throws Exception {
        String geojson = """
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","properties":{"code":"%s"},
                   "geometry":{"type":"Polygon","coordinates":[[[130.0,46.0],[130.1,46.1],[130.1,46.0],[130.0,46.1],[130.0,46.0]]]}}]}
                """.formatted(p + "01001001");
        mvc.perform(multipart("/territory/boundaries").file(new MockMultipartFile("file", "b.geojson", "application/geo+json",
                                geojson.getBytes(StandardCharsets.UTF_8)))
                        .param("level", "COMMUNITY").param("date", "2025-01-01").with(csrf()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("边界文件未通过校验"), containsString(p + "01001001"))));
        mvc.perform(get("/api/territory/boundaries/community").param("bbox", "129.9,45.9,130.2,46.2").with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString(p + "01001001"))));
    }
}
