package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.grid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.linli.access.internal.UserAccounts;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/**
 * The household search finds a household by any part of its address ("building address unit-room"), within the
 * reader's scope: by the building's address, by the room, and across the parts. On H2 and PostgreSQL.
 */
@IntegrationTest
class AddressSearchIT {

    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;

    @BeforeEach
    void signIn() {
        ActingAs.user(accounts, "admin");
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    long household(String street, String grid, int unit, String room) {
        long building = registry.addBuilding(new NewBuilding(street, null, grid(territory, grid), BuildingType.RESIDENTIAL, 3, 6));
        return registry.addHousehold(new NewHousehold(building, unit, 2, room, HouseholdType.RESIDENT, null));
    }

    List<Long> found(String user, String text) {
        ActingAs.user(accounts, user);
        try {
            return queries.searchHouseholds(text).stream().map(HouseholdSummary::id).toList();
        } finally {
            ActingAs.user(accounts, "admin");
        }
    }

    @Test
    void aHouseholdIsFoundByAnyPartOfItsAddressWithinTheScope() {
        String street = "杏林路" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "号";
        long east = household(street, "230804007001001", 2, "东户");
        long numbered = household(street + "乙", "230804007001002", 1, "3A");
        long elsewhere = household(street + "丙", "230804007002001", 1, "东户");

        assertThat(found("yongan-sq", street)).contains(east, numbered).doesNotContain(elsewhere);
        assertThat(found("yongan-sq", "东户")).contains(east).doesNotContain(elsewhere, numbered);
        assertThat(found("admin", "东户")).contains(east, elsewhere);
        assertThat(found("yongan-sq", "号乙 1-3")).containsExactly(numbered);
        assertThat(found("yongan-sq", street + " 2-东")).containsExactly(east);
        assertThat(found("yongan-sq", "3A")).contains(numbered).doesNotContain(east);
        assertThat(found("wanggeyuan", street)).contains(east, numbered);
        assertThat(found("yongan-sq", "杏%路")).isEmpty();
        assertThat(found("chengguan", street)).isEmpty();
    }
}
