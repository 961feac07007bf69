package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.grid;
import static cn.linli.registry.RegistryFixture.household;
import static cn.linli.registry.RegistryFixture.idNumber;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

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
 * Name search through the registry's name index: a resident is found by any part of the name by those whose scope
 * holds them, and the index follows every move, death, correction and anonymisation in the same transaction. On H2
 * and PostgreSQL.
 */
@IntegrationTest
class NameSearchIT {

    static final LocalDate TODAY = LocalDate.now(Check.CITY_ZONE);

    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired RegistryRetention retention;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    long grid1;
    long grid3;
    long otherCommunity;

    @BeforeEach
    void grids() {
        grid1 = grid(territory, "230804007001001");
        grid3 = grid(territory, "230804007001003");
        otherCommunity = grid(territory, "230804007002001");
        ActingAs.user(accounts, "admin");
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    long register(String name, long grid) {
        return registry.register(new NewResident(name, DocumentKind.RESIDENT_ID_CARD, idNumber(LocalDate.of(1990, 7, 7)),
                RegistryFixture.phone()), household(registry, grid), MembershipKind.ACTUAL, Relation.HEAD, LocalDate.of(2020, 1, 1));
    }

    List<Long> found(String user, String text) {
        ActingAs.user(accounts, user);
        try {
            return queries.searchByName(text).stream().map(ResidentSummary::id).toList();
        } finally {
            ActingAs.user(accounts, "admin");
        }
    }

    /** The index's rows of a resident as grid/character/next character. */
    List<String> indexed(long resident) {
        return jdbc.sql("""
                select grid_id, first_char, next_char from registry_name_index where resident_id = ?
                order by grid_id, first_char, next_char""").param(resident)
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).list();
    }

    static List<String> keys(long grid, String... pairs) {
        return java.util.Arrays.stream(pairs).map(p -> grid + "/" + p).sorted().toList();
    }

    @Test
    void aResidentIsFoundByAnyPartOfTheNameWithinTheScopeOnly() {
        long resident = register("端木青云", grid1);

        assertThat(indexed(resident)).isEqualTo(keys(grid1, "端/木", "木/青", "青/云", "云/"));
        for (String part : List.of("端木青云", "端木", "木青", "青云", "端", "云", "木青云")) {
            assertThat(found("yongan-sq", part)).as(part).contains(resident);
            assertThat(found("wanggeyuan", part)).as(part).contains(resident);
            assertThat(found("admin", part)).as(part).contains(resident);
        }
        for (String notPart : List.of("端青", "云端", "端木青云子", "青 云")) {
            assertThat(found("yongan-sq", notPart)).as(notPart).doesNotContain(resident);
        }
        assertThat(found("chengguan", "端木青云")).isEmpty();
        ActingAs.user(accounts, "admin");
        long neighbour = register("端木紫烟", otherCommunity);
        assertThat(found("yongan-sq", "端木")).contains(resident).doesNotContain(neighbour);
        assertThat(found("yongan", "端木")).contains(resident, neighbour);
        assertThat(found("admin", "紫烟")).contains(neighbour);
    }

    @Test
    void wildcardsAreTakenLiterally() {
        long odd = register("公孙_%", grid1);
        long plain = register("公孙百里", grid1);
        assertThat(found("yongan-sq", "孙_")).contains(odd).doesNotContain(plain);
        assertThat(found("yongan-sq", "%")).contains(odd).doesNotContain(plain);
        assertThat(found("yongan-sq", "孙%")).doesNotContain(odd, plain);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneCharacter() {
        long resident = register("𠮷祥", grid1);
        assertThat(indexed(resident)).isEqualTo(keys(grid1, "𠮷/祥", "祥/"));
        assertThat(found("yongan-sq", "𠮷")).contains(resident);
        assertThat(found("yongan-sq", "𠮷祥")).contains(resident);
    }

    @Test
    void theIndexFollowsMovesDeathsAndCorrections() {
        long resident = register("闻人秋水", grid1);

        registry.moveWithinCity(resident, MembershipKind.ACTUAL, household(registry, grid3), Relation.HEAD, TODAY.minusDays(10));
        assertThat(indexed(resident)).isEqualTo(keys(grid3, "闻/人", "人/秋", "秋/水", "水/"));
        assertThat(found("wanggeyuan", "秋水")).doesNotContain(resident);
        assertThat(found("yongan-sq", "秋水")).contains(resident);

        registry.moveIn(resident, household(registry, otherCommunity), MembershipKind.REGISTERED, Relation.HEAD, TODAY.minusDays(5));
        assertThat(indexed(resident)).hasSize(8);
        assertThat(found("admin", "闻人秋水")).containsOnlyOnce(resident);

        registry.moveOut(resident, MembershipKind.REGISTERED, TODAY.minusDays(2));
        assertThat(indexed(resident)).isEqualTo(keys(grid3, "闻/人", "人/秋", "秋/水", "水/"));

        ActingAs.user(accounts, "yongan-sq");
        int version = queries.resident(resident).orElseThrow().version();
        registry.correct(resident, new ResidentCorrection((long) version, "闻人春山", null, null, null, null, null, false,
                null, null, null, null, java.util.Map.of()));
        assertThat(found("yongan-sq", "秋水")).doesNotContain(resident);
        assertThat(found("yongan-sq", "春山")).contains(resident);

        registry.recordDeath(resident, TODAY.minusDays(1));
        assertThat(indexed(resident)).isEqualTo(keys(grid3, "闻/人", "人/春", "春/山", "山/"));
        assertThat(found("yongan-sq", "春山")).contains(resident);
    }

    @Test
    void anAnonymisedResidentLeavesTheIndex() {
        long resident = register("东郭远行", grid1);
        registry.moveOutOfCity(resident, TODAY.minusYears(4));
        assertThat(found("yongan-sq", "东郭远行")).contains(resident);
        ActingAs.user(accounts, "admin");
        assertThat(indexed(resident)).isNotEmpty();

        retention.runNow();

        assertThat(indexed(resident)).isEmpty();
        assertThat(found("yongan-sq", "东郭")).doesNotContain(resident);
    }
}
