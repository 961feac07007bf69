package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/**
 * The account pages in a real Chromium: a grid worker locks themselves out with wrong passwords, the security
 * administrator finds them in the account list and lifts the lock; the system administrator creates an account with
 * a generated password shown once; the new user signs in with it and must choose their own password first.
 */
@IntegrationTest
@BrowserTest
class AccountBrowserIT {

    private static final String PASSWORD = "Browser2026ok";
    private static final String COMMUNITY = "230804007001";

    @LocalServerPort int port;
    @Autowired AccessManagement access;
    @Autowired UserAccounts accounts;
    @Autowired UnitNames unitNames;

    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN").waitingUpTo(Duration.ofSeconds(10));
    String security;
    String system;
    String worker;

    @BeforeEach
    void createUsers() {
        security = LoginRequests.newUsername("secb");
        system = LoginRequests.newUsername("sysb");
        worker = LoginRequests.newUsername("lockedb");
        long community = unitNames.search(COMMUNITY, 5).stream().filter(u -> u.code().equals(COMMUNITY)).findFirst()
                .orElseThrow().id();
        access.createUser(new NewUser(security, "安全管理员丙", PASSWORD, Set.of(Role.SECURITY_ADMIN), Set.of(), false));
        access.createUser(new NewUser(system, "系统管理员丙", PASSWORD, Set.of(Role.SYSTEM_ADMIN), Set.of(), false));
        access.createUser(new NewUser(worker, "锁定的网格员", PASSWORD, Set.of(Role.GRID_WORKER), Set.of(community), false));
    }

    @Test
    void theSecurityAdministratorUnlocksAndTheSystemAdministratorCreatesAnAccountWhoseUserMustChangeThePassword() {
        browser.driver().get(url("/login"));
        for (int i = 0; i < 5; i++) {
            logIn(worker, "Wrong2026xyz");
        }
        assertThat(browser.text("#login-message")).contains("15");

        logIn(security, PASSWORD);
        browser.driver().findElement(By.id("nav-accounts")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts")));
        browser.type("q", worker);
        browser.submit("#accounts-filter");
        assertThat(browser.text("#account-" + worker)).contains("锁定的网格员", "已锁定", "网格员");
        browser.driver().findElement(By.linkText(worker)).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("unlock")));
        assertThat(browser.text("#account-state")).contains("因登录失败锁定至");
        browser.submit("#unlock");
        assertThat(browser.text("#account-notice")).isEqualTo("已解除登录锁定。");
        assertThat(browser.text("#account-state")).doesNotContain("锁定");
        logOut();
        logIn(worker, PASSWORD);
        assertThat(browser.text(".who-name")).isEqualTo("锁定的网格员");
        logOut();

        logIn(system, PASSWORD);
        browser.driver().findElement(By.id("nav-accounts")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("account-new")));
        browser.driver().findElement(By.id("account-new")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("account-form")));
        browser.type("unitQuery", COMMUNITY);
        browser.submit("#unit-search");
        assertThat(browser.text("#unit-results")).contains(COMMUNITY);
        String newcomer = LoginRequests.newUsername("newb");
        browser.type("username", newcomer);
        browser.type("displayName", "新来的网格员");
        new Select(browser.driver().findElement(By.id("role"))).selectByVisibleText("网格员");
        browser.type("units", COMMUNITY);
        browser.submit("#account-submit");
        assertThat(browser.text("#account-notice")).contains(newcomer, "首次登录时须修改密码");
        String oneTime = browser.text("#one-time-password");
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(16);
        browser.driver().navigate().refresh();
        assertThat(browser.driver().findElements(By.id("one-time-password"))).isEmpty();
        logOut();

        logIn(newcomer, oneTime);
        browser.until(ExpectedConditions.urlContains("/account/password"));
        assertThat(browser.text("#password-required")).isNotEmpty();
        browser.type("currentPassword", oneTime);
        browser.type("newPassword", "Eigenes2026pw");
        browser.type("confirmPassword", "Eigenes2026pw");
        browser.submit("main form button[type=submit]");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who-name")));
        assertThat(browser.text(".who-name")).isEqualTo("新来的网格员");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/account/password");
        assertThat(accounts.findByUsername(newcomer).orElseThrow().mustChangePassword()).isFalse();
    }

    private void logIn(String user, String password) {
        if (!browser.driver().getCurrentUrl().contains("/login")) {
            browser.driver().get(url("/login"));
        }
        browser.submitLogin(user, password);
    }

    private void logOut() {
        browser.driver().findElement(By.cssSelector("form.logout button")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("login-message")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
