package cn.linli.casework;

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

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.indicators.IndicatorRollup;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The front desk as 永安社区's window uses it: a request taken from the page becomes one case even when the form is
 * sent twice; bad input comes back with its message and creates nothing; the caller's earlier cases are found by phone
 * with the number masked; likely duplicates are the open cases of the category within 100 m and 7 days.
 */
@IntegrationTest
class FrontDeskIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired JdbcClient jdbc;
    @Autowired CaseIndicators indicators;
    @Autowired IndicatorRollup rollup;

    DeskFixtures city;

    @BeforeEach
    void city() {
        city = new DeskFixtures(territory, boundaries, categories, organisation, accounts);
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    MockHttpServletRequestBuilder intake(String key, String description, GeoPoint point) {
        return intake(key, description, point, "COMPLAINT");
    }

    MockHttpServletRequestBuilder intake(String key, String description, GeoPoint point, String type) {
        return intake(key, description, point, type, city.code("暴露垃圾"));
    }

    /** The desk's form; without a category when {@code categoryCode} is null. */
    MockHttpServletRequestBuilder intake(String key, String description, GeoPoint point, String type, String categoryCode) {
        var request = post("/casework/desk").with(csrf()).with(SignedIn.as(accounts, "yongan-sq"))
                .param("idempotencyKey", key).param("type", type).param("channel", "PHONE")
                .param("description", description)
                .param("reporterName", "李先生").param("reporterPhone", DeskFixtures.phone());
        if (categoryCode != null) request.param("categoryCode", categoryCode);
        return point == null ? request.param("placeUnitId", String.valueOf(city.grid()))
                : request.param("lng", String.valueOf(point.lng())).param("lat", String.valueOf(point.lat()));
    }

    int casesWithKey(String key) {
        return jdbc.sql("select count(*) from casework_case where idempotency_key = :k").param("k", key).query(Integer.class).single();
    }

    @Test
    void aRequestTakenAtTheDeskIsRegisteredAndItsNumberShownForTheCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        var result = mvc.perform(intake(key, "小区门口垃圾桶满溢，垃圾散落一地。", city.inGrid()))
                .andExpect(redirectedUrl("/casework/desk")).andReturn();
        CaseReceipt receipt = (CaseReceipt) result.getFlashMap().get("receipt");
        assertThat(receipt.state()).isEqualTo(CaseState.REGISTERED);
        ActingAs.user(accounts, "yongan-sq");
        CaseView view = queries.find(receipt.caseId()).orElseThrow();
        assertThat(view.channel()).isEqualTo(Channel.PHONE);
        assertThat(view.gridId()).isEqualTo(city.grid());

        // the flash attribute waits in the session, which lives in the database: the browser brings its cookie
        mvc.perform(get("/casework/desk").cookie(result.getResponse().getCookie("SESSION")).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("已立案，请告知来电人工单编号"), containsString(receipt.number()),
                        containsString("/casework/cases/" + receipt.caseId()))));
    }

    @Test
    void aFormSubmittedTwiceMakesOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        var first = mvc.perform(intake(key, "路灯不亮，晚上很黑。", null)).andReturn();
        var second = mvc.perform(intake(key, "路灯不亮，晚上很黑。", null)).andExpect(redirectedUrl("/casework/desk")).andReturn();
        CaseReceipt a = (CaseReceipt) first.getFlashMap().get("receipt");
        CaseReceipt b = (CaseReceipt) second.getFlashMap().get("receipt");
        assertThat(b.number()).isEqualTo(a.number());
        assertThat(b.repeated()).isTrue();
        assertThat(casesWithKey(key)).isEqualTo(1);
    }

    @Test
    void aDescriptionOverFourThousandCharactersIsRefusedNextToItsFieldAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(intake(key, "垃".repeat(4001), city.inGrid()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("诉求内容最多 4,000 个字符，现有 4,001 个。"),
                        containsString("value=\"" + key + "\""))));
        assertThat(casesWithKey(key)).isZero();
    }

    @Test
    void aPointOutsideTheCityIsRefusedAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(intake(key, "天安门广场有垃圾。", new GeoPoint(116.3975, 39.9087)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("该位置不在本市范围内。")));
        assertThat(casesWithKey(key)).isZero();
    }

    @Test
    void registeringWithoutACategoryIsRefusedWithItsMessageAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = jdbc.sql("select count(*) from casework_case").query(Long.class).single();
        mvc.perform(intake(key, "楼下垃圾堆放多日无人清运。", null, "COMPLAINT", null).param("decision", "REGISTER"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("立案须选择诉求分类。"), containsString("value=\"" + key + "\""))));
        assertThat(jdbc.sql("select count(*) from casework_case").query(Long.class).single()).isEqualTo(before);
        assertThat(casesWithKey(key)).isZero();
    }

    @Test
    void answeringAtOnceNeedsTheAnswerAndThenClosesTheInquiry() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(intake(key, "请问社区养老服务站几点开门？", null, "INQUIRY").param("decision", "ANSWER"))
                .andExpect(status().isUnprocessableEntity()).andExpect(content().string(containsString("此项必填。")));
        assertThat(casesWithKey(key)).isZero();
        var done = mvc.perform(intake(key, "请问社区养老服务站几点开门？", null, "INQUIRY").param("decision", "ANSWER")
                .param("answer", "每天 8:30 至 17:00 开放。")).andExpect(redirectedUrl("/casework/desk")).andReturn();
        assertThat(((CaseReceipt) done.getFlashMap().get("receipt")).state()).isEqualTo(CaseState.ANSWERED);
    }

    @Test
    void anInquiryAnsweredFromTheKnowledgeBaseRecordsTheEntryItWasAnsweredFrom() throws Exception {
        long entry = jdbc.sql("select id from knowledge_entry where question = '申请低保需要什么条件和材料？'").query(Long.class).single();
        int version = jdbc.sql("select version from knowledge_entry where id = :id").param("id", entry).query(Integer.class).single();
        mvc.perform(get("/knowledge/suggestions").param("description", "我想问问低保怎么申请").param("categoryCode", "")
                        .with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(content().string(containsString("data-entry-id=\"" + entry + "\"")));

        String refused = UUID.randomUUID().toString();
        mvc.perform(intake(refused, "我想问问低保怎么申请", null, "INQUIRY").param("decision", "ANSWER")
                        .param("answer", "请带户口簿到社区申请。").param("knowledgeEntry", "999999"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("知识库条目 999999 不存在或不在有效期内")));
        assertThat(casesWithKey(refused)).isZero();

        IndicatorPeriod today = IndicatorPeriod.monthOf(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        // the baseline once earlier tests' cases are folded (the rollup folds a burst a moment after it commits)
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rollup.queued() == 0);
        IndicatorCounts before = gridCounts(today);
        String plain = UUID.randomUUID().toString();
        mvc.perform(intake(plain, "请问社区养老服务站几点开门？", null, "INQUIRY").param("decision", "ANSWER")
                .param("answer", "每天 8:30 至 17:00 开放。")).andExpect(redirectedUrl("/casework/desk"));
        String key = UUID.randomUUID().toString();
        var done = mvc.perform(intake(key, "我想问问低保怎么申请", null, "INQUIRY").param("decision", "ANSWER")
                        .param("answer", "请带户口簿到社区申请。").param("knowledgeEntry", String.valueOf(entry)))
                .andExpect(redirectedUrl("/casework/desk")).andReturn();
        CaseReceipt receipt = (CaseReceipt) done.getFlashMap().get("receipt");
        assertThat(receipt.state()).isEqualTo(CaseState.ANSWERED);
        assertThat(jdbc.sql("select entry_id || '/' || entry_version from casework_knowledge_answer where case_id = :id")
                .param("id", receipt.caseId()).query(String.class).single()).isEqualTo(entry + "/" + version);
        mvc.perform(get("/casework/cases/{id}", receipt.caseId()).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(content().string(containsString("答复依据：知识库条目 " + entry + "（第 " + version + " 版）")));
        // both inquiries count as answered at once (直接答复) in the grid's indicators, one of them from the knowledge base
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            IndicatorCounts after = gridCounts(today);
            assertThat(after.answered() - before.answered()).isEqualTo(2);
            assertThat(after.knowledgeAnswered() - before.knowledgeAnswered()).isEqualTo(1);
            assertThat(after.received() - before.received()).isEqualTo(2);
        });
    }

    private IndicatorCounts gridCounts(IndicatorPeriod period) {
        ActingAs.user(accounts, "yongan");
        return indicators.forArea(city.grid(), period).counts();
    }

    @Test
    void theCallersEarlierCasesAreFoundByPhoneWithTheNumberMasked() throws Exception {
        String phone = DeskFixtures.phone();
        ActingAs.user(accounts, "yongan-sq");
        CaseReceipt earlier = work.receive(city.rubbish(null, city.grid(), phone, null));
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        mvc.perform(get("/casework/desk/caller").param("reporterPhone", phone.substring(0, 3) + " " + phone.substring(3))
                        .with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(earlier.number()), containsString(masked),
                        containsString("已立案"), not(containsString(phone)))));
        mvc.perform(get("/casework/desk/caller").param("reporterPhone", "12345").with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(content().string(containsString("联系电话不是有效的手机或固定电话号码。")));
    }

    @Test
    void openCasesOfTheSameCategoryWithin100MetresAnd7DaysAreListedAsLikelyDuplicates() throws Exception {
        GeoPoint here = city.inGrid();
        ActingAs.user(accounts, "admin");
        CaseReceipt near = work.receive(city.rubbish(DeskFixtures.north(here, 40), null, null, null));
        CaseReceipt far = work.receive(city.rubbish(DeskFixtures.north(here, 200), null, null, null));
        NewCase lamp = city.rubbish(DeskFixtures.north(here, 20), null, null, null);
        CaseReceipt other = work.receive(new NewCase(lamp.type(), lamp.channel(), "路灯不亮", "路灯不亮", lamp.point(), null, null,
                null, null, false, false, false, city.code("路灯"), false, null));
        CaseReceipt old = work.receive(city.rubbish(DeskFixtures.north(here, 10), null, null, null));
        jdbc.sql("update casework_case set received_at = received_at - interval '8' day where id = :id").param("id", old.caseId()).update();
        CaseReceipt closed = work.receive(city.rubbish(DeskFixtures.north(here, 5), null, null, null));
        work.voidCase(closed.caseId(), null, "重复来电");

        mvc.perform(get("/casework/desk/duplicates").param("categoryCode", city.code("暴露垃圾"))
                        .param("lng", String.valueOf(here.lng())).param("lat", String.valueOf(here.lat()))
                        .with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(near.number()), containsString("相距 40 米"),
                        not(containsString(far.number())), not(containsString(other.number())),
                        not(containsString(old.number())), not(containsString(closed.number())))));
    }

    @Test
    void theOperatorRegistersTheNewRequestAndMergesItIntoTheDuplicate() throws Exception {
        ActingAs.user(accounts, "yongan-sq");
        CaseReceipt first = work.receive(city.rubbish(city.inGrid(), null, null, null));
        String key = UUID.randomUUID().toString();
        var done = mvc.perform(intake(key, "同一处垃圾，又有人来电反映。", city.inGrid()).param("mergeInto", String.valueOf(first.caseId())))
                .andExpect(redirectedUrl("/casework/desk")).andReturn();
        CaseReceipt merged = (CaseReceipt) done.getFlashMap().get("receipt");
        assertThat(merged.state()).isEqualTo(CaseState.MERGED);
        ActingAs.user(accounts, "yongan-sq");
        assertThat(queries.find(merged.caseId()).orElseThrow().mergedInto()).isEqualTo(first.caseId());
    }

    @Test
    void theDeskIsNotForDepartmentsOrGridWorkers() throws Exception {
        mvc.perform(get("/casework/desk").with(SignedIn.as(accounts, "chengguan"))).andExpect(status().isForbidden());
        mvc.perform(get("/casework/desk").with(SignedIn.as(accounts, "yongan-sq"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("一口受理"), containsString("name=\"idempotencyKey\""))));
    }
}
