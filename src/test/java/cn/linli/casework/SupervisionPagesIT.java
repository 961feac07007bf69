package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The supervisor's view as its users get it: 永安街道 and 前进区 see the breached case of their place under the unit
 * that let it pass, not a case in 向阳区; community and department staff are refused; instructions given on the page
 * go into the case's history, and blank instructions are refused with the reason and change nothing.
 */
@IntegrationTest
@Import(SlaTestClock.class)
@TestPropertySource(properties = "linli.casework.sla.enabled=false")
class SupervisionPagesIT {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired SlaTestClock.Movable clock;

    CaseView here;
    CaseView elsewhere;

    @BeforeEach
    void twoCasesPastTheirAcceptDeadline() {
        Instant monday = LocalDate.now(BEIJING).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(9, 0)
                .atZone(BEIJING).toInstant();
        clock.set(monday);
        long yongan = dispatched("yongan-sq", "yongan", territory.tree(null).findByCode("230804007001001").orElseThrow().id());
        long xiangyang = dispatched("admin", "admin", territory.tree(null).findByCode("230803000000").orElseThrow().id());
        here = view(yongan);
        elsewhere = view(xiangyang);
        clock.set(here.deadline().plusSeconds(3600));
        ActingAs.nobody();
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    long dispatched(String desk, String dispatcher, long place) {
        ActingAs.user(accounts, desk);
        String rubbish = categories.search("暴露垃圾", 1).get(0).category().code().value();
        long id = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "楼东侧垃圾堆放三天无人清运。", null, place,
                "垃圾堆放点", "王女士", "13845467788", false, false, true, rubbish, false, null)).caseId();
        ActingAs.user(accounts, dispatcher);
        long bureau = organisation.unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
        work.dispatch(id, queries.find(id).orElseThrow().version(), bureau, Set.of(), null);
        return id;
    }

    CaseView view(long id) {
        ActingAs.user(accounts, "admin");
        return queries.find(id).orElseThrow();
    }

    @Test
    void streetStaffSeeTheBreachedCaseOfTheirPlaceUnderTheUnitThatOwesIt() throws Exception {
        mvc.perform(get("/casework/supervision").with(SignedIn.as(accounts, "yongan")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(here.number())))
                .andExpect(content().string(containsString("佳木斯市城市管理综合执法局")))
                .andExpect(content().string(containsString("红灯")))
                .andExpect(content().string(not(containsString(elsewhere.number()))));
        mvc.perform(get("/casework/supervision").with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(here.number())))
                .andExpect(content().string(containsString(elsewhere.number())));
    }

    @Test
    void theJsonListsTheDistrictsCasesByUnitWithCounts() throws Exception {
        mvc.perform(get("/api/casework/sla/overdue").with(SignedIn.as(accounts, "qianjin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[*].cases[*].number", hasItem(here.number())))
                .andExpect(jsonPath("$.units[*].cases[*].number", not(hasItem(elsewhere.number()))))
                .andExpect(jsonPath("$.units[?(@.unitName == '佳木斯市城市管理综合执法局')].red", not(hasItem(0))));
    }

    @Test
    void communityAndDepartmentStaffAreRefused() throws Exception {
        mvc.perform(get("/casework/supervision").with(SignedIn.as(accounts, "yongan-sq")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("只有市、区、街道的工作人员")))
                .andExpect(content().string(not(containsString(here.number()))));
        mvc.perform(get("/api/casework/sla/overdue").with(SignedIn.as(accounts, "chengguan")))
                .andExpect(status().isForbidden());
    }

    @Test
    void instructionsGivenOnThePageGoIntoTheCasesHistory() throws Exception {
        mvc.perform(post("/casework/supervision/{id}", here.id()).with(SignedIn.as(accounts, "yongan")).with(csrf())
                        .param("version", String.valueOf(here.version())).param("instructions", "请于今日17时前清运完毕并反馈。"))
                .andExpect(status().is3xxRedirection());
        assertThat(view(here.id()).timeline()).anySatisfy(line -> {
            assertThat(line.action()).isEqualTo(CaseAction.SUPERVISE);
            assertThat(line.actor()).isEqualTo("yongan");
            assertThat(line.note()).isEqualTo("请于今日17时前清运完毕并反馈。");
        });
    }

    @Test
    void blankInstructionsAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        mvc.perform(post("/casework/supervision/{id}", here.id()).with(SignedIn.as(accounts, "yongan")).with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("version", String.valueOf(here.version())).param("instructions", "   "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("督办意见：此项必填")));
        CaseView after = view(here.id());
        assertThat(after.version()).isEqualTo(here.version());
        assertThat(after.timeline()).hasSameSizeAs(here.timeline());
    }

    @Test
    void instructionsOnACaseChangedMeanwhileAreRefused() throws Exception {
        mvc.perform(post("/casework/supervision/{id}", here.id()).with(SignedIn.as(accounts, "yongan")).with(csrf())
                        .param("version", String.valueOf(here.version() - 1)).param("instructions", "请尽快办理"))
                .andExpect(status().isConflict());
        assertThat(view(here.id()).timeline()).hasSameSizeAs(here.timeline());
    }

    @Test
    void aCaseThatUsedEightyPercentOfItsTimeShowsYellowUnderItsUnitAndAFreshOneIsNotListed() throws Exception {
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        clock.set(here.deadline().plus(java.time.Duration.ofDays(7)));
        long atRisk = dispatched("yongan-sq", "yongan", grid);
        CaseView risky = view(atRisk);
        clock.set(risky.deadline().minusSeconds(60));
        CaseView fresh = view(dispatched("yongan-sq", "yongan", grid));
        ActingAs.nobody();
        String page = mvc.perform(get("/casework/supervision").with(SignedIn.as(accounts, "yongan")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int row = page.indexOf("id=\"case-" + risky.id() + "\"");
        assertThat(row).as("the at-risk case is listed").isPositive();
        String unit = page.substring(page.lastIndexOf("<section class=\"sla-unit\"", row), row);
        assertThat(unit).contains("佳木斯市城市管理综合执法局");
        assertThat(page.substring(row, page.indexOf("</tr>", row))).contains(risky.number(), "黄灯").doesNotContain("红灯");
        assertThat(page).doesNotContain(fresh.number());
    }
}
