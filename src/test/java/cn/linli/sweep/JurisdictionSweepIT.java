package cn.linli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockServletContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.linli.access.internal.UserAccounts;
import cn.linli.registry.Registry;
import cn.linli.registry.RegistryImports;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The jurisdiction sweep (issue 6 §5): every route of the application that names an object is asked, by every demo
 * role below the city, for an object of a county none of them serves, and must answer 403 or 404 — never 200 with
 * the object, never 500. The routes come from the handler mappings, so a new endpoint that names an object fails
 * {@link #everyRouteThatNamesAnObjectIsInTheSweep()} until it is added to {@link #FILLS} or, with a reason, to
 * {@link #NOT_JURISDICTIONAL}. Each filled GET is also asked by the city administrator, who must get 200: the
 * request names a real object, so a 404 from the others means refusal, not a typo.
 */
@IntegrationTest
class JurisdictionSweepIT {

    /** Every demo login below the city: districts, street, community, grid worker, a bureau and a utility. */
    static final List<String> ROLES = List.of("qianjin", "yongan", "yongan-sq", "wanggeyuan", "chengguan", "gongre");

    /** Routes whose objects belong to no jurisdiction, or that are public by design, and why. */
    static final Map<String, String> NOT_JURISDICTIONAL = new LinkedHashMap<>();
    /** How to ask each route for the foreign object. */
    static final Map<String, Function<ForeignObjects, List<? extends AbstractMockHttpServletRequestBuilder<?>>>> FILLS = new LinkedHashMap<>();

    /**
     * Routes where the city bureau (城管局) is not foreign: a city department's territory is the whole city, so it may
     * read the county's divisions and handling units (it sees cases only when they are dispatched to it, and no
     * residents at all).
     */
    static final java.util.Set<String> CITY_BUREAU_SEES = java.util.Set.of("GET /api/organisation/units/{id}",
            "GET /organisation/units/{id}", "GET /api/organisation/grids/{gridId}/workers", "GET /api/territory/units/{id}",
            "GET /api/territory/units/{id}/history", "GET /divisions/{id}", "GET /divisions/{id}/children");

    static void exempt(String reason, String... routes) {
        for (String route : routes) NOT_JURISDICTIONAL.put(route, reason);
    }

    static void fill(String route, Function<ForeignObjects, AbstractMockHttpServletRequestBuilder<?>> request) {
        FILLS.put(route, f -> List.of(request.apply(f)));
    }

    static void fillAll(String route, Function<ForeignObjects, List<? extends AbstractMockHttpServletRequestBuilder<?>>> requests) {
        FILLS.put(route, requests);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String step(ForeignObjects f) {
        return "{\"version\":" + f.caseVersion() + ",\"reason\":\"试探\",\"note\":\"试探\",\"result\":\"试探\",\"answer\":\"试探\","
                + "\"unitId\":" + f.orgUnit() + ",\"passed\":true,\"approve\":true,\"instructions\":\"试探\","
                + "\"categoryCode\":\"" + f.category() + "\",\"until\":\"2099-01-01T00:00:00Z\",\"targetNumber\":\""
                + f.caseNumber() + "\"}";
    }

    static {
        exempt("the city's category catalogue: the same for everyone, changed by city administrators only",
                "GET /api/casework/categories", "GET /api/casework/categories/{code}", "GET /api/casework/categories/{code}/history",
                "POST /api/casework/categories", "PUT /api/casework/categories/{code}", "POST /api/casework/categories/{code}/retire",
                "GET /casework/categories", "GET /casework/categories/{code}", "POST /casework/categories",
                "POST /casework/categories/{code}", "POST /casework/categories/{code}/retire",
                "GET /casework/desk/duplicates", "GET /knowledge/suggestions");
        exempt("the city's knowledge base: one for every call-taker in the city (KnowledgeIT covers who may edit)",
                "GET /api/knowledge/entries/{id}", "GET /api/knowledge/entries/{id}/versions", "POST /api/knowledge/entries",
                "PUT /api/knowledge/entries/{id}", "POST /api/knowledge/entries/{id}/retire", "GET /knowledge/{id}",
                "POST /knowledge", "POST /knowledge/{id}", "POST /knowledge/{id}/retire");
        exempt("the city's official calendar: one for everyone, changed by city administrators only",
                "GET /api/worktime/days/{date}", "PUT /api/worktime/calendar/days/{date}", "DELETE /api/worktime/calendar/days/{date}",
                "POST /worktime/calendar/days/{date}/remove");
        exempt("the signed-in user's own second factor: a one-time code, not an object of any jurisdiction",
                "POST /account/second-factor", "POST /login/code");
        exempt("a unit of time (working hours, working days), not an object", "GET /api/worktime/deadline",
                "GET /api/worktime/elapsed");
        exempt("first receiver responsible (首接负责): a call-taker takes in a request about any place in the city",
                "POST /api/casework/cases", "POST /casework/desk", "GET /api/casework/responsibility/who-handles",
                "GET /casework/responsibility/who-handles", "GET /api/organisation/routing");
        exempt("Open311 GeoReport v2 is public by the standard; it shows the public view of a request (coarsened place,"
                        + " moderated text) and writes need an API key",
                "GET /open311/v2/discovery.{format}", "GET /open311/v2/requests.{format}", "GET /open311/v2/requests/{id}.{format}",
                "GET /open311/v2/servicerequestupdates.{format}", "GET /open311/v2/services.{format}",
                "GET /open311/v2/services/{code}.{format}", "GET /open311/v2/tokens/{token}.{format}",
                "POST /open311/v2/requests.{format}", "POST /open311/v2/servicerequestupdates.{format}");
        exempt("the resident portal is public: a case's number shows its public view; follow-up and rating need the"
                        + " proof kept in the resident's session (PortalAftercareIT)",
                "GET /portal/cases/{number}", "GET /portal/cases/{number}/photos/{id}", "GET /portal/follow", "POST /portal/follow",
                "GET /portal/report/filed", "GET /portal/report/{code}", "GET /portal/report/{code}/nearby",
                "POST /portal/report/{code}", "GET /portal/track", "POST /portal/track",
                "POST /portal/cases/{number}/follow-up", "POST /portal/cases/{number}/rating");
        exempt("the territory's boundaries by level are the city's map, drawn on the public portal too",
                "GET /api/territory/boundaries/{level}");
        exempt("the audit log is for audit administrators only (role check, AuditViewIT)",
                "GET /access/audit", "GET /access/audit/export");
        exempt("accounts belong to no jurisdiction: the account pages are for the system and security administrators"
                        + " only, a role check that every other role meets with 403 (AccountPagesIT)",
                "GET /access/accounts/{username}", "POST /access/accounts/{username}/roles",
                "POST /access/accounts/{username}/unlock", "POST /access/accounts/{username}/disable",
                "POST /access/accounts/{username}/enable", "POST /access/accounts/{username}/second-factor/reset",
                "POST /access/accounts/{username}/password/reset");

        fill("GET /api/casework/cases/{id}", f -> get("/api/casework/cases/" + f.caseId()));
        fill("GET /api/casework/cases/by-number/{number}", f -> get("/api/casework/cases/by-number/" + f.caseNumber()));
        fill("GET /api/casework/cases/{id}/attachments", f -> get("/api/casework/cases/" + f.caseId() + "/attachments"));
        fill("GET /api/casework/cases/{id}/attachments/{attachmentId}",
                f -> get("/api/casework/cases/" + f.caseId() + "/attachments/" + f.attachment()));
        fill("GET /casework/cases/{id}/attachments/{attachmentId}",
                f -> get("/casework/cases/" + f.caseId() + "/attachments/" + f.attachment()));
        fill("GET /casework/cases/{id}", f -> get("/casework/cases/" + f.caseId()));
        fill("GET /casework/cases/by-number/{number}", f -> get("/casework/cases/by-number/" + f.caseNumber()));
        for (String action : List.of("answer", "refuse", "register", "dispatch", "accept", "return", "result", "verify",
                "return-visit", "extension", "extension-decision", "suspend", "resume", "void", "merge", "supervise")) {
            fill("POST /api/casework/cases/{id}/" + action,
                    f -> json(post("/api/casework/cases/" + f.caseId() + "/" + action), step(f)));
        }
        fill("POST /api/casework/cases/{id}/attachments", f -> multipart("/api/casework/cases/" + f.caseId() + "/attachments")
                .file(new MockMultipartFile("files", "补充.png", "image/png", f.photo())));
        fillAll("POST /casework/cases/{id}/{action:[a-z-]+}", f -> List.of("accept", "dispatch", "void", "supervise").stream()
                .map(a -> post("/casework/cases/" + f.caseId() + "/" + a).param("version", "" + f.caseVersion())
                        .param("unitId", "" + f.orgUnit()).param("reason", "试探").param("instructions", "试探")).toList());
        fillAll("POST /casework/inbox/{id}/{action:[a-z-]+}", f -> List.of("accept", "return", "result", "extension").stream()
                .map(a -> post("/casework/inbox/" + f.caseId() + "/" + a).param("version", "" + f.caseVersion())
                        .param("reason", "试探").param("result", "试探").param("until", "2099-12-31")).toList());
        fill("POST /casework/cases/{id}/phone", f -> post("/casework/cases/" + f.caseId() + "/phone"));
        fill("POST /casework/board/{id}/dispatch", f -> post("/casework/board/" + f.caseId() + "/dispatch")
                .param("version", "" + f.caseVersion()).param("unitId", "" + f.orgUnit()));
        fill("POST /casework/board/dispatch", f -> post("/casework/board/dispatch").param("ids", "" + f.caseId())
                .param("unitId", "" + f.orgUnit()));
        fill("GET /casework/board", f -> get("/casework/board").param("area", "" + f.county()));
        fill("POST /casework/moderation/{id}/description", f -> post("/casework/moderation/" + f.caseId() + "/description")
                .param("version", "" + f.caseVersion()).param("description", "试探"));
        fill("POST /casework/moderation/{id}/photos/{photo}",
                f -> post("/casework/moderation/" + f.caseId() + "/photos/" + f.attachment()).param("hidden", "true"));
        fill("POST /casework/supervision/{id}", f -> post("/casework/supervision/" + f.caseId())
                .param("version", "" + f.caseVersion()).param("instructions", "试探"));
        fill("GET /casework/desk/caller", f -> get("/casework/desk/caller").param("residentId", "" + f.resident()));
        fillAll("GET /api/casework/indicators", f -> List.of(get("/api/casework/indicators").param("area", "" + f.county()),
                get("/api/casework/indicators").param("unit", "" + f.orgUnit())));
        fillAll("GET /casework/indicators/{subject:unit|area|worker}/{id}", f -> List.of(
                get("/casework/indicators/area/" + f.county()), get("/casework/indicators/unit/" + f.orgUnit())));
        fill("GET /casework/responsibility", f -> get("/casework/responsibility").param("area", "" + f.county()));
        fill("POST /api/casework/responsibility", f -> json(post("/api/casework/responsibility"),
                "{\"categoryCode\":\"" + f.category() + "\",\"placeUnitId\":" + f.community() + ",\"mainUnit\":" + f.orgUnit() + "}"));
        fill("PUT /api/casework/responsibility/{id}", f -> json(put("/api/casework/responsibility/" + f.rule()),
                "{\"categoryCode\":\"" + f.category() + "\",\"placeUnitId\":" + f.community() + ",\"mainUnit\":" + f.orgUnit() + "}"));
        fill("DELETE /api/casework/responsibility/{id}", f -> delete("/api/casework/responsibility/" + f.rule()));
        fill("POST /casework/responsibility", f -> post("/casework/responsibility").param("categoryCode", f.category())
                .param("placeUnitId", "" + f.community()).param("mainUnit", "" + f.orgUnit()));
        fill("POST /casework/responsibility/{id}/retire", f -> post("/casework/responsibility/" + f.rule() + "/retire"));

        fill("GET /api/organisation/units/{id}", f -> get("/api/organisation/units/" + f.orgUnit()));
        fill("GET /organisation/units/{id}", f -> get("/organisation/units/" + f.orgUnit()));
        fill("GET /api/organisation/grids/{gridId}/workers", f -> get("/api/organisation/grids/" + f.grid() + "/workers"));
        fill("POST /api/organisation/units", f -> json(post("/api/organisation/units"),
                "{\"name\":\"试探办\",\"homeUnitId\":" + f.county() + "}"));
        fill("PUT /api/organisation/units/{id}", f -> json(put("/api/organisation/units/" + f.orgUnit()),
                "{\"name\":\"试探办\",\"homeUnitId\":" + f.county() + "}"));
        fill("POST /api/organisation/units/{id}/members", f -> json(post("/api/organisation/units/" + f.orgUnit() + "/members"),
                "{\"username\":\"yongan\",\"role\":\"" + f.memberRole() + "\"}"));
        fill("DELETE /api/organisation/units/{id}/members/{userId}",
                f -> delete("/api/organisation/units/" + f.orgUnit() + "/members/" + f.member()));
        fill("POST /organisation/units", f -> post("/organisation/units").param("name", "试探办").param("homeCode", f.countyCode()));
        fill("POST /organisation/units/{id}", f -> post("/organisation/units/" + f.orgUnit()).param("name", "试探办")
                .param("homeCode", f.countyCode()));
        fill("POST /organisation/units/{id}/members", f -> post("/organisation/units/" + f.orgUnit() + "/members")
                .param("username", "yongan").param("role", f.memberRole()));
        fill("POST /organisation/units/{id}/members/{userId}/remove",
                f -> post("/organisation/units/" + f.orgUnit() + "/members/" + f.member() + "/remove"));

        fill("GET /api/registry/buildings/{id}", f -> get("/api/registry/buildings/" + f.building()));
        fill("GET /api/registry/households/{id}", f -> get("/api/registry/households/" + f.household()));
        fill("GET /api/registry/households/{id}/visits", f -> get("/api/registry/households/" + f.household() + "/visits"));
        fill("GET /api/registry/residents/{id}", f -> get("/api/registry/residents/" + f.resident()));
        fill("GET /api/registry/grids/{id}/households", f -> get("/api/registry/grids/" + f.grid() + "/households"));
        fill("GET /api/registry/grids/{id}/coverage", f -> get("/api/registry/grids/" + f.grid() + "/coverage")
                .param("from", "2026-01-01").param("to", "2026-06-30"));
        fill("GET /registry/buildings/{id}", f -> get("/registry/buildings/" + f.building()));
        fill("GET /registry/households/{id}", f -> get("/registry/households/" + f.household()));
        fill("GET /registry/residents/{id}", f -> get("/registry/residents/" + f.resident()));
        fill("GET /registry/my-grid", f -> get("/registry/my-grid").param("grid", "" + f.grid()));
        fill("GET /registry/my-grid/households/{id}", f -> get("/registry/my-grid/households/" + f.household()));
        fill("GET /registry/my-grid/residents/{id}", f -> get("/registry/my-grid/residents/" + f.resident()));
        fill("GET /registry/grid-standard", f -> get("/registry/grid-standard").param("unit", "" + f.county()));
        fill("POST /registry/export", f -> post("/registry/export").param("divisionId", "" + f.community()));
        fill("POST /api/registry/residents/{id}/unmask", f -> json(post("/api/registry/residents/" + f.resident() + "/unmask"),
                "{\"reason\":\"试探\"}"));
        fill("PUT /api/registry/residents/{id}", f -> json(put("/api/registry/residents/" + f.resident()),
                "{\"version\":0,\"name\":\"试探\"}"));
        fill("POST /api/registry/residents/{id}/data-export", f -> post("/api/registry/residents/" + f.resident() + "/data-export"));
        fill("POST /api/registry/households/{id}/residents", f -> json(post("/api/registry/households/" + f.household() + "/residents"),
                "{\"name\":\"试探\",\"documentKind\":\"RESIDENT_ID_CARD\",\"documentNumber\":\"" + f.spareIdNumber()
                        + "\",\"kind\":\"REGISTERED\",\"relation\":\"OTHER\",\"date\":\"2026-01-01\"}"));
        fill("POST /api/registry/households/{id}/visits", f -> json(post("/api/registry/households/" + f.household() + "/visits"),
                "{\"date\":\"2026-01-02\",\"findings\":\"试探\",\"followUp\":false}"));
        for (String move : List.of("move-in", "move-out", "move-within-city", "move-out-of-city", "death")) {
            fill("POST /api/registry/residents/{id}/" + move, f -> json(post("/api/registry/residents/" + f.resident() + "/" + move),
                    "{\"date\":\"2026-01-03\",\"householdId\":" + f.household() + ",\"kind\":\"ACTUAL\",\"relation\":\"OTHER\"}"));
        }
        fill("POST /api/registry/residents/{id}/care-tags", f -> json(post("/api/registry/residents/" + f.resident() + "/care-tags"),
                "{\"type\":\"ELDERLY_80\",\"validFrom\":\"2026-01-01\"}"));
        fill("POST /api/registry/care-tags/{id}/end", f -> json(post("/api/registry/care-tags/" + f.careTag() + "/end"),
                "{\"date\":\"2026-01-04\"}"));
        fill("POST /registry/households/{id}/residents", f -> post("/registry/households/" + f.household() + "/residents")
                .param("name", "试探").param("documentKind", "RESIDENT_ID_CARD").param("documentNumber", f.spareIdNumber())
                .param("kind", "REGISTERED").param("relation", "OTHER").param("date", "2026-01-01"));
        fill("POST /registry/my-grid/households/{id}/residents", f -> post("/registry/my-grid/households/" + f.household() + "/residents")
                .param("name", "试探").param("documentKind", "RESIDENT_ID_CARD").param("documentNumber", f.spareIdNumber())
                .param("kind", "REGISTERED").param("relation", "OTHER").param("date", "2026-01-01"));
        fill("POST /registry/my-grid/households/{id}/visits", f -> post("/registry/my-grid/households/" + f.household() + "/visits")
                .param("date", "2026-01-02").param("findings", "试探"));
        fill("POST /registry/my-grid/residents/{id}/correct", f -> post("/registry/my-grid/residents/" + f.resident() + "/correct")
                .param("version", "0").param("name", "试探"));
        fill("POST /registry/residents/{id}/care-tags/{tagId}/end",
                f -> post("/registry/residents/" + f.resident() + "/care-tags/" + f.careTag() + "/end").param("date", "2026-01-04"));
        fill("POST /registry/residents/{id}/data-export", f -> post("/registry/residents/" + f.resident() + "/data-export"));
        fill("POST /registry/residents/{id}/unmask", f -> post("/registry/residents/" + f.resident() + "/unmask").param("reason", "试探"));
        fillAll("POST /registry/residents/{id}/{form:move-in|move-out|move-within-city|move-out-of-city|death|care-tag|correct}",
                f -> List.of("death", "move-out-of-city", "care-tag", "correct").stream()
                        .map(form -> post("/registry/residents/" + f.resident() + "/" + form).param("date", "2026-01-03")
                                .param("type", "ELDERLY_80").param("validFrom", "2026-01-01").param("version", "0")
                                .param("name", "试探")).toList());
        fill("GET /registry/import/{id}", f -> get("/registry/import/" + f.importJob()));
        fill("GET /registry/import/{id}/progress", f -> get("/registry/import/" + f.importJob() + "/progress"));
        fill("GET /registry/import/{id}/rejected.xlsx", f -> get("/registry/import/" + f.importJob() + "/rejected.xlsx"));
        fill("POST /registry/import/{id}/mapping", f -> post("/registry/import/" + f.importJob() + "/mapping"));
        fill("POST /registry/import/{id}/commit", f -> post("/registry/import/" + f.importJob() + "/commit"));

        fill("GET /divisions/{id}", f -> get("/divisions/" + f.community()));
        fill("GET /divisions/{id}/children", f -> get("/divisions/" + f.community() + "/children"));
        fill("GET /api/territory/units/{id}", f -> get("/api/territory/units/" + f.community()));
        fill("GET /api/territory/units/{id}/history", f -> get("/api/territory/units/" + f.community() + "/history"));
        for (String change : List.of("rename", "recode", "move", "merge", "create", "abolish")) {
            fill("POST /divisions/{id}/" + change, f -> post("/divisions/" + f.community() + "/" + change)
                    .param("name", "试探社区").param("code", f.communityCode()).param("date", "2026-01-05"));
        }
        for (String change : List.of("rename", "recode", "move", "split", "abolish", "abolish-streets")) {
            fill("POST /api/territory/reorganisations/units/{id}/" + change,
                    f -> json(post("/api/territory/reorganisations/units/" + f.community() + "/" + change),
                            "{\"date\":\"2026-01-05\",\"name\":\"试探社区\",\"code\":\"" + f.communityCode() + "\"}"));
        }
        fill("POST /api/territory/reorganisations/merge", f -> json(post("/api/territory/reorganisations/merge"),
                "{\"date\":\"2026-01-05\",\"sourceIds\":[" + f.community() + "],\"targetId\":" + f.county() + "}"));
        fill("POST /api/territory/reorganisations/create", f -> json(post("/api/territory/reorganisations/create"),
                "{\"date\":\"2026-01-05\",\"unit\":{\"parentId\":" + f.county() + ",\"name\":\"试探社区\"}}"));
        fill("POST /api/territory/boundaries/{level}", f -> post("/api/territory/boundaries/COMMUNITY")
                .contentType(MediaType.MULTIPART_FORM_DATA));
        fill("POST /territory/boundaries", f -> post("/territory/boundaries").param("level", "COMMUNITY"));
        fill("GET /api/territory/snapshots/{id}", f -> get("/api/territory/snapshots/" + f.snapshot()));
        fill("POST /api/territory/snapshots/{id}/apply", f -> json(post("/api/territory/snapshots/" + f.snapshot() + "/apply"), "{}"));
        fill("GET /territory/snapshots/{id}", f -> get("/territory/snapshots/" + f.snapshot()));
        fill("POST /territory/snapshots/{id}/apply", f -> post("/territory/snapshots/" + f.snapshot() + "/apply"));
        fill("POST /open311/clients/{id}/revoke", f -> post("/open311/clients/" + f.client() + "/revoke"));
    }

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Registry registry;
    @Autowired RegistryImports imports;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    private static ForeignObjects foreign;

    ForeignObjects foreign() throws Exception {
        foreign = new ForeignObjects.Maker(mvc, jdbc, registry, imports, accounts).make();
        return foreign;
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    @Test
    void everyRouteThatNamesAnObjectIsInTheSweep() {
        var missing = new ArrayList<String>();
        for (Routes.Route route : Routes.of(mapping).all()) {
            if (route.namesAnObject() && !FILLS.containsKey(route.key()) && !NOT_JURISDICTIONAL.containsKey(route.key())) {
                missing.add(route.key() + " " + route.objectInputs());
            }
        }
        assertThat(missing).as("add this route to the sweep (JurisdictionSweepIT.FILLS, or NOT_JURISDICTIONAL with a reason)")
                .isEmpty();
        var known = Routes.of(mapping).all().stream().map(Routes.Route::key).toList();
        assertThat(FILLS.keySet()).as("routes in the sweep that the application no longer has").isSubsetOf(known);
        assertThat(NOT_JURISDICTIONAL.keySet()).as("exempt routes the application no longer has").isSubsetOf(known);
    }

    @Test
    void noRoleBelowTheCityReachesAnObjectOfAnotherJurisdictionThroughAnyRoute() throws Exception {
        ForeignObjects foreign = foreign();
        String before = foreign.state(jdbc);
        var holes = new ArrayList<String>();
        for (var fill : FILLS.entrySet()) {
            for (AbstractMockHttpServletRequestBuilder<?> request : fill.getValue().apply(foreign)) {
                for (String role : ROLES) {
                    if (role.equals("chengguan") && CITY_BUREAU_SEES.contains(fill.getKey())) continue;
                    String uri = request.buildRequest(new MockServletContext()).getRequestURI();
                    try {
                        var response = mvc.perform(request.with(SignedIn.as(accounts, role)).with(csrf())).andReturn().getResponse();
                        if (!refused(fill.getKey(), response)) {
                            int status = response.getStatus();
                            holes.add(fill.getKey() + " as " + role + " (" + uri + "): " + status + " "
                                    + abbreviate(response.getContentAsString()));
                        }
                    } catch (ServletException e) {
                        holes.add(fill.getKey() + " as " + role + " (" + uri + "): 500 " + e.getRootCause());
                    }
                }
            }
        }
        assertThat(holes).as("requests for another jurisdiction's object that were not refused").isEmpty();
        assertThat(foreign.state(jdbc)).as("the foreign objects after every role tried every route").isEqualTo(before);
    }

    @Test
    void theCityAdministratorReachesEveryObjectTheSweepAsksFor() throws Exception {
        ForeignObjects foreign = foreign();
        var wrong = new ArrayList<String>();
        for (var fill : FILLS.entrySet()) {
            // snapshots: none is stored; my-grid: the grid worker's own pages, not the administrator's
            if (!fill.getKey().startsWith("GET ") || fill.getKey().contains("snapshot") || fill.getKey().contains("/my-grid")) continue;
            for (AbstractMockHttpServletRequestBuilder<?> request : fill.getValue().apply(foreign)) {
                try {
                    var response = mvc.perform(request.with(SignedIn.as(accounts, "admin"))).andReturn().getResponse();
                    boolean toTheCase = response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl())
                            .endsWith("/casework/cases/" + foreign.caseId());
                    if (response.getStatus() != 200 && !toTheCase) {
                        wrong.add(fill.getKey() + ": " + response.getStatus() + " " + abbreviate(response.getContentAsString()));
                    }
                } catch (ServletException e) {
                    wrong.add(fill.getKey() + ": 500 " + e.getRootCause());
                }
            }
        }
        assertThat(wrong).as("sweep requests that name no real object (the administrator sees the whole city)").isEmpty();
    }

    /**
     * Refused: 403 or 404. An object named in a query, form or JSON parameter (not in the path) may also be refused
     * the way bad input is, with 400/422 and the field's message; a form post may answer with the page's redirect and
     * its message (the test checks afterwards that no foreign object changed); a page filtered by a foreign area may
     * answer 200 with the refusal shown — in every such case the answer must not show the foreign objects.
     */
    static boolean refused(String route, MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        if (status == 403 || status == 404) return true;
        String body = response.getContentAsString();
        boolean shows = ForeignObjects.MARKERS.stream().anyMatch(body::contains) || body.contains(foreign.gridCode());
        boolean post = !route.startsWith("GET ");
        boolean objectInPath = route.contains("{id}") || route.contains("{gridId}") || route.contains("{number}");
        if ((status == 400 || status == 422) && !shows) return true;
        if (post && (status == 302 || status == 303)) return true;
        return status == 200 && !post && !objectInPath && !shows;
    }

    static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
