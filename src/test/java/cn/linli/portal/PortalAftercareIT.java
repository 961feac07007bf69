package cn.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseView;
import cn.linli.casework.CaseWork;
import cn.linli.casework.RequestType;
import cn.linli.casework.Satisfaction;
import cn.linli.organisation.Organisation;
import cn.linli.portal.internal.FollowUps;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/**
 * After the report: the reporter and followers hear of the public steps by the channel they chose (the log adapter,
 * phone masked), rate the closed case once, or say it is not fixed and the case goes back to the unit that handled
 * it; the follow-up question goes out once per case, and "no" reopens the case the same way.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PortalAftercareIT {

    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired CaseQueries queries;
    @Autowired CaseWork work;
    @Autowired Organisation organisation;
    @Autowired ResidentReports reports;
    @Autowired ResidentTracking tracking;
    @Autowired FollowUps followUps;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    record Filed(String number, long id, String phone) {
    }

    Filed file() {
        GeoPoint p = new PortalFixtures(territory, boundaries, jdbc).inGrid();
        String phone = PortalFixtures.phone();
        String number = reports.file(new ResidentReports.Report(PortalFixtures.RUBBISH, RequestType.HELP,
                Map.of("AMOUNT", List.of("small")), p.lat(), p.lng(), "wgs84", null, "小区门口有两袋垃圾。", null, phone,
                NotificationChannel.SMS, UUID.randomUUID().toString(), PortalFixtures.address()), List.of());
        return new Filed(number, tracking.prove(number, phone.substring(7), PortalFixtures.address()), phone);
    }

    CaseView view(String number) {
        ActingAs.user(accounts, "yongan");
        return queries.findByNumber(number).orElseThrow();
    }

    long unitOf(String username) {
        return organisation.unitsOf(accounts.findByUsername(username).orElseThrow().id()).get(0).id();
    }

    /** Dispatched to the urban-management bureau, handled and verified, as the desk and the units do. */
    void workAndClose(Filed f) {
        work.dispatch(f.id(), view(f.number()).version(), unitOf("chengguan"), Set.of(), "请城管处理");
        long version = view(f.number()).version();
        ActingAs.user(accounts, "chengguan");
        work.accept(f.id(), version);
        long accepted = view(f.number()).version();
        ActingAs.user(accounts, "chengguan");
        work.reportResult(f.id(), accepted, "已清运。");
        long reported = view(f.number()).version();
        ActingAs.user(accounts, "wanggeyuan");
        work.verify(f.id(), reported, true, "现场已清理");
        ActingAs.nobody();
    }

    static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    @Test
    void reporterAndFollowerHearOfPublicStepsWithTheirPhoneMasked(CapturedOutput output) {
        Filed f = file();
        String follower = PortalFixtures.phone();
        reports.follow(f.number(), follower, NotificationChannel.WECHAT, PortalFixtures.address());
        workAndClose(f);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .contains("channel=SMS phone=" + masked(f.phone()) + " case=" + f.number() + " message=【邻里】您关注的诉求 "
                        + f.number() + "：已派遣至责任单位")
                .contains("channel=WECHAT phone=" + masked(follower) + " case=" + f.number() + " message=【邻里】您关注的诉求 "
                        + f.number() + "：核查通过，已办结"));
        assertThat(output.getOut()).as("never the full number, never an internal note").doesNotContain(f.phone(), follower, "请城管处理");
    }

    @Test
    void aClosedCaseIsRatedOnceAndTheRatingIsItsReturnVisit() {
        Filed f = file();
        workAndClose(f);
        assertThat(tracking.view(f.id()).orElseThrow().mayRate()).isTrue();
        tracking.rate(f.id(), Satisfaction.BASICALLY_SATISFIED);
        tracking.rate(f.id(), Satisfaction.DISSATISFIED);
        CaseView rated = view(f.number());
        assertThat(rated.state()).isEqualTo(CaseState.EVALUATED);
        assertThat(rated.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(rated.timeline()).filteredOn(e -> e.action() == CaseAction.RETURN_VISIT).hasSize(1);
        assertThat(tracking.view(f.id()).orElseThrow().mayRate()).isFalse();
    }

    @Test
    void notFixedSendsTheCaseBackToItsLastHandler() {
        Filed f = file();
        workAndClose(f);
        tracking.notFixed(f.id(), "垃圾又堆起来了。");
        CaseView reopened = view(f.number());
        assertThat(reopened.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(reopened.mainUnit()).isEqualTo(unitOf("chengguan"));
        assertThat(reopened.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(reopened.deadline()).isAfter(Instant.now());
        assertThat(reopened.timeline()).extracting(CaseView.Entry::action).endsWith(CaseAction.RETURN_VISIT, CaseAction.REOPEN,
                CaseAction.DISPATCH);
        ActingAs.user(accounts, "chengguan");
        work.accept(f.id(), reopened.version());
        assertThat(view(f.number()).state()).as("the unit takes it on again").isEqualTo(CaseState.IN_PROGRESS);
    }

    @Test
    void theFollowUpQuestionGoesOutOncePerCaseAndNoReopens(CapturedOutput output) {
        Filed f = file();
        workAndClose(f);
        tracking.rate(f.id(), Satisfaction.SATISFIED);
        Instant later = Instant.now().plus(Duration.ofDays(8));
        assertThat(tracking.view(f.id()).orElseThrow().mayAnswerFollowUp()).isFalse();
        followUps.sendDue(Instant.now());
        assertThat(tracking.view(f.id()).orElseThrow().followUpAsked()).as("not before the period").isFalse();

        followUps.sendDue(later);
        followUps.sendDue(later.plusSeconds(60));
        String question = "case=" + f.number() + " message=【邻里】您关注的诉求 " + f.number() + "：问题解决一段时间了，现在还好吗？";
        assertThat(Pattern.compile(Pattern.quote(question)).matcher(output.getOut()).results().count()).isEqualTo(1);
        assertThat(tracking.view(f.id()).orElseThrow().mayAnswerFollowUp()).isTrue();

        tracking.answerFollowUp(f.id(), false, "又有人倒垃圾了。");
        CaseView reopened = view(f.number());
        assertThat(reopened.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(reopened.mainUnit()).isEqualTo(unitOf("chengguan"));
        tracking.answerFollowUp(f.id(), false, "又有人倒垃圾了。");
        assertThat(view(f.number()).timeline()).as("answered once").filteredOn(e -> e.action() == CaseAction.REOPEN).hasSize(1);
    }
}
