package cn.linli.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.registry.MembershipView;
import cn.linli.registry.Registry;
import cn.linli.registry.RegistryQueries;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The staff pages as a user sees them: search within the scope, a masked resident card, the audited unmask, a
 * refused move that changes nothing, sensitive care tags hidden from the grid worker. One resident in 永安社区's
 * grid 001, one in 保卫社区 next door.
 */
@IntegrationTest
class RegistryPagesIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired TerritoryQueries territory;
    @Autowired JdbcClient jdbc;

    WebFixture.Person mine;
    WebFixture.Person neighbours;

    @BeforeEach
    void residents() {
        ActingAs.user(accounts, "admin");
        mine = WebFixture.person(registry, territory, "230804007001001", "司马青云");
        neighbours = WebFixture.person(registry, territory, "230804007002001", "司马紫烟");
        registry.addCareTag(mine.id(), "COMMUNITY_CORRECTION", null, LocalDate.of(2025, 1, 1), null);
        registry.addCareTag(mine.id(), "ELDERLY_80", null, LocalDate.of(2025, 1, 1), null);
        ActingAs.nobody();
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(SignedIn.as(accounts, user))).andReturn().getResponse().getContentAsString();
    }

    String search(String user, String q) throws Exception {
        return mvc.perform(get("/registry").param("q", q).with(SignedIn.as(accounts, user))).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void searchByPartialNameFindsOnlyResidentsOfTheScope() throws Exception {
        assertThat(search("yongan-sq", "青云")).contains("司马青云", "data-resident-id=\"" + mine.id() + "\"");
        assertThat(search("yongan-sq", "司马紫烟")).doesNotContain("data-resident-id=\"" + neighbours.id() + "\"");
        assertThat(search("admin", "紫烟")).contains("data-resident-id=\"" + neighbours.id() + "\"");
    }

    @Test
    void searchByIdNumberAndByPhoneFindsWithinTheScopeOnly() throws Exception {
        assertThat(search("yongan-sq", mine.idNumber())).contains("司马青云");
        assertThat(search("yongan-sq", neighbours.idNumber())).doesNotContain("司马紫烟").contains("没有找到");
        assertThat(search("yongan-sq", mine.phone())).contains("司马青云");
        assertThat(search("yongan-sq", neighbours.phone())).doesNotContain("司马紫烟");
        assertThat(search("wanggeyuan", mine.phone())).contains("司马青云");
    }

    @Test
    void theResidentPageShowsIdentifiersMasked() throws Exception {
        String html = page("yongan-sq", "/registry/residents/" + mine.id());
        assertThat(html).contains("司马青云", "2308**********" + mine.idNumber().substring(14),
                "170****" + mine.phone().substring(7), "查看完整号码").doesNotContain(mine.idNumber(), mine.phone());
        assertThat(mvc.perform(get("/registry/residents/" + neighbours.id()).with(SignedIn.as(accounts, "yongan-sq")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    int unmaskAudits() {
        return jdbc.sql("select count(*) from access_audit where action = 'UNMASKED' and actor = 'yongan-sq' and subject = ?")
                .param("resident " + mine.id()).query(Integer.class).single();
    }

    @Test
    void unmaskingNeedsAReasonShowsTheNumberOnceAndIsAudited() throws Exception {
        String refused = mvc.perform(post("/registry/residents/" + mine.id() + "/unmask").param("reason", " ")
                .with(csrf()).with(SignedIn.as(accounts, "yongan-sq"))).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请填写查看完整信息的理由").doesNotContain(mine.idNumber());
        assertThat(unmaskAudits()).isZero();

        String shown = mvc.perform(post("/registry/residents/" + mine.id() + "/unmask").param("reason", "核对低保申请")
                .with(csrf()).with(SignedIn.as(accounts, "yongan-sq"))).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains(mine.idNumber(), "仅本次显示");
        assertThat(unmaskAudits()).isEqualTo(1);
        assertThat(jdbc.sql("select detail from access_audit where action = 'UNMASKED' and subject = ?")
                .param("resident " + mine.id()).query(String.class).single()).contains("核对低保申请");
        assertThat(page("yongan-sq", "/registry/residents/" + mine.id())).doesNotContain(mine.idNumber());
    }

    @Test
    void aRefusedMoveShowsTheMessageNextToTheFieldAndChangesNothing() throws Exception {
        String html = mvc.perform(post("/registry/residents/" + mine.id() + "/move-out").param("kind", "REGISTERED")
                .param("date", "1999-12-31").with(csrf()).with(SignedIn.as(accounts, "yongan-sq")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("迁出日期早于迁入日期 2001-01-01").contains("value=\"1999-12-31\"");
        ActingAs.user(accounts, "yongan-sq");
        assertThat(queries.resident(mine.id()).orElseThrow().memberships()).singleElement()
                .satisfies(m -> assertThat(m.validTo()).isNull()).extracting(MembershipView::householdId).isEqualTo(mine.household());
    }

    @Test
    void aMoveWithinTheCityIsRecordedInTheHistory() throws Exception {
        ActingAs.user(accounts, "admin");
        long other = WebFixture.person(registry, territory, "230804007001002", "上官明月").household();
        ActingAs.nobody();
        var response = mvc.perform(post("/registry/residents/" + mine.id() + "/move-within-city").param("kind", "REGISTERED")
                .param("householdId", String.valueOf(other)).param("relation", "OTHER").param("date", "2024-06-01")
                .with(csrf()).with(SignedIn.as(accounts, "yongan-sq"))).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/registry/residents/" + mine.id());
        String html = page("yongan-sq", "/registry/households/" + mine.household() + "?asOf=2024-05-31");
        assertThat(html).contains("司马青云");
        assertThat(page("yongan-sq", "/registry/households/" + mine.household())).contains("该日没有成员");
    }

    @Test
    void sensitiveCareTagsAreAbsentForTheGridWorker() throws Exception {
        assertThat(page("wanggeyuan", "/registry/residents/" + mine.id())).contains("80岁以上老人").doesNotContain("社区矫正")
                .doesNotContain("查看完整号码");
        assertThat(page("yongan-sq", "/registry/residents/" + mine.id())).contains("80岁以上老人", "社区矫正");
    }

    @Test
    void theBuildingViewListsHouseholdsByUnitAndFloorAndTheGridCheckFlagsBands() throws Exception {
        assertThat(page("yongan-sq", "/registry/buildings/" + mine.building())).contains("1 单元", "301 (1)");
        String grids = page("yongan-sq", "/registry/grid-standard");
        assertThat(grids).contains("230804007001001", "标准范围").doesNotContain("230804007002001");
        assertThat(page("chengguan", "/registry/grid-standard")).doesNotContain("230804007001001");
    }
}
