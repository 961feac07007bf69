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
        String secret = text("#totp-secret");
        assertThat(text("#totp-uri")).startsWith("otpauth://totp/Linli%3A" + username + "?secret=" + secret);

        // absolute steps: the test stays right when a 30-second step ends in the middle of it
        long enrolStep = Totp.stepOf(Instant.now());
        type("code", code(secret, enrolStep));
        submit("#enrolment-submit");
        assertThat(text("#enrolment-done")).startsWith("双因素登录已启用");

        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-message")));

        logIn(username, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/login/code"));
        assertThat(browser.getTitle()).startsWith("动态验证码");
        // the code just used for the enrolment is spent
        type("code", code(secret, enrolStep));
        submit("#code-submit");
        assertThat(text("#code-message")).startsWith("验证码不正确");

        type("code", code(secret, enrolStep + 1));
        submit("#code-submit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who-name")));
        assertThat(text(".who-name")).isEqualTo("安全管理员乙");
        assertThat(text(".who-role")).isEqualTo("安全管理员");
    }

    private static String code(String secret, long step) {
        return Totp.code(Base32.decode(secret), step);
    }

    private void logIn(String user, String password) {
        type("username", user);
        type("password", password);
        WebElement form = browser.findElement(By.cssSelector("main form"));
        form.submit();
        wait.until(ExpectedConditions.stalenessOf(form));
    }

    private void submit(String css) {
        WebElement button = browser.findElement(By.cssSelector(css));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
