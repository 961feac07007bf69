package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.grid;
import static cn.linli.registry.RegistryFixture.household;
import static cn.linli.registry.RegistryFixture.idNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Categories;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.GeoPoint;
import cn.linli.shared.PhoneNumber;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The front desk finds its caller in the registry: by the phone typed for the call or by name, within the window's
 * scope, masked as the registry masks; a chosen resident fills the form, their earlier cases are listed, and their
 * phone goes with the case without being shown (an audited use).
 */
@IntegrationTest
class RegistryCallerDirectoryIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Registry registry;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Categories categories;
    @Autowired JdbcClient jdbc;

    long resident;
    String phone;
    long grid;
    GeoPoint home;
    String neighbour;

    @BeforeEach
    void residents() {
        ActingAs.user(accounts, "admin");
        grid = grid(territory, "230804007001001");
        Point inside = boundaries.loadAll().stream().filter(b -> b.unitId() == grid && b.validTo() == null).findFirst().orElseThrow()
                .geometry().getInteriorPoint();
        home = new GeoPoint(inside.getX(), inside.getY());
        long building = registry.addBuilding(new NewBuilding("永安小区" + UUID.randomUUID().toString().substring(0, 6) + "号楼", home, grid,
                BuildingType.RESIDENTIAL, 2, 6));
        long household = registry.addHousehold(new NewHousehold(building, 1, 2, "201", HouseholdType.REGISTERED, null));
        phone = RegistryFixture.phone();
        resident = registry.register(new NewResident("司马来电", DocumentKind.RESIDENT_ID_CARD, idNumber(LocalDate.of(1960, 5, 1)), phone),
                household, MembershipKind.REGISTERED, Relation.HEAD, LocalDate.of(2001, 1, 1));
        neighbour = "上官邻居" + UUID.randomUUID().toString().substring(0, 4);
        registry.register(new NewResident(neighbour, DocumentKind.RESIDENT_ID_CARD, idNumber(LocalDate.of(1970, 1, 1)), RegistryFixture.phone()),
                household(registry, grid(territory, "230804007002001")), MembershipKind.REGISTERED, Relation.HEAD, LocalDate.of(2001, 1, 1));
        ActingAs.nobody();
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    @Test
    void theWindowFindsItsCallerByPhoneAndByNameWithinItsScope() throws Exception {
        String masked = new PhoneNumber(phone).masked();
        mvc.perform(get("/casework/desk/caller").param("reporterPhone", phone).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(content().string(containsString("司马来电")))
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(containsString("201")))
                .andExpect(content().string(containsString("data-resident=\"" + resident + "\"")))
                .andExpect(content().string(containsString("data-lng=\"" + home.lng())))
                .andExpect(content().string(not(containsString(phone))));
        mvc.perform(get("/casework/desk/residents").param("callerQuery", "司马来").with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(content().string(containsString("司马来电")));
        mvc.perform(get("/casework/desk/residents").param("callerQuery", neighbour).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(content().string(containsString("没有找到")));
        mvc.perform(get("/casework/desk/residents").param("callerQuery", neighbour).with(SignedIn.as(accounts, "yongan")))
                .andExpect(content().string(containsString("data-resident=")))
                .andExpect(content().string(not(containsString(neighbour))));
        mvc.perform(get("/casework/desk").with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(content().string(containsString("id=\"caller-search\"")));
    }

    @Test
    void aChosenResidentsEarlierCasesAreListedAndTheirPhoneGoesWithTheNewCase() throws Exception {
        ActingAs.user(accounts, "yongan-sq");
        String rubbish = categories.search("暴露垃圾", 1).get(0).category().code().value();
        String earlier = work.receive(new NewCase(RequestType.COMPLAINT, Channel.PHONE, null, "楼下垃圾堆放多日无人清运。", null, grid,
                "永安小区", "司马先生", phone, false, false, true, rubbish, false, null)).number();
        ActingAs.nobody();
        mvc.perform(get("/casework/desk/caller").param("residentId", String.valueOf(resident)).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(content().string(containsString(earlier)));

        String key = UUID.randomUUID().toString();
        mvc.perform(post("/casework/desk").with(csrf()).with(SignedIn.as(accounts, "yongan-sq"))
                        .param("idempotencyKey", key).param("type", "COMPLAINT").param("channel", "PHONE")
                        .param("callerResidentId", String.valueOf(resident)).param("reporterName", "司马来电")
                        .param("categoryCode", rubbish).param("description", "单元门口垃圾桶满溢。")
                        .param("lng", String.valueOf(home.lng())).param("lat", String.valueOf(home.lat())).param("decision", "REGISTER"))
                .andExpect(redirectedUrl("/casework/desk"));
        long id = jdbc.sql("select id from casework_case where idempotency_key = :k").param("k", key).query(Long.class).single();
        ActingAs.user(accounts, "yongan-sq");
        assertThat(queries.find(id).orElseThrow().reporterPhoneMasked()).isEqualTo(new PhoneNumber(phone).masked());
        assertThat(jdbc.sql("select count(*) from access_audit where action = 'REGISTRY_CALLER_PHONE_USED' and subject = :s")
                .param("s", "resident " + resident).query(Long.class).single()).isEqualTo(2);
    }
}
