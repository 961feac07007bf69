package cn.linli.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseView;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Categories;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.organisation.Organisation;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.MapCoordinates;
import cn.linli.territory.MapSettings;
import cn.linli.territory.internal.BoundaryStore;

/**
 * The case page as staff see it: only the forms of the steps they may take now, a refused step explained next to its
 * form with the case unchanged, a stale form told so, and the full phone only for a reason that is audited.
 */
@IntegrationTest
class CasePagesIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired JdbcClient jdbc;
    @Autowired BoundaryStore boundaries;
    @Autowired MapSettings map;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    long unitOf(String username) {
        return organisation.unitsOf(accounts.findByUsername(username).orElseThrow().id()).get(0).id();
    }

    long dispatched() {
        ActingAs.user(accounts, "yongan-sq");
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        String code = categories.search("暴露垃圾", 1).get(0).category().code().value();
        long id = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, "楼道堆放杂物", "3号楼楼道堆放杂物，影响通行。",
                null, grid, "永安社区3号楼", "李先生", "13912345678", false, false, true, code, false, null)).caseId();
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, queries.find(id).orElseThrow().version(), unitOf("chengguan"), Set.of(), "请城管处理");
        ActingAs.nobody();
        return id;
    }

    CaseView view(long id) {
        ActingAs.user(accounts, "admin");
        try {
            return queries.find(id).orElseThrow();
        } finally {
            ActingAs.nobody();
        }
    }

    @Test
    void theHandlerSeesOnlyAcceptReturnAndExtensionTheDispatcherOnlyHisForms() throws Exception {
        long id = dispatched();
        mvc.perform(get("/casework/cases/" + id).with(SignedIn.as(accounts, "chengguan")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("楼道堆放杂物"), containsString("139****5678"),
                        containsString("data-action=\"accept\""), containsString("data-action=\"return\""),
                        containsString("data-action=\"extension\""), containsString("办理过程"), containsString("签收"),
                        not(containsString("data-action=\"dispatch\"")), not(containsString("data-action=\"verify\"")),
                        not(containsString("data-action=\"suspend\"")), not(containsString("查看完整号码")))));
        mvc.perform(get("/casework/cases/" + id).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-action=\"suspend\""), containsString("data-action=\"supervise\""),
                        not(containsString("data-action=\"accept\"")), containsString("查看完整号码"))));
        mvc.perform(get("/casework/cases/" + id).with(SignedIn.as(accounts, "gongre"))).andExpect(status().isNotFound());
    }

    @Test
    void acceptingFromThePageMovesTheCaseAndShowsItInProgress() throws Exception {
        long id = dispatched();
        mvc.perform(post("/casework/cases/" + id + "/accept").param("version", String.valueOf(view(id).version()))
                        .with(csrf()).with(SignedIn.as(accounts, "chengguan")))
                .andExpect(redirectedUrl("/casework/cases/" + id));
        assertThat(view(id).state()).isEqualTo(CaseState.IN_PROGRESS);
        mvc.perform(get("/casework/cases/" + id).with(SignedIn.as(accounts, "chengguan")))
                .andExpect(content().string(allOf(containsString("办理中"), containsString("data-action=\"result\""))));
    }

    @Test
    void aRefusedStepShowsTheReasonNextToItsFormAndChangesNothing() throws Exception {
        long id = dispatched();
        CaseView before = view(id);
        mvc.perform(post("/casework/cases/" + id + "/return").param("version", String.valueOf(before.version())).param("reason", " ")
                        .with(csrf()).with(SignedIn.as(accounts, "chengguan")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("此项必填"), containsString("data-action=\"return\""))));
        mvc.perform(post("/casework/cases/" + id + "/suspend").param("version", String.valueOf(before.version())).param("reason", "等待")
                        .with(csrf()).with(SignedIn.as(accounts, "chengguan")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("您无权派遣或审批该地点的工单")));
        CaseView after = view(id);
        assertThat(after.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.timeline()).hasSameSizeAs(before.timeline());
    }

    @Test
    void aFormSentOnAnOlderVersionIsToldTheCaseWasUpdated() throws Exception {
        long id = dispatched();
        long seen = view(id).version();
        mvc.perform(post("/casework/cases/" + id + "/supervise").param("version", String.valueOf(seen)).param("instructions", "请加快")
                .with(csrf()).with(SignedIn.as(accounts, "yongan"))).andExpect(redirectedUrl("/casework/cases/" + id));
        mvc.perform(post("/casework/cases/" + id + "/accept").param("version", String.valueOf(seen))
                        .with(csrf()).with(SignedIn.as(accounts, "chengguan")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("工单已被他人更新")));
        assertThat(view(id).state()).isEqualTo(CaseState.DISPATCHED);
    }

    @Test
    void theFullPhoneNeedsAReasonAndIsAudited() throws Exception {
        long id = dispatched();
        String subject = "工单 " + view(id).number();
        mvc.perform(post("/casework/cases/" + id + "/phone").param("reason", "").with(csrf()).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("须填写原因"), not(containsString("13912345678")))));
        assertThat(audits(subject)).isZero();
        mvc.perform(post("/casework/cases/" + id + "/phone").param("reason", "回访需联系反映人").with(csrf()).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("13912345678")));
        assertThat(audits(subject)).isEqualTo(1);
        assertThat(jdbc.sql("select detail from access_audit where subject = :s and action = 'UNMASKED'").param("s", subject)
                .query(String.class).single()).contains("回访需联系反映人");
        mvc.perform(get("/casework/cases/" + id).with(SignedIn.as(accounts, "yongan")))
                .andExpect(content().string(not(containsString("13912345678"))));
    }

    @Test
    void aCaseWithAPointShowsTheMapItsGreenLightAndTheDeadlineOfItsStage() throws Exception {
        ActingAs.user(accounts, "yongan-sq");
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        var inside = boundaries.loadAll().stream().filter(b -> b.unitId() == grid && b.validTo() == null).findFirst().orElseThrow()
                .geometry().getInteriorPoint();
        String code = categories.search("暴露垃圾", 1).get(0).category().code().value();
        long id = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, "井盖缺失", "5号楼前井盖缺失。",
                new GeoPoint(inside.getX(), inside.getY()), grid, "永安社区5号楼", "赵女士", "13912345679", false, false, true,
                code, false, null)).caseId();
        ActingAs.nobody();
        CaseView c = view(id);
        assertThat(c.deadline()).isNotNull();
        GeoPoint shown = MapCoordinates.fromWgs84(map.tileCrs(), new GeoPoint(c.lng(), c.lat()));
        mvc.perform(get("/casework/cases/" + id).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"case-map\""),
                        containsString("data-lng=\"" + shown.lng() + "\""), containsString("data-lat=\"" + shown.lat() + "\""),
                        containsString("data-light=\"GREEN\""), containsString(new CaseTimes().of(c.deadline())))));
        mvc.perform(get("/casework/cases/" + dispatched()).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"case-map\""))));
    }

    @Test
    void mergedCasesListEachOtherAsRelated() throws Exception {
        long a = dispatched();
        long b = dispatched();
        long other = dispatched();
        long versionOfB = view(b).version();
        ActingAs.user(accounts, "yongan");
        work.mergeInto(b, versionOfB, a);
        ActingAs.nobody();
        CaseView va = view(a);
        CaseView vb = view(b);
        String numberOfOther = view(other).number();
        mvc.perform(get("/casework/cases/" + a).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("关联工单"), containsString("合并至本工单"),
                        containsString("data-case=\"" + vb.number() + "\""), containsString("href=\"/casework/cases/" + b + "\""),
                        containsString("已并单"), not(containsString("本工单已合并至")),
                        not(containsString("data-case=\"" + va.number() + "\"")),
                        not(containsString("data-case=\"" + numberOfOther + "\"")))));
        mvc.perform(get("/casework/cases/" + b).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("关联工单"), containsString("本工单已合并至"),
                        containsString("data-case=\"" + va.number() + "\""), containsString("href=\"/casework/cases/" + a + "\""),
                        not(containsString("data-case=\"" + vb.number() + "\"")))));
        mvc.perform(get("/casework/cases/" + other).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("关联工单"))));
        mvc.perform(get("/casework/cases/" + a).with(SignedIn.as(accounts, "gongre"))).andExpect(status().isNotFound());
    }

    /** A case in the grid with the code given, dispatched to the bureau, which reported its result: it waits for verification. */
    CaseView handledIn(String gridCode) {
        ActingAs.user(accounts, "admin");
        long grid = territory.tree(null).findByCode(gridCode).orElseThrow().id();
        String code = categories.search("暴露垃圾", 1).get(0).category().code().value();
        long id = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, "路灯不亮", "路口路灯连续三晚不亮。",
                null, grid, "路口", "周先生", null, false, false, false, code, false, null)).caseId();
        work.dispatch(id, null, unitOf("chengguan"), Set.of(), null);
        ActingAs.user(accounts, "chengguan");
        work.accept(id, null);
        work.reportResult(id, null, "已清运完毕");
        ActingAs.nobody();
        CaseView view = view(id);
        assertThat(view.state()).isEqualTo(CaseState.HANDLED);
        return view;
    }

    @Test
    void theGridWorkerSeesAHandledCaseOfTheirGridToVerifyAndNotOneOfAnotherGrid() throws Exception {
        String otherGrid = territory.tree(null).atLevel(DivisionLevel.GRID).stream().map(g -> g.code().value())
                .filter(c -> !c.equals("230804007001001") && !c.equals("230804007001002")).findFirst().orElseThrow();
        CaseView ours = handledIn("230804007001002");
        CaseView theirs = handledIn(otherGrid);
        String inbox = mvc.perform(get("/casework/inbox").with(SignedIn.as(accounts, "wanggeyuan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int section = inbox.indexOf("待核查（");
        assertThat(section).as("the to-verify section").isPositive();
        assertThat(inbox.substring(section)).contains("data-case-id=\"" + ours.id() + "\"", ours.number(), "去核查");
        assertThat(inbox).doesNotContain(theirs.number());
    }

    long audits(String subject) {
        return jdbc.sql("select count(*) from access_audit where subject = :s and action = 'UNMASKED'").param("s", subject)
                .query(Long.class).single();
    }
}
