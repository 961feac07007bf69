package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.access.internal.totp.Base32;
import cn.linli.access.internal.totp.Totp;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

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

    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN").waitingUpTo(Duration.ofSeconds(10));
    String username;

    @BeforeEach
    void createUser() {
        username = LoginRequests.newUsername("secbrowser");
        access.createUser(new NewUser(username, "安全管理员乙", PASSWORD, Set.of(Role.SECURITY_ADMIN), Set.of(), false));
    }

    @Test
    void enrolsWithTheShownSecretAndThenLogsInWithPasswordAndCode() {
        browser.driver().get(url("/login"));
        browser.submitLogin(username, PASSWORD);
        browser.driver().get(url("/account/second-factor"));
        String secret = browser.text("#totp-secret");
        assertThat(browser.text("#totp-uri")).startsWith("otpauth://totp/Linli%3A" + username + "?secret=" + secret);

        // absolute steps: the test stays right when a 30-second step ends in the middle of it
        long enrolStep = Totp.stepOf(Instant.now());
        browser.type("code", code(secret, enrolStep));
        browser.submit("#enrolment-submit");
        assertThat(browser.text("#enrolment-done")).startsWith("双因素登录已启用");

        browser.driver().findElement(By.cssSelector("form.logout button")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("login-message")));

        browser.submitLogin(username, PASSWORD);
        browser.until(ExpectedConditions.urlContains("/login/code"));
        assertThat(browser.driver().getTitle()).startsWith("动态验证码");
        // the code just used for the enrolment is spent
        browser.type("code", code(secret, enrolStep));
        browser.submit("#code-submit");
        assertThat(browser.text("#code-message")).startsWith("验证码不正确");

        browser.type("code", code(secret, enrolStep + 1));
        browser.submit("#code-submit");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who-name")));
        assertThat(browser.text(".who-name")).isEqualTo("安全管理员乙");
        assertThat(browser.text(".who-role")).isEqualTo("安全管理员");
    }

    private static String code(String secret, long step) {
        return Totp.code(Base32.decode(secret), step);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
