package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.access.internal.totp.Base32;
import cn.linli.access.internal.totp.Totp;
import cn.linli.testing.Browser;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;

/**
 * A security administrator turns on two-factor login in a real Chromium with the secret the page shows (as an
 * authenticator app would), logs out, and logs in again with password and code.
 */
@IntegrationTest
@BrowserTest
class SecondFactorBrowserIT {

    private static final String PASSWORD = "Browser2026ok";

    @LocalServerPort
    int port;
    @Autowired
    AccessManagement access;

    ChromeDriver browser;
    WebDriverWait wait;
    String username;

    @BeforeEach
    void openBrowser() {
        username = LoginRequests.newUsername("secbrowser");
        access.createUser(new NewUser(username, "安全管理员乙", PASSWORD, Set.of(Role.SECURITY_ADMIN), Set.of(), false));
        browser = Browser.start("zh-CN");
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void enrolsWithTheShownSecretAndThenLogsInWithPasswordAndCode() {
        browser.get(url("/login"));
        logIn(username, PASSWORD);
        browser.get(url("/account/second-factor"));
        String secret = Browser.text(browser, "#totp-secret");
        assertThat(Browser.text(browser, "#totp-uri")).startsWith("otpauth://totp/Linli%3A" + username + "?secret=" + secret);

        // absolute steps: the test stays right when a 30-second step ends in the middle of it
        long enrolStep = Totp.stepOf(Instant.now());
        Browser.type(browser, "code", code(secret, enrolStep));
        Browser.submit(browser, wait, "#enrolment-submit");
        assertThat(Browser.text(browser, "#enrolment-done")).startsWith("双因素登录已启用");

        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-message")));

        logIn(username, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/login/code"));
        assertThat(browser.getTitle()).startsWith("动态验证码");
        // the code just used for the enrolment is spent
        Browser.type(browser, "code", code(secret, enrolStep));
        Browser.submit(browser, wait, "#code-submit");
        assertThat(Browser.text(browser, "#code-message")).startsWith("验证码不正确");

        Browser.type(browser, "code", code(secret, enrolStep + 1));
        Browser.submit(browser, wait, "#code-submit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who-name")));
        assertThat(Browser.text(browser, ".who-name")).isEqualTo("安全管理员乙");
        assertThat(Browser.text(browser, ".who-role")).isEqualTo("安全管理员");
    }

    private static String code(String secret, long step) {
        return Totp.code(Base32.decode(secret), step);
    }

    private void logIn(String user, String password) {
        Browser.type(browser, "username", user);
        Browser.type(browser, "password", password);
        WebElement form = browser.findElement(By.cssSelector("main form"));
        form.submit();
        wait.until(ExpectedConditions.stalenessOf(form));
    }




    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
