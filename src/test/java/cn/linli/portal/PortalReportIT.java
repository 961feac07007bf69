package cn.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseAttachments;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseView;
import cn.linli.casework.Channel;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/**
 * A resident reports a problem on the portal and follows it with its number and the last four digits of their phone:
 * the report goes through casework's intake once however often it is sent; bad input is refused with a message that
 * says what is wrong and stores nothing; wrong digits lock the number for a while.
 */
@IntegrationTest
class PortalReportIT {

    @Autowired MockMvc mvc;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired CaseQueries queries;
    @Autowired CaseAttachments attachments;
    @Autowired ResidentReports reports;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    PortalFixtures fixtures() {
        return new PortalFixtures(territory, boundaries, jdbc);
    }

    String numberFiled(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(302);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/portal/report/filed?number=");
        return location.substring(location.indexOf('=') + 1);
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void reportGoesThroughTheDeskIntakeWithItsAnswersAndPhotoAndGivesTheTrackingNumber() throws Exception {
        String number = numberFiled(fixtures().rubbish(PortalFixtures.address(), PortalFixtures.phone()));

        assertThat(body(mvc.perform(get("/portal/report/filed").param("number", number)).andReturn())).contains(number);
        ActingAs.user(accounts, "yongan");
        CaseView filed = queries.findByNumber(number).orElseThrow();
        assertThat(filed.state()).isEqualTo(CaseState.REGISTERED);
        assertThat(filed.channel()).isEqualTo(Channel.WEB);
        assertThat(filed.categoryCode()).isEqualTo(PortalFixtures.RUBBISH);
        assertThat(filed.description()).contains("南门口垃圾堆了三天没人清。", "垃圾大约有多少？ 一推车");
        assertThat(attachments.of(filed.id()).orElseThrow()).hasSize(1);
    }

    @Test
    void theFormShowsWhatTheKnowledgeBaseSaysBeforeTheResidentFiles() throws Exception {
        String heating = body(mvc.perform(get("/portal/report/FW0701")).andReturn());
        assertThat(heating).as("an entry tagged with the complaint's category").contains("先看看这些解答", "暖气阀门");
        String inquiry = body(mvc.perform(get("/portal/report/FW0202")).andReturn());
        assertThat(inquiry).as("an inquiry category, answered on its subject").contains("先看看这些解答", "低保");
        assertThat(body(mvc.perform(get("/portal/report/BJ0102")).andReturn()))
                .as("a broken drain cover: nothing tagged with it, no section").contains("雨水箅子缺损").doesNotContain("先看看这些解答");
    }

    @Test
    void aDoubleSubmitOrRetryMakesOneCase() throws Exception {
        String phone = PortalFixtures.phone();
        String address = PortalFixtures.address();
        int before = fixtures().cases();
        String first = numberFiled(fixtures().rubbish(address, phone, "formKey", "retry-key-" + phone));
        String second = numberFiled(fixtures().rubbish(address, phone, "formKey", "retry-key-" + phone));
        assertThat(second).isEqualTo(first);
        assertThat(fixtures().cases()).isEqualTo(before + 1);
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndStoresNothing() throws Exception {
        byte[] oversize = new byte[10 * 1024 * 1024 + 1];
        oversize[0] = (byte) 0xFF;
        oversize[1] = (byte) 0xD8;
        oversize[2] = (byte) 0xFF;
        Map<String, String[]> cases = Map.of(
                "请在地图上标出问题所在位置", new String[] {"lat", "", "lng", ""},
                "请回答“垃圾大约有多少？”", new String[] {"attribute[AMOUNT]", ""},
                "“垃圾大约有多少？”的选项“mountain”不在可选范围内", new String[] {"attribute[AMOUNT]", "mountain"},
                "请填写正确的 11 位手机号码", new String[] {"phone", "0454-8123456"},
                "内容中含有不允许的词语“违禁测试词”", new String[] {"description", "门口有违禁测试词"});
        for (var c : cases.entrySet()) {
            refused(fixtures().rubbish(PortalFixtures.address(), PortalFixtures.phone(), c.getValue()), c.getKey());
        }
        var notAnImage = fixtures().rubbish(PortalFixtures.address(), PortalFixtures.phone());
        notAnImage.file(new MockMultipartFile("photos", "发票.png", "image/png", "not an image".getBytes(StandardCharsets.UTF_8)));
        refused(notAnImage, "发票.png");
        var tooLarge = fixtures().rubbish(PortalFixtures.address(), PortalFixtures.phone());
        tooLarge.file(new MockMultipartFile("photos", "大图.jpg", "image/jpeg", oversize));
        refused(tooLarge, "大图.jpg");

        var unknown = multipart("/portal/report/XX9999").param("formKey", "k-unknown").param("phone", PortalFixtures.phone())
                .with(csrf());
        refused(unknown, "没有“XX9999”这个可反映的类别");
        int before = fixtures().portalRows() + fixtures().cases();
        var noCategory = new ResidentReports.Report(null, null, Map.of(), 46.8, 130.3, "wgs84", null, "垃圾", null,
                PortalFixtures.phone(), NotificationChannel.SMS, "k-none", "10.0.0.1");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(PortalRejected.class, () -> reports.file(noCategory, List.of())))
                .extracting(PortalRejected::code).isEqualTo("portal.error.category-required");
        assertThat(fixtures().portalRows() + fixtures().cases()).isEqualTo(before);
    }

    private void refused(RequestBuilder request, String message) throws Exception {
        int before = fixtures().cases();
        int rows = fixtures().portalRows();
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(message).isEqualTo(400);
        assertThat(body(result)).as(message).contains(message);
        assertThat(fixtures().cases()).as(message + ": no case").isEqualTo(before);
        assertThat(fixtures().portalRows()).as(message + ": nothing stored").isEqualTo(rows);
    }

    @Test
    void theReporterTracksTheirCaseWithItsNumberAndTheLastFourDigits() throws Exception {
        String phone = PortalFixtures.phone();
        String number = numberFiled(fixtures().rubbish(PortalFixtures.address(), phone));
        MockHttpSession session = new MockHttpSession();
        MvcResult wrong = mvc.perform(track(number, "0000", "10.1.1.1", session)).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(wrong)).contains("查询编号与手机号后四位不匹配");
        assertThat(mvc.perform(get("/portal/cases/" + number).session(session)).andReturn().getResponse().getRedirectedUrl())
                .as("not proved: back to the form").startsWith("/portal/track");

        MvcResult right = mvc.perform(track(number, phone.substring(7), "10.1.1.1", session)).andReturn();
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/portal/cases/" + number);
        String page = body(mvc.perform(get("/portal/cases/" + number).cookie(sessionCookie(right))).andReturn());
        assertThat(page).contains(number, "已立案", "南门口垃圾堆了三天没人清。", "/photos/")
                .as("no staff names, no phone").doesNotContain("portal:web", phone, "王女士");
    }

    @Test
    void repeatedWrongDigitsLockTheNumberForAWhile() throws Exception {
        String phone = PortalFixtures.phone();
        String number = numberFiled(fixtures().rubbish(PortalFixtures.address(), phone));
        for (int i = 0; i < 5; i++) {
            String from = PortalFixtures.address();
            assertThat(mvc.perform(track(number, String.format("%04d", i), from, new MockHttpSession())).andReturn()
                    .getResponse().getStatus()).isEqualTo(400);
        }
        MvcResult locked = mvc.perform(track(number, phone.substring(7), PortalFixtures.address(), new MockHttpSession())).andReturn();
        assertThat(locked.getResponse().getStatus()).as("even the right digits, from anywhere").isEqualTo(429);
        assertThat(body(locked)).contains("尝试次数过多，请 15 分钟后再试");

        String address = PortalFixtures.address();
        String other = numberFiled(fixtures().rubbish(PortalFixtures.address(), PortalFixtures.phone()));
        for (int i = 0; i < 5; i++) mvc.perform(track(other, String.format("%04d", i), address, new MockHttpSession()));
        assertThat(mvc.perform(track(number + "9", "1234", address, new MockHttpSession())).andReturn().getResponse().getStatus())
                .as("the address is locked for every number").isEqualTo(429);
    }

    @Test
    void reportsAreLimitedPerPhone() throws Exception {
        String phone = PortalFixtures.phone();
        for (int i = 0; i < 5; i++) numberFiled(fixtures().rubbish(PortalFixtures.address(), phone));
        int before = fixtures().cases();
        MvcResult refused = mvc.perform(fixtures().rubbish(PortalFixtures.address(), phone)).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(body(refused)).contains("提交太频繁");
        assertThat(fixtures().cases()).isEqualTo(before);
    }

    /** The session lives in the database (Spring Session): a browser carries it by this cookie, not the mock session. */
    static jakarta.servlet.http.Cookie sessionCookie(MvcResult result) {
        jakarta.servlet.http.Cookie cookie = result.getResponse().getCookie("SESSION");
        assertThat(cookie).as("the session cookie").isNotNull();
        return cookie;
    }

    static MockHttpServletRequestBuilder track(String number, String digits, String from, MockHttpSession session) {
        return post("/portal/track").param("number", number).param("digits", digits).session(session).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(from);
                    return r;
                });
    }
}
