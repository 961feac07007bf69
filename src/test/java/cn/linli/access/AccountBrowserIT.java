package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.Browser;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;

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

    ChromeDriver browser;
    WebDriverWait wait;
    String security;
    String system;
    String worker;

    @BeforeEach
    void openBrowser() {
        security = LoginRequests.newUsername("secb");
        system = LoginRequests.newUsername("sysb");
        worker = LoginRequests.newUsername("lockedb");
        long community = unitNames.search(COMMUNITY, 5).stream().filter(u -> u.code().equals(COMMUNITY)).findFirst()
                .orElseThrow().id();
        access.createUser(new NewUser(security, "安全管理员丙", PASSWORD, Set.of(Role.SECURITY_ADMIN), Set.of(), false));
        access.createUser(new NewUser(system, "系统管理员丙", PASSWORD, Set.of(Role.SYSTEM_ADMIN), Set.of(), false));
        access.createUser(new NewUser(worker, "锁定的网格员", PASSWORD, Set.of(Role.GRID_WORKER), Set.of(community), false));
        browser = Browser.start("zh-CN");
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theSecurityAdministratorUnlocksAndTheSystemAdministratorCreatesAnAccountWhoseUserMustChangeThePassword() {
        browser.get(url("/login"));
        for (int i = 0; i < 5; i++) {
            logIn(worker, "Wrong2026xyz");
        }
        assertThat(Browser.text(browser, "#login-message")).contains("15");

        logIn(security, PASSWORD);
        browser.findElement(By.id("nav-accounts")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts")));
        Browser.type(browser, "q", worker);
        Browser.submit(browser, wait, "#accounts-filter");
        assertThat(Browser.text(browser, "#account-" + worker)).contains("锁定的网格员", "已锁定", "网格员");
        browser.findElement(By.linkText(worker)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unlock")));
        assertThat(Browser.text(browser, "#account-state")).contains("因登录失败锁定至");
        Browser.submit(browser, wait, "#unlock");
        assertThat(Browser.text(browser, "#account-notice")).isEqualTo("已解除登录锁定。");
        assertThat(Browser.text(browser, "#account-state")).doesNotContain("锁定");
        logOut();
        logIn(worker, PASSWORD);
        assertThat(Browser.text(browser, ".who-name")).isEqualTo("锁定的网格员");
        logOut();

        logIn(system, PASSWORD);
        browser.findElement(By.id("nav-accounts")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-new")));
        browser.findElement(By.id("account-new")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-form")));
        Browser.type(browser, "unitQuery", COMMUNITY);
        Browser.submit(browser, wait, "#unit-search");
        assertThat(Browser.text(browser, "#unit-results")).contains(COMMUNITY);
        String newcomer = LoginRequests.newUsername("newb");
        Browser.type(browser, "username", newcomer);
        Browser.type(browser, "displayName", "新来的网格员");
        new Select(browser.findElement(By.id("role"))).selectByVisibleText("网格员");
        Browser.type(browser, "units", COMMUNITY);
        Browser.submit(browser, wait, "#account-submit");
        assertThat(Browser.text(browser, "#account-notice")).contains(newcomer, "首次登录时须修改密码");
        String oneTime = Browser.text(browser, "#one-time-password");
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(16);
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("one-time-password"))).isEmpty();
        logOut();

        logIn(newcomer, oneTime);
        wait.until(ExpectedConditions.urlContains("/account/password"));
        assertThat(Browser.text(browser, "#password-required")).isNotEmpty();
        Browser.type(browser, "currentPassword", oneTime);
        Browser.type(browser, "newPassword", "Eigenes2026pw");
        Browser.type(browser, "confirmPassword", "Eigenes2026pw");
        Browser.submit(browser, wait, "main form button[type=submit]");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who-name")));
        assertThat(Browser.text(browser, ".who-name")).isEqualTo("新来的网格员");
        assertThat(browser.getCurrentUrl()).doesNotContain("/account/password");
        assertThat(accounts.findByUsername(newcomer).orElseThrow().mustChangePassword()).isFalse();
    }

    private void logIn(String user, String password) {
        if (!browser.getCurrentUrl().contains("/login")) {
            browser.get(url("/login"));
        }
        Browser.type(browser, "username", user);
        Browser.type(browser, "password", password);
        WebElement form = browser.findElement(By.cssSelector("main form"));
        form.submit();
        wait.until(ExpectedConditions.stalenessOf(form));
    }

    private void logOut() {
        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-message")));
    }




    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
