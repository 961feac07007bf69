package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.grid;
import static cn.linli.registry.RegistryFixture.household;
import static cn.linli.registry.RegistryFixture.idNumber;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.internal.UserAccounts;
import cn.linli.shared.DocumentKind;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/**
 * Who sees which residents, tried through every read: by id, by search (name, ID number, phone, address) and in
 * lists. One resident in 永安社区's grid 001 (the grid worker's), one in 保卫社区 next door (not his).
 */
@IntegrationTest
class RegistryScopeIT {

    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    record Person(long id, long household, String name, String idNumber, String phone) {
    }

    Person mine;
    Person neighbours;

    @BeforeEach
    void residents() {
        ActingAs.user(accounts, "admin");
        mine = person(grid(territory, "230804007001001"), "欧阳明远");
        neighbours = person(grid(territory, "230804007002001"), "诸葛晓燕");
        registry.addCareTag(mine.id(), "COMMUNITY_CORRECTION", null, LocalDate.of(2025, 1, 1), null);
        registry.addCareTag(mine.id(), "ELDERLY_80", null, LocalDate.of(2025, 1, 1), null);
        ActingAs.nobody();
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    Person person(long grid, String name) {
        long household = household(registry, grid);
        String id = idNumber(LocalDate.of(1944, 2, 29));
        String phone = RegistryFixture.phone();
        long resident = registry.register(new NewResident(name, DocumentKind.RESIDENT_ID_CARD, id, phone), household,
                MembershipKind.REGISTERED, Relation.HEAD, LocalDate.of(2001, 1, 1));
        return new Person(resident, household, name, id, phone);
    }

    boolean reaches(Person person) {
        return queries.resident(person.id()).isPresent()
                || queries.household(person.household(), null).isPresent()
                || !queries.householdMembers(person.household(), null).isEmpty()
                || queries.searchByName(person.name().substring(2)).stream().anyMatch(r -> r.id() == person.id())
                || !queries.findByDocumentNumber(person.idNumber()).isEmpty()
                || !queries.findByPhone(person.phone()).isEmpty()
                || !queries.search(person.idNumber()).isEmpty()
                || !queries.searchHouseholds("测试小区").stream().filter(h -> h.id() == person.household()).toList().isEmpty()
                || queries.unmaskDocument(person.id(), "核对").isPresent();
    }

    @Test
    void theGridWorkerSeesHisGridsOnlyThroughEveryRead() {
        ActingAs.user(accounts, "wanggeyuan");
        assertThat(queries.resident(mine.id())).isPresent();
        assertThat(queries.findByDocumentNumber(mine.idNumber().toLowerCase())).extracting(ResidentSummary::id).containsExactly(mine.id());
        assertThat(queries.findByPhone(mine.phone())).extracting(ResidentSummary::id).containsExactly(mine.id());
        assertThat(queries.searchByName("明远")).extracting(ResidentSummary::id).contains(mine.id());
        ActingAs.user(accounts, "admin");
        var neighbourGrid = queries.household(neighbours.household(), null).orElseThrow().gridId();
        ActingAs.user(accounts, "wanggeyuan");
        assertThat(reachesExceptUnmask(neighbours)).isFalse();
        assertThat(queries.gridHouseholds(neighbourGrid)).isEmpty();
        assertThat(queries.patrolCoverage(neighbourGrid, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31))).isEmpty();
        assertThat(RegistryIT.code(() -> registry.moveIn(neighbours.id(), mine.household(), MembershipKind.ACTUAL,
                Relation.OTHER, LocalDate.of(2025, 1, 1)))).isEqualTo("registry.error.unknown-resident");
        assertThat(RegistryIT.code(() -> registry.recordVisit(neighbours.household(), LocalDate.of(2025, 1, 1), "走访", false)))
                .isEqualTo("registry.error.unknown-household");
        assertThat(queries.searchByName("王")).isNotEmpty().allSatisfy(r -> assertThat(r.id()).isNotEqualTo(neighbours.id()));
    }

    boolean reachesExceptUnmask(Person person) {
        return queries.resident(person.id()).isPresent()
                || queries.household(person.household(), null).isPresent()
                || !queries.householdMembers(person.household(), null).isEmpty()
                || queries.searchByName(person.name().substring(2)).stream().anyMatch(r -> r.id() == person.id())
                || !queries.findByDocumentNumber(person.idNumber()).isEmpty()
                || !queries.findByPhone(person.phone()).isEmpty()
                || !queries.search(person.idNumber()).isEmpty()
                || queries.searchHouseholds("测试小区").stream().anyMatch(h -> h.id() == person.household());
    }

    @Test
    void departmentStaffSeeNoResidentAtAll() {
        ActingAs.user(accounts, "chengguan");
        assertThat(reaches(mine)).isFalse();
        assertThat(reaches(neighbours)).isFalse();
        assertThat(queries.searchByName("王")).isEmpty();
        assertThat(queries.gridHouseholds(grid(territory, "230804007001001"))).isEmpty();
    }

    @Test
    void communityStreetAndCityStaffSeeTheirWholeArea() {
        ActingAs.user(accounts, "yongan-sq");
        assertThat(reaches(mine)).isTrue();
        assertThat(reachesExceptUnmask(neighbours)).isFalse();
        ActingAs.user(accounts, "yongan");
        assertThat(reachesExceptUnmask(mine)).isTrue();
        assertThat(reachesExceptUnmask(neighbours)).isTrue();
        ActingAs.user(accounts, "admin");
        assertThat(reachesExceptUnmask(neighbours)).isTrue();
    }

    @Test
    void sensitiveTagsAreHiddenFromGridWorkersAndEveryReadByOthersIsAudited() {
        ActingAs.user(accounts, "wanggeyuan");
        assertThat(queries.resident(mine.id()).orElseThrow().careTags()).extracting(CareTagView::type).containsExactly("ELDERLY_80");
        assertThat(sensitiveReads("wanggeyuan")).isZero();
        ActingAs.user(accounts, "yongan-sq");
        assertThat(queries.resident(mine.id()).orElseThrow().careTags()).extracting(CareTagView::type)
                .containsExactlyInAnyOrder("ELDERLY_80", "COMMUNITY_CORRECTION");
        assertThat(sensitiveReads("yongan-sq")).isEqualTo(1);
    }

    int sensitiveReads(String user) {
        return jdbc.sql("select count(*) from access_audit where action = 'SENSITIVE_READ' and actor = ? and subject = ?")
                .params(user, "resident " + mine.id()).query(Integer.class).single();
    }

    @Test
    void identifiersAreMaskedAndNamesOnlyAboveTheCommunity() {
        ActingAs.user(accounts, "wanggeyuan");
        ResidentSummary seen = queries.findByDocumentNumber(mine.idNumber()).get(0);
        assertThat(seen.document()).isEqualTo("2308" + "*".repeat(10) + mine.idNumber().substring(14));
        assertThat(seen.phone()).isEqualTo("170****" + mine.phone().substring(7));
        assertThat(seen.name()).isEqualTo("欧阳明远");
        assertThat(queries.household(mine.household(), null).orElseThrow().phone()).matches("170\\*{4}\\d{4}");
        ActingAs.user(accounts, "yongan");
        assertThat(queries.findByDocumentNumber(mine.idNumber()).get(0).name()).isEqualTo("欧阳**");
        assertThat(queries.unmaskDocument(mine.id(), "核对身份")).contains(mine.idNumber());
        assertThat(jdbc.sql("select count(*) from access_audit where action = 'UNMASKED' and actor = 'yongan' and subject = ?")
                .param("resident " + mine.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void noIdentifierIsStoredInPlaintext() {
        List<Map<String, Object>> rows = jdbc.sql("select document_number, document_index, phone, phone_index from registry_resident")
                .query().listOfRows();
        assertThat(rows).isNotEmpty().allSatisfy(row -> row.values().stream().filter(v -> v != null).map(String::valueOf)
                .forEach(v -> assertThat(v).doesNotContainPattern("\\d{17}[\\dX]").doesNotContainPattern("1\\d{10}")
                        .doesNotContain(mine.idNumber()).doesNotContain(mine.phone())));
        assertThat(jdbc.sql("select phone from registry_household where phone is not null").query(String.class).list())
                .allSatisfy(v -> assertThat(v).doesNotContainPattern("1\\d{10}"));
        assertThat(jdbc.sql("select detail from access_audit where subject = ?").param("resident " + mine.id())
                .query(String.class).list()).allSatisfy(d -> assertThat(d).doesNotContain(mine.idNumber()));
    }
}
