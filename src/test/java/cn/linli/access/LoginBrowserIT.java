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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.testing.Browser;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;

/** A grid worker logs in, switches language, changes the password and logs out in a real Chromium. */
@IntegrationTest
@BrowserTest
class LoginBrowserIT {

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
        username = LoginRequests.newUsername("browser");
        access.createUser(new NewUser(username, "周网格", PASSWORD, Set.of(Role.GRID_WORKER), Set.of(8L), false));
        browser = Browser.start("zh-CN");
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void gridWorkerLogsInInChineseOrEnglishChangesThePasswordAndLogsOut() {
        browser.get(url("/account/password"));
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getTitle()).isEqualTo("登录 · 邻里 Linli");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("zh-CN");

        logIn(username, "Wrong2026pw");
        assertThat(Browser.text(browser, "#login-message")).isEqualTo("用户名或密码错误。");

        browser.findElement(By.cssSelector("a.lang")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("html"), "lang", "en"));
        assertThat(Browser.text(browser, "#login-message")).isEqualTo("Wrong username or password.");
        assertThat(Browser.text(browser, "label[for=username]")).isEqualTo("Username");
        browser.findElement(By.cssSelector("a.lang")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("html"), "lang", "zh-CN"));

        logIn(username, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/account/password"));
        assertThat(Browser.text(browser, ".who-name")).isEqualTo("周网格");
        assertThat(Browser.text(browser, ".who-role")).isEqualTo("网格员");
        assertThat(browser.executeScript("return typeof htmx")).isEqualTo("object");
        assertThat(fetchStatusOfAPostWithoutExplicitToken()).isEqualTo(200L);

        Browser.type(browser, "currentPassword", PASSWORD);
        Browser.type(browser, "newPassword", "Changed2026ok");
        Browser.type(browser, "confirmPassword", "Changed2026ok");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-notice")));
        assertThat(Browser.text(browser, "#password-notice")).isEqualTo("密码已修改。");

        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-message")));
        assertThat(Browser.text(browser, "#login-message")).isEqualTo("您已退出登录。");
    }

    /** linli.js adds the CSRF header to fetch; without it Spring Security would answer 403. */
    private Object fetchStatusOfAPostWithoutExplicitToken() {
        return browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/account/password', {method: 'POST', body: new URLSearchParams({currentPassword: 'x'})})
                    .then(response => done(response.status));
                """);
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
