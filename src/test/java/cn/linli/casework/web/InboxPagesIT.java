package cn.linli.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseView;
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
 * The handler's inbox as the bureau's clerk uses it (htmx posts, as the page sends them): an extension asked for from
 * the row of a case in progress, and a case returned from the row of a dispatched one. A form sent without its
 * reason is refused in the row with the message and comes back open, and the case stays as it was.
 */
@IntegrationTest
class InboxPagesIT {

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

    long dispatchedToChengguan() {
        ActingAs.user(accounts, "yongan-sq");
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        String code = categories.search("暴露垃圾", 1).get(0).category().code().value();
        long id = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安社区7号楼北侧垃圾堆放。", null, grid,
                "永安社区7号楼", "孙先生", "13700002222", false, false, false, code, false, null)).caseId();
        long unit = organisation.unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
        long version = view(id).version();
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, version, unit, Set.of(), null);
        ActingAs.nobody();
        return id;
    }

    long inProgress() {
        long id = dispatchedToChengguan();
        long version = view(id).version();
        ActingAs.user(accounts, "chengguan");
        work.accept(id, version);
        ActingAs.nobody();
        return id;
    }

    CaseView view(long id) {
        ActingAs.user(accounts, "admin");
        return queries.find(id).orElseThrow();
    }

    /** The inbox's lists after a post from the row of case {@code id}, as htmx swaps them in. */
    String send(long id, String action, String... fields) throws Exception {
        var request = post("/casework/inbox/" + id + "/" + action).header("HX-Request", "true")
                .param("version", String.valueOf(view(id).version()));
        for (int i = 0; i < fields.length; i += 2) request.param(fields[i], fields[i + 1]);
        return mvc.perform(request.with(csrf()).with(SignedIn.as(accounts, "chengguan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String inbox() throws Exception {
        return mvc.perform(get("/casework/inbox").with(SignedIn.as(accounts, "chengguan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The markup of the case's row, or null when the inbox does not list it. */
    static String row(String page, long id) {
        int start = page.indexOf("data-case-id=\"" + id + "\"");
        return start < 0 ? null : page.substring(start, page.indexOf("</li>", start));
    }

    /** The opening tag and content of a quick form's {@code <details>} in a row, or null when it has none. */
    static String quickForm(String row, String action) {
        Matcher m = Pattern.compile("<details[^>]*data-action=\"" + action + "\"[^>]*>.*?</details>", Pattern.DOTALL).matcher(row);
        return m.find() ? m.group() : null;
    }

    static boolean open(String details) {
        return details.substring(0, details.indexOf('>')).contains(" open");
    }

    static String notice(String page) {
        Matcher m = Pattern.compile("<p class=\"notice ok\"[^>]*>([^<]*)</p>").matcher(page);
        return m.find() ? m.group(1) : null;
    }

    static String fieldError(String row) {
        Matcher m = Pattern.compile("<p class=\"field-error\"[^>]*>([^<]*)</p>").matcher(row);
        return m.find() ? m.group(1) : null;
    }

    /** What a datetime-local field sends: the city's wall-clock time, to the minute. */
    static String typedInTheCity(Instant instant) {
        return new CaseTimes().input(instant);
    }

    @Test
    void anExtensionIsRequestedFromTheRowOfACaseInProgressWithItsCsrfToken() throws Exception {
        long id = inProgress();
        String form = quickForm(row(inbox(), id), "extension");
        assertThat(form).as("the row of a case in progress offers the extension").isNotNull()
                .contains("hx-post=\"/casework/inbox/" + id + "/extension\"", "name=\"_csrf\"",
                        "type=\"datetime-local\" name=\"until\" required", "name=\"reason\" rows=\"2\" required", "延期至", "原因");
        assertThat(open(form)).isFalse();

        Instant until = view(id).deadline().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        String after = send(id, "extension", "until", typedInTheCity(until), "reason", "需协调环卫车辆");

        assertThat(notice(after)).isEqualTo("已申请延期。");
        String requested = row(after, id);
        assertThat(requested).contains("（已申请延期至 " + new CaseTimes().of(until) + "）");
        assertThat(quickForm(requested, "extension")).as("one request at a time").isNull();
        CaseView c = view(id);
        assertThat(c.requestedDeadline()).isEqualTo(until);
        assertThat(c.deadline()).as("until the request is approved").isNotEqualTo(until);
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(c.timeline().get(c.timeline().size() - 1)).satisfies(line -> {
            assertThat(line.action()).isEqualTo(CaseAction.REQUEST_EXTENSION);
            assertThat(line.actor()).isEqualTo("chengguan");
            assertThat(line.note()).isEqualTo("需协调环卫车辆");
            assertThat(line.newDeadline()).isEqualTo(until);
        });
    }

    @Test
    void anExtensionWithoutAReasonIsRefusedInTheRowWithTheDateKeptAndNothingChanges() throws Exception {
        long id = inProgress();
        CaseView before = view(id);
        String until = typedInTheCity(before.deadline().plus(Duration.ofDays(3)));

        String after = send(id, "extension", "until", until, "reason", "  ");

        String refused = row(after, id);
        assertThat(fieldError(refused)).isEqualTo("此项必填。");
        assertThat(notice(after)).isNull();
        String form = quickForm(refused, "extension");
        assertThat(open(form)).as("the refused form comes back open").isTrue();
        assertThat(form).contains("value=\"" + until + "\"");
        CaseView c = view(id);
        assertThat(c.requestedDeadline()).isNull();
        assertThat(c.version()).isEqualTo(before.version());
        assertThat(c.timeline()).hasSameSizeAs(before.timeline());
    }

    @Test
    void aCaseIsReturnedFromTheInboxOnlyWithAReason() throws Exception {
        long id = dispatchedToChengguan();
        CaseView before = view(id);
        assertThat(quickForm(row(inbox(), id), "extension")).as("accept or return first").isNull();

        String refused = send(id, "return", "reason", "");
        assertThat(fieldError(row(refused, id))).isEqualTo("此项必填。");
        assertThat(open(quickForm(row(refused, id), "return"))).isTrue();
        CaseView unchanged = view(id);
        assertThat(unchanged.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(unchanged.version()).isEqualTo(before.version());
        assertThat(unchanged.timeline()).hasSameSizeAs(before.timeline());

        String returned = send(id, "return", "reason", "占道经营不属垃圾清运");
        assertThat(notice(returned)).isEqualTo("已退单。");
        assertThat(row(returned, id)).as("no longer the bureau's work").isNull();
        CaseView c = view(id);
        assertThat(c.state()).isEqualTo(CaseState.RETURNED);
        assertThat(c.timeline().get(c.timeline().size() - 1)).satisfies(line -> {
            assertThat(line.action()).isEqualTo(CaseAction.RETURN);
            assertThat(line.actor()).isEqualTo("chengguan");
            assertThat(line.note()).isEqualTo("占道经营不属垃圾清运");
        });
    }
}
