package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/** A grid worker logs in, switches language, changes the password and logs out in a real Chromium. */
@IntegrationTest
@BrowserTest
class LoginBrowserIT {

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
        username = LoginRequests.newUsername("browser");
        access.createUser(new NewUser(username, "周网格", PASSWORD, Set.of(Role.GRID_WORKER), Set.of(8L), false));
    }

    @Test
    void gridWorkerLogsInInChineseOrEnglishChangesThePasswordAndLogsOut() {
        browser.driver().get(url("/account/password"));
        browser.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.driver().getTitle()).isEqualTo("登录 · 邻里 Linli");
        assertThat(browser.driver().findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("zh-CN");

        browser.submitLogin(username, "Wrong2026pw");
        assertThat(browser.text("#login-message")).isEqualTo("用户名或密码错误。");

        browser.driver().findElement(By.cssSelector("a.lang")).click();
        browser.until(ExpectedConditions.attributeToBe(By.cssSelector("html"), "lang", "en"));
        assertThat(browser.text("#login-message")).isEqualTo("Wrong username or password.");
        assertThat(browser.text("label[for=username]")).isEqualTo("Username");
        browser.driver().findElement(By.cssSelector("a.lang")).click();
        browser.until(ExpectedConditions.attributeToBe(By.cssSelector("html"), "lang", "zh-CN"));

        browser.submitLogin(username, PASSWORD);
        browser.until(ExpectedConditions.urlContains("/account/password"));
        assertThat(browser.text(".who-name")).isEqualTo("周网格");
        assertThat(browser.text(".who-role")).isEqualTo("网格员");
        assertThat(browser.driver().executeScript("return typeof htmx")).isEqualTo("object");
        assertThat(fetchStatusOfAPostWithoutExplicitToken()).isEqualTo(200L);

        browser.type("currentPassword", PASSWORD);
        browser.type("newPassword", "Changed2026ok");
        browser.type("confirmPassword", "Changed2026ok");
        browser.driver().findElement(By.cssSelector("main button[type=submit]")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("password-notice")));
        assertThat(browser.text("#password-notice")).isEqualTo("密码已修改。");

        browser.driver().findElement(By.cssSelector("form.logout button")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("login-message")));
        assertThat(browser.text("#login-message")).isEqualTo("您已退出登录。");
    }

    /** linli.js adds the CSRF header to fetch; without it Spring Security would answer 403. */
    private Object fetchStatusOfAPostWithoutExplicitToken() {
        return browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/account/password', {method: 'POST', body: new URLSearchParams({currentPassword: 'x'})})
                    .then(response => done(response.status));
                """);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
