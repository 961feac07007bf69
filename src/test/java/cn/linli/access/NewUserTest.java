package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class NewUserTest {

    private static final String GOOD_PASSWORD = "Wangge2024x";

    @Test
    void keepsTheUsernameInLowerCase() {
        var user = new NewUser("  Zhang.San ", "张三", GOOD_PASSWORD, Set.of(Role.GRID_WORKER), Set.of(7L), false);
        assertThat(user.username()).isEqualTo("zhang.san");
        assertThat(user.jurisdiction()).isEqualTo(Jurisdiction.units(Set.of(7L)));
    }

    @Test
    void cityAdministratorActsForTheWholeCityWithoutUnits() {
        var admin = new NewUser("admin", "管理员", GOOD_PASSWORD, Set.of(Role.CITY_ADMIN), Set.of(), true);
        assertThat(admin.jurisdiction().unrestricted()).isTrue();
    }

    @Test
    void usernameMustFollowThePattern() {
        for (String bad : new String[] {"", "ab", "张三", "has space", "-leading", "x".repeat(33)}) {
            assertRejected(() -> new NewUser(bad, "张三", GOOD_PASSWORD, Set.of(Role.GRID_WORKER), Set.of(1L), false),
                    "username", "access.user.username.pattern");
        }
    }

    @Test
    void userNeedsARole() {
        assertRejected(() -> new NewUser("zhangsan", "张三", GOOD_PASSWORD, Set.of(), Set.of(1L), false),
                "roles", "access.user.roles.empty");
    }

    @Test
    void staffWhoAreNotCityAdministratorsNeedAUnit() {
        assertRejected(() -> new NewUser("zhangsan", "张三", GOOD_PASSWORD, Set.of(Role.STREET_STAFF), Set.of(), false),
                "unitIds", "access.user.units.empty");
    }

    @Test
    void displayNameIsRequired() {
        assertRejected(() -> new NewUser("zhangsan", " ", GOOD_PASSWORD, Set.of(Role.GRID_WORKER), Set.of(1L), false),
                "displayName", "access.user.displayName.length");
    }

    @Test
    void firstPasswordFollowsThePolicy() {
        assertRejected(() -> new NewUser("zhangsan", "张三", "short1", Set.of(Role.GRID_WORKER), Set.of(1L), false),
                "password", "access.password.tooShort");
        assertRejected(() -> new NewUser("zhangsan", "张三", "onlyletters", Set.of(Role.GRID_WORKER), Set.of(1L), false),
                "password", "access.password.lettersAndDigits");
        assertRejected(() -> new NewUser("zhangsan", "张三", "1234567890", Set.of(Role.GRID_WORKER), Set.of(1L), false),
                "password", "access.password.lettersAndDigits");
        assertRejected(() -> new NewUser("zhangsan", "张三", "密码".repeat(12) + "1", Set.of(Role.GRID_WORKER), Set.of(1L), false),
                "password", "access.password.tooLong");
    }

    @Test
    void neverPrintsThePassword() {
        var user = new NewUser("zhangsan", "张三", GOOD_PASSWORD, Set.of(Role.GRID_WORKER), Set.of(1L), false);
        assertThat(user.toString()).doesNotContain(GOOD_PASSWORD);
    }

    private static void assertRejected(Runnable creation, String field, String code) {
        assertThatThrownBy(creation::run)
                .isInstanceOfSatisfying(InvalidUserException.class, rejected -> {
                    assertThat(rejected.field()).isEqualTo(field);
                    assertThat(rejected.getCodes()).containsExactly(code);
                });
    }
}
