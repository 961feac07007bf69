package cn.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseAttachment;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.NewAttachment;
import cn.linli.casework.PublicCases;
import cn.linli.casework.RequestType;
import cn.linli.shared.DivisionLevel;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.Division;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * District and city staff moderate what residents filed on the portal, within their jurisdiction: a hidden photo and
 * a redacted description apply to the portal's pages and to Open311 alike, while staff still read the original.
 */
@IntegrationTest
class PortalModerationIT {

    @Autowired MockMvc mvc;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired CaseQueries queries;
    @Autowired PublicCases publicCases;
    @Autowired ResidentReports reports;
    @Autowired ResidentTracking tracking;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    record Filed(String number, long id, String phone) {
    }

    Filed fileAt(GeoPoint p, String description) {
        String phone = PortalFixtures.phone();
        String number = reports.file(new ResidentReports.Report(PortalFixtures.RUBBISH, RequestType.HELP,
                Map.of("AMOUNT", List.of("small")), p.lat(), p.lng(), "wgs84", null, description, null, phone,
                NotificationChannel.NONE, UUID.randomUUID().toString(), PortalFixtures.address()),
                List.of(new NewAttachment("脸.png", "image/png", PortalFixtures.png())));
        return new Filed(number, tracking.prove(number, phone.substring(7), PortalFixtures.address()), phone);
    }

    /** A point in a grid of another district than 前进区 (230804). */
    GeoPoint elsewhere() {
        var tree = territory.tree(null);
        Division grid = tree.all().stream().filter(d -> d.level() == DivisionLevel.GRID && !d.code().value().startsWith("230804"))
                .filter(d -> boundaries.loadAll().stream().anyMatch(b -> b.unitId() == d.id() && b.validTo() == null))
                .findFirst().orElseThrow();
        Point p = boundaries.loadAll().stream().filter(b -> b.unitId() == grid.id() && b.validTo() == null).findFirst()
                .orElseThrow().geometry().getInteriorPoint();
        return new GeoPoint(p.getX(), p.getY());
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aRedactedDescriptionAndAHiddenPhotoApplyToThePortalAndToOpen311() throws Exception {
        Filed f = fileAt(new PortalFixtures(territory, boundaries, jdbc).inGrid(), "3号楼李四家门口垃圾，他总乱扔。");
        long photo = publicCases.photos(f.id()).get(0).id();

        assertThat(body(mvc.perform(get("/casework/moderation").with(SignedIn.as(accounts, "qianjin"))).andReturn()))
                .contains(f.number(), "3号楼李四家门口垃圾");
        mvc.perform(post("/casework/moderation/" + f.id() + "/description").param("text", "3号楼门口有垃圾。")
                .with(SignedIn.as(accounts, "qianjin")).with(csrf()));
        mvc.perform(post("/casework/moderation/" + f.id() + "/photos/" + photo).param("hidden", "true")
                .with(SignedIn.as(accounts, "qianjin")).with(csrf()));

        String open311 = body(mvc.perform(get("/open311/v2/requests/" + f.number() + ".json")).andReturn());
        assertThat(open311).contains("3号楼门口有垃圾。").doesNotContain("李四");
        MockHttpSession session = new MockHttpSession();
        var proved = mvc.perform(post("/portal/track").param("number", f.number()).param("digits", f.phone().substring(7)).session(session)
                .with(csrf()).with(r -> {
                    r.setRemoteAddr(PortalFixtures.address());
                    return r;
                })).andReturn();
        var cookie = PortalReportIT.sessionCookie(proved);
        String page = body(mvc.perform(get("/portal/cases/" + f.number()).cookie(cookie)).andReturn());
        assertThat(page).contains("3号楼门口有垃圾。").doesNotContain("李四", "/photos/");
        assertThat(mvc.perform(get("/portal/cases/" + f.number() + "/photos/" + photo).cookie(cookie)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(publicCases.photos(f.id())).extracting(CaseAttachment::id).doesNotContain(photo);

        ActingAs.user(accounts, "yongan");
        assertThat(queries.findByNumber(f.number()).orElseThrow().description()).as("staff keep the original").contains("李四");
        ActingAs.nobody();
        mvc.perform(post("/casework/moderation/" + f.id() + "/description").param("text", "")
                .with(SignedIn.as(accounts, "qianjin")).with(csrf()));
        assertThat(publicCases.byNumber(f.number()).orElseThrow().description()).as("emptied: the original again").contains("李四");
    }

    @Test
    void moderationIsForDistrictAndCityStaffWithinTheirJurisdiction() throws Exception {
        Filed here = fileAt(new PortalFixtures(territory, boundaries, jdbc).inGrid(), "前进区的垃圾。");
        Filed there = fileAt(elsewhere(), "别的区的垃圾。");

        String district = body(mvc.perform(get("/casework/moderation").with(SignedIn.as(accounts, "qianjin"))).andReturn());
        assertThat(district).contains(here.number()).doesNotContain(there.number());
        assertThat(body(mvc.perform(get("/casework/moderation").with(SignedIn.as(accounts, "admin"))).andReturn()))
                .contains(here.number(), there.number());
        MvcResult outside = mvc.perform(post("/casework/moderation/" + there.id() + "/description").param("text", "改写")
                .with(SignedIn.as(accounts, "qianjin")).with(csrf())).andReturn();
        assertThat(outside.getResponse().getStatus()).isEqualTo(404);
        assertThat(publicCases.forReporter(there.id()).orElseThrow().description()).isEqualTo("别的区的垃圾。\n\n垃圾大约有多少？ 一两袋");

        MvcResult street = mvc.perform(get("/casework/moderation").with(SignedIn.as(accounts, "yongan"))).andReturn();
        assertThat(street.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(street)).contains("只有区级和市级工作人员可以审核公开内容");
        assertThat(mvc.perform(post("/casework/moderation/" + here.id() + "/description").param("text", "改写")
                .with(SignedIn.as(accounts, "yongan")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
