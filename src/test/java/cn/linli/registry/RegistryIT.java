package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.grid;
import static cn.linli.registry.RegistryFixture.household;
import static cn.linli.registry.RegistryFixture.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.internal.UserAccounts;
import cn.linli.territory.GridStandard;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/** Each registry operation as 永安社区's staff would do it, on H2 and PostgreSQL. */
@IntegrationTest
class RegistryIT {

    static final LocalDate TODAY = LocalDate.now(Check.CITY_ZONE);

    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired TerritoryQueries territory;
    @Autowired GridStandard gridStandard;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    long grid;
    long home;
    long other;

    @BeforeEach
    void signIn() {
        ActingAs.user(accounts, "yongan-sq");
        grid = grid(territory, "230804007001001");
        home = household(registry, grid);
        other = household(registry, grid(territory, "230804007001002"));
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    static String code(Runnable action) {
        try {
            action.run();
        } catch (RejectedRegistryInput e) {
            return e.code();
        }
        return "accepted";
    }

    @Test
    void registeredAndActualResidenceInDifferentHouseholdsIsAllowed() {
        long id = registry.register(resident("刘洋", LocalDate.of(1985, 3, 2)), home, MembershipKind.REGISTERED, Relation.HEAD,
                LocalDate.of(2010, 1, 1));
        registry.moveIn(id, other, MembershipKind.ACTUAL, Relation.OTHER, LocalDate.of(2020, 5, 1));
        var card = queries.resident(id).orElseThrow();
        assertThat(card.memberships()).extracting(MembershipView::householdId, MembershipView::kind)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(home, MembershipKind.REGISTERED),
                        org.assertj.core.groups.Tuple.tuple(other, MembershipKind.ACTUAL));
        assertThat(queries.household(home, null).orElseThrow().headId()).isEqualTo(id);
    }

    @Test
    void twoCurrentHouseholdsOfTheSameKindAreRefusedInCodeAndByTheDatabase() {
        long id = registry.register(resident("陈静", LocalDate.of(1990, 7, 9)), home, MembershipKind.ACTUAL, Relation.HEAD,
                LocalDate.of(2015, 1, 1));
        assertThat(code(() -> registry.moveIn(id, other, MembershipKind.ACTUAL, Relation.OTHER, TODAY)))
                .isEqualTo("registry.error.same-kind-current");
        assertThat(queries.resident(id).orElseThrow().memberships()).hasSize(1);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into registry_membership (resident_id, household_id, kind, relation, valid_from)
                values (?, ?, 'ACTUAL', 'OTHER', ?)""").params(id, other, TODAY).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aMoveWithinTheCityKeepsTheHistoryReadableAsOfAnyDate() {
        LocalDate in = LocalDate.of(2012, 4, 1);
        LocalDate moved = LocalDate.of(2021, 9, 15);
        long id = registry.register(resident("赵敏", LocalDate.of(1970, 2, 2)), home, MembershipKind.REGISTERED, Relation.SPOUSE, in);
        registry.moveWithinCity(id, MembershipKind.REGISTERED, other, Relation.HEAD, moved);
        assertThat(queries.householdMembers(home, moved.minusDays(1))).extracting(MembershipView::residentId).contains(id);
        assertThat(queries.householdMembers(home, moved)).extracting(MembershipView::residentId).doesNotContain(id);
        assertThat(queries.householdMembers(other, moved)).extracting(MembershipView::residentId).containsExactly(id);
        assertThat(queries.household(home, null).orElseThrow().history()).extracting(MembershipView::validTo).containsExactly(moved);
    }

    @Test
    void datesAreChecked() {
        long id = registry.register(resident("孙丽", LocalDate.of(1995, 1, 20)), home, MembershipKind.ACTUAL, Relation.HEAD,
                LocalDate.of(2019, 3, 1));
        assertThat(code(() -> registry.moveOut(id, MembershipKind.ACTUAL, LocalDate.of(2019, 2, 28))))
                .isEqualTo("registry.error.move-out-before-move-in");
        assertThat(code(() -> registry.moveOut(id, MembershipKind.ACTUAL, TODAY.plusDays(1)))).isEqualTo("registry.error.future-date");
        assertThat(code(() -> registry.register(resident("周杰", LocalDate.of(1995, 1, 20)), home, MembershipKind.ACTUAL,
                Relation.CHILD, LocalDate.of(1990, 1, 1)))).isEqualTo("registry.error.before-birth");
        assertThat(queries.resident(id).orElseThrow().memberships()).allMatch(MembershipView::current);
    }

    @Test
    void theSameDocumentNumberIsNotRegisteredTwice() {
        NewResident person = resident("吴刚", LocalDate.of(1960, 6, 6));
        registry.register(person, home, MembershipKind.REGISTERED, Relation.HEAD, LocalDate.of(2000, 1, 1));
        assertThat(code(() -> registry.register(person, other, MembershipKind.REGISTERED, Relation.HEAD, LocalDate.of(2000, 1, 1))))
                .isEqualTo("registry.error.document-known");
    }

    @Test
    void deathClosesEveryMembershipAndEndsTheRecord() {
        long id = registry.register(resident("马桂兰", LocalDate.of(1935, 11, 3)), home, MembershipKind.REGISTERED,
                Relation.HEAD, LocalDate.of(1980, 1, 1));
        registry.moveIn(id, other, MembershipKind.ACTUAL, Relation.PARENT, LocalDate.of(2018, 1, 1));
        LocalDate died = TODAY.minusDays(10);
        registry.recordDeath(id, died);
        var card = queries.resident(id).orElseThrow();
        assertThat(card.status()).isEqualTo(ResidentStatus.DECEASED);
        assertThat(card.memberships()).extracting(MembershipView::validTo).containsOnly(died);
        assertThat(queries.household(home, null).orElseThrow().headId()).isNull();
        assertThat(code(() -> registry.moveIn(id, home, MembershipKind.ACTUAL, Relation.OTHER, TODAY)))
                .isEqualTo("registry.error.not-active");
        assertThat(jdbc.sql("select count(*) from access_audit where action = 'REGISTRY_DEATH_RECORDED' and subject = ?")
                .param("resident " + id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void moveOutOfTheCityKeepsTheResidentAsHistory() {
        long id = registry.register(resident("郑浩", LocalDate.of(1988, 8, 8)), home, MembershipKind.REGISTERED, Relation.HEAD,
                LocalDate.of(2008, 1, 1));
        registry.moveOutOfCity(id, TODAY);
        assertThat(queries.resident(id).orElseThrow().status()).isEqualTo(ResidentStatus.MOVED_AWAY);
        assertThat(queries.householdMembers(home, TODAY.minusDays(1))).extracting(MembershipView::residentId).contains(id);
    }

    @Test
    void careTagsHaveAValidityAndExpiredOnesAreRefused() {
        long id = registry.register(resident("林秀英", LocalDate.of(1940, 4, 4)), home, MembershipKind.REGISTERED,
                Relation.HEAD, LocalDate.of(1990, 1, 1));
        long tag = registry.addCareTag(id, "DISABLED", 2, LocalDate.of(2020, 1, 1), null);
        assertThat(code(() -> registry.addCareTag(id, "ELDERLY_ALONE", null, LocalDate.of(2020, 1, 1), TODAY.minusDays(1))))
                .isEqualTo("registry.error.tag-expired");
        assertThat(code(() -> registry.addCareTag(id, "NO_SUCH", null, TODAY, null))).isEqualTo("registry.error.unknown-tag-type");
        registry.endCareTag(tag, TODAY);
        assertThat(code(() -> registry.endCareTag(tag, TODAY))).isEqualTo("registry.error.tag-expired");
        assertThat(queries.resident(id).orElseThrow().careTags()).extracting(CareTagView::validTo).containsExactly(TODAY);
    }

    @Test
    void visitsGivePatrolCoverageAndTheRegistryCountsTheGridsHouseholds() {
        int before = queries.gridHouseholds(grid).orElseThrow();
        registry.recordVisit(home, TODAY, "入户走访，老人身体状况良好。", false);
        registry.recordVisit(home, TODAY, "再次走访。", true);
        assertThat(code(() -> registry.recordVisit(home, TODAY.plusDays(1), "明天", false))).isEqualTo("registry.error.future-date");
        var coverage = queries.patrolCoverage(grid, TODAY, TODAY).orElseThrow();
        assertThat(coverage.visited()).isGreaterThanOrEqualTo(1);
        assertThat(coverage.households()).isEqualTo(before);
        assertThat(gridStandard.households(grid)).contains(before);
        assertThat(gridStandard.allHouseholds()).containsEntry(grid, before);
    }

    @Test
    void aBuildingShowsItsHouseholdsByUnitAndFloorAndRefusesRoomsItHasNot() {
        long building = registry.addBuilding(new NewBuilding("永安小区9号楼", null, grid, BuildingType.MIXED, 2, 5));
        registry.addHousehold(new NewHousehold(building, 2, 5, "502", HouseholdType.RENTAL, null));
        registry.addHousehold(new NewHousehold(building, 1, 1, "101", HouseholdType.VACANT, null));
        assertThat(code(() -> registry.addHousehold(new NewHousehold(building, 3, 1, "101", HouseholdType.VACANT, null))))
                .isEqualTo("registry.error.no-such-unit");
        assertThat(code(() -> registry.addHousehold(new NewHousehold(building, 1, 1, "101", HouseholdType.VACANT, null))))
                .isEqualTo("registry.error.room-taken");
        var view = queries.building(building).orElseThrow();
        assertThat(view.byUnitAndFloor().keySet()).containsExactly(1, 2);
        assertThat(view.byUnitAndFloor().get(2).get(5)).extracting(HouseholdSummary::room).containsExactly("502");
    }
}
