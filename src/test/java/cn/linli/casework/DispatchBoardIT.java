package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.organisation.Organisation;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The dispatch board as 永安街道 works it: its queues hold its own cases only, each with the unit the routing
 * suggests; one click dispatches a case there; a bulk dispatch answers for every case, the refused one with its reason.
 */
@IntegrationTest
@Import(SlaTestClock.class)
@TestPropertySource(properties = "linli.casework.sla.enabled=false")
class DispatchBoardIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired SlaTestClock.Movable clock;

    DeskFixtures city;

    @BeforeEach
    void city() {
        city = new DeskFixtures(territory, boundaries, categories, organisation, accounts);
        // The movable clock stands where the context was created, before the catalogue took effect: bring it to now.
        clock.set(Instant.now());
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
        clock.set(Instant.now());
    }

    CaseView view(long id) {
        ActingAs.user(accounts, "yongan");
        try {
            return queries.find(id).orElseThrow();
        } finally {
            ActingAs.nobody();
        }
    }

    /** The board's row of one case, from its number to the end of its line. */
    static String row(String page, String number) {
        int at = page.indexOf("data-number=\"" + number + "\"");
        assertThat(at).as("row of " + number).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    CaseReceipt registeredInYongan() {
        ActingAs.user(accounts, "yongan-sq");
        CaseReceipt receipt = work.receive(city.rubbish(null, city.grid(), null, null));
        ActingAs.nobody();
        return receipt;
    }

    long version(long id) {
        ActingAs.user(accounts, "yongan");
        long version = queries.find(id).orElseThrow().version();
        ActingAs.nobody();
        return version;
    }

    String board(String username, String queue) throws Exception {
        return mvc.perform(get("/casework/board").param("queue", queue).with(SignedIn.as(accounts, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void eachQueueHoldsItsCasesAndAReturnedCaseShowsItsReason() throws Exception {
        CaseReceipt registered = registeredInYongan();
        CaseReceipt returned = registeredInYongan();
        CaseReceipt dispatched = registeredInYongan();
        ActingAs.user(accounts, "yongan");
        work.dispatch(returned.caseId(), null, city.unitOf("chengguan"), Set.of(), null);
        work.dispatch(dispatched.caseId(), null, city.unitOf("chengguan"), Set.of(), null);
        ActingAs.user(accounts, "chengguan");
        work.returnCase(returned.caseId(), null, "小区内部垃圾属物业管理范围");
        ActingAs.nobody();

        assertThat(board("yongan", "TO_DISPATCH")).contains(registered.number(), "一键派遣")
                .doesNotContain(returned.number(), dispatched.number());
        assertThat(board("yongan", "RETURNED")).contains(returned.number(), "退单理由：小区内部垃圾属物业管理范围")
                .doesNotContain(registered.number());
        assertThat(board("yongan", "DISPATCHED")).contains(dispatched.number()).doesNotContain(registered.number());
    }

    @Test
    void aCaseReturnedByTheUnitItsRoutingNamesIsSuggestedOneLevelUpAndOneClickEscalatesIt() throws Exception {
        ActingAs.user(accounts, "yongan-sq");
        CaseReceipt noise = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "楼上每晚十二点后仍有装修噪音。",
                null, city.grid(), "前进区永安社区", "李先生", DeskFixtures.phone(), false, false, false, "FW0501", false, null));
        long community = city.unitOf("yongan-sq");
        var street = organisation.supervisorOf(community).orElseThrow();
        ActingAs.user(accounts, "yongan");
        work.dispatch(noise.caseId(), null, community, Set.of(), null);
        ActingAs.user(accounts, "yongan-sq");
        work.returnCase(noise.caseId(), null, "双方多次调解无果，需街道司法所介入");
        ActingAs.nobody();

        assertThat(board("yongan", "RETURNED")).contains(noise.number(), street.name(), "上报上级");
        mvc.perform(post("/casework/board/" + noise.caseId() + "/dispatch").param("to", "suggested")
                        .param("version-" + noise.caseId(), String.valueOf(version(noise.caseId())))
                        .param("queue", "RETURNED").with(csrf()).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().is3xxRedirection());
        ActingAs.user(accounts, "yongan");
        CaseView view = queries.find(noise.caseId()).orElseThrow();
        assertThat(view.mainUnit()).isEqualTo(street.id());
        assertThat(view.timeline()).extracting(CaseView.Entry::action).endsWith(CaseAction.RETURN, CaseAction.ESCALATE);
    }

    @Test
    void aStreetSeesOnlyItsOwnCasesAndTheCitySeesAll() throws Exception {
        CaseReceipt ours = registeredInYongan();
        Division elsewhere = territory.tree(null).atLevel(DivisionLevel.GRID).stream()
                .filter(g -> !g.code().value().startsWith("230804007")).findFirst().orElseThrow();
        ActingAs.user(accounts, "admin");
        CaseReceipt theirs = work.receive(city.rubbish(null, elsewhere.id(), null, null));
        ActingAs.nobody();

        assertThat(board("yongan", "TO_DISPATCH")).contains(ours.number()).doesNotContain(theirs.number());
        assertThat(board("admin", "TO_DISPATCH")).contains(ours.number(), theirs.number());
        mvc.perform(get("/casework/board").with(SignedIn.as(accounts, "yongan-sq"))).andExpect(status().isForbidden());
        mvc.perform(get("/casework/board").param("area", String.valueOf(elsewhere.id())).with(SignedIn.as(accounts, "yongan")))
                .andExpect(content().string(containsString("所选区域不在您的辖区内")));
    }

    @Test
    void exposedRubbishInYonganIsSuggestedForTheUrbanManagementBureauAndOneClickDispatchesIt() throws Exception {
        CaseReceipt receipt = registeredInYongan();
        // The nearest urban-management bureau (职能原则, nearest first): the district's, 前进区城市管理局.
        String bureau = "前进区城市管理局";
        assertThat(board("yongan", "TO_DISPATCH")).contains(bureau, "职能部门");

        var result = mvc.perform(post("/casework/board/" + receipt.caseId() + "/dispatch").param("to", "suggested")
                        .param("version-" + receipt.caseId(), String.valueOf(version(receipt.caseId())))
                        .param("queue", "TO_DISPATCH").with(csrf()).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/casework/board?queue=TO_DISPATCH");
        ActingAs.user(accounts, "yongan");
        CaseView view = queries.find(receipt.caseId()).orElseThrow();
        assertThat(view.state()).isEqualTo(CaseState.DISPATCHED);
        var unit = organisation.find(view.mainUnit()).orElseThrow();
        assertThat(unit.name()).isEqualTo(bureau);
        assertThat(unit.departmentKey()).isEqualTo("chengguan");
        assertThat(board("yongan", "TO_DISPATCH")).doesNotContain(receipt.number());
    }

    @Test
    void bulkDispatchReportsEveryCaseAndTheOneChangedMeanwhileIsRefusedWithItsReason() throws Exception {
        CaseReceipt first = registeredInYongan();
        CaseReceipt second = registeredInYongan();
        long firstVersion = version(first.caseId());
        long secondVersion = version(second.caseId());
        ActingAs.user(accounts, "yongan");
        work.dispatch(second.caseId(), null, city.unitOf("yongan"), Set.of(), "已电话联系街道");
        ActingAs.nobody();

        var result = mvc.perform(post("/casework/board/dispatch")
                        .param("ids", String.valueOf(first.caseId()), String.valueOf(second.caseId()))
                        .param("version-" + first.caseId(), String.valueOf(firstVersion))
                        .param("version-" + second.caseId(), String.valueOf(secondVersion))
                        .with(csrf()).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().is3xxRedirection()).andReturn();
        @SuppressWarnings("unchecked")
        var outcomes = (List<Object>) result.getFlashMap().get("outcomes");
        assertThat(outcomes).hasSize(2);
        // the outcomes wait in the session (in the database) for the page the browser is sent to, with its cookie
        String page = mvc.perform(get(result.getResponse().getRedirectedUrl()).cookie(result.getResponse().getCookie("SESSION")).with(SignedIn.as(accounts, "yongan")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("工单 " + first.number() + " 已派遣至 前进区城市管理局。",
                "工单 " + second.number() + " 已被他人更新，请刷新后再操作。");
        ActingAs.user(accounts, "yongan");
        assertThat(queries.find(first.caseId()).orElseThrow().state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(queries.find(second.caseId()).orElseThrow().mainUnit()).isEqualTo(city.unitOf("yongan"));
    }

    @Test
    void theBoardFiltersByMajorOrMinorClass() throws Exception {
        CaseReceipt rubbish = registeredInYongan();
        String minor = city.code("暴露垃圾");
        String major = categories.find(minor).orElseThrow().parentCode().value();
        String sibling = categories.tree().stream().filter(b -> b.major().code().value().equals(major)).findFirst().orElseThrow()
                .minors().stream().map(c -> c.code().value()).filter(c -> !c.equals(minor)).findFirst().orElseThrow();
        mvc.perform(get("/casework/board").param("category", major).with(SignedIn.as(accounts, "yongan")))
                .andExpect(content().string(containsString(rubbish.number())));
        mvc.perform(get("/casework/board").param("category", minor).with(SignedIn.as(accounts, "yongan")))
                .andExpect(content().string(allOf(containsString(rubbish.number()),
                        containsString("value=\"" + minor + "\" selected=\"selected\""))));
        mvc.perform(get("/casework/board").param("category", sibling).with(SignedIn.as(accounts, "yongan")))
                .andExpect(content().string(allOf(not(containsString(rubbish.number())), containsString("此队列没有工单"))));
        mvc.perform(get("/casework/board").param("category", "BJ01").with(SignedIn.as(accounts, "yongan")))
                .andExpect(content().string(allOf(not(containsString(rubbish.number())), containsString("此队列没有工单"))));
        mvc.perform(get("/casework/board").param("category", "ZZ99").with(SignedIn.as(accounts, "yongan")))
                .andExpect(content().string(containsString("所选分类不存在，已忽略该筛选条件。")));
    }

    @Test
    void theAtRiskQueueHoldsACaseThatUsedEightyPercentOfItsTimeWithItsYellowLightAndNotAFreshOne() throws Exception {
        // A grid of 永安街道 that the other tests leave alone: the queue is in deadline order, and the overdue cases
        // other tests leave at the demo grid would come first and could push this one off the first page.
        Division quiet = territory.tree(null).atLevel(DivisionLevel.GRID).stream()
                .filter(g -> g.code().value().startsWith("230804007") && !g.code().value().startsWith("230804007001"))
                .reduce((first, second) -> second).orElseThrow();
        ActingAs.user(accounts, "yongan");
        CaseReceipt risky = work.receive(city.rubbish(null, quiet.id(), null, null));
        work.dispatch(risky.caseId(), null, city.unitOf("chengguan"), Set.of(), null);
        ActingAs.nobody();
        Instant deadline = view(risky.caseId()).deadline();
        clock.set(deadline.minusSeconds(60));
        ActingAs.user(accounts, "yongan");
        CaseReceipt fresh = work.receive(city.rubbish(null, quiet.id(), null, null));
        ActingAs.nobody();

        String page = mvc.perform(get("/casework/board").param("queue", "AT_RISK").param("area", String.valueOf(quiet.id()))
                .with(SignedIn.as(accounts, "yongan"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row(page, risky.number())).contains("data-light=\"YELLOW\"");
        assertThat(page).doesNotContain(fresh.number());
        assertThat(row(board("yongan", "TO_DISPATCH"), fresh.number())).contains("data-light=\"GREEN\"");
    }

    @Test
    void theAreaFilterWithinTheJurisdictionShowsOnlyThatAreasCases() throws Exception {
        Division community = territory.tree(null).findByCode("230804007001").orElseThrow();
        Division otherGrid = territory.tree(null).atLevel(DivisionLevel.GRID).stream()
                .filter(g -> g.code().value().startsWith("230804007") && !g.code().value().startsWith("230804007001"))
                .findFirst().orElseThrow();
        CaseReceipt inside = registeredInYongan();
        ActingAs.user(accounts, "yongan");
        CaseReceipt outside = work.receive(city.rubbish(null, otherGrid.id(), null, null));
        ActingAs.nobody();

        String filtered = mvc.perform(get("/casework/board").param("area", String.valueOf(community.id()))
                        .with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(filtered).contains(inside.number()).doesNotContain(outside.number(), "所选区域不在您的辖区内");
        assertThat(board("yongan", "TO_DISPATCH")).contains(inside.number(), outside.number());
    }

    @Test
    void aResponsibilityRuleForThePlaceIsWhatTheBoardSuggests() throws Exception {
        String water = city.code("道路积水");
        long community = territory.tree(null).findByCode("230804007001").orElseThrow().id();
        long unit = city.unitOf("gongre");
        String unitName = organisation.find(unit).orElseThrow().name();
        String created = mvc.perform(post("/api/casework/responsibility").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categoryCode\":\"" + water + "\",\"placeUnitId\":" + community + ",\"mainUnit\":" + unit + "}")
                        .with(csrf()).with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Number rule = com.jayway.jsonpath.JsonPath.read(created, "$.id");
        try {
            ActingAs.user(accounts, "yongan-sq");
            NewCase r = city.rubbish(null, city.grid(), null, null);
            CaseReceipt flooded = work.receive(new NewCase(r.type(), r.channel(), "路面积水", "小区门口路面积水无法通行。", null,
                    r.placeUnitId(), r.address(), r.reporterName(), null, false, false, false, water, false, null));
            CaseReceipt rubbish = registeredInYongan();
            ActingAs.nobody();

            String page = board("yongan", "TO_DISPATCH");
            assertThat(row(page, flooded.number())).contains(unitName, "责任清单");
            assertThat(row(page, rubbish.number())).doesNotContain(unitName, "责任清单");
        } finally {
            mvc.perform(delete("/api/casework/responsibility/" + rule).with(csrf()).with(SignedIn.as(accounts, "admin")))
                    .andExpect(status().isNoContent());
        }
    }
}
