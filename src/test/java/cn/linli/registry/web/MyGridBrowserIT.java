package cn.linli.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.territory.internal.demo.DemoLogins;
import cn.linli.testing.Browser;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;

/**
 * A real headless Chromium at phone width (375 px): the grid worker logs in, opens my grid, picks a household not
 * yet visited this month, records a visit with one tap from the list, and sees the month's coverage go up.
 */
@IntegrationTest
@BrowserTest
class MyGridBrowserIT {

    @LocalServerPort int port;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        browser = Browser.start("zh-CN");
        browser.manage().window().setSize(new Dimension(375, 812));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
    }

    int visitedInSelectedGrid() {
        return Integer.parseInt(browser.findElement(By.cssSelector(".grid-card.selected .coverage")).getDomAttribute("data-visited"));
    }

    boolean scrollsSideways() {
        Object wider = browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(wider);
    }

    @Test
    void theGridWorkerRecordsAVisitFromHisPhoneAndSeesCoverageGoUp() throws Exception {
        browser.get("http://localhost:" + port + "/registry/my-grid");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("username")).sendKeys("wanggeyuan");
        browser.findElement(By.name("password")).sendKeys(DemoLogins.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/registry/my-grid"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的网格");
        assertThat(browser.findElements(By.cssSelector(".grid-card"))).hasSize(2);
        int before = visitedInSelectedGrid();
        assertThat(scrollsSideways()).isFalse();

        WebElement household = browser.findElements(By.cssSelector("#my-households li")).stream()
                .filter(li -> li.findElements(By.cssSelector(".visited-mark")).isEmpty()).findFirst().orElseThrow();
        String id = household.getDomAttribute("data-household-id");
        WebElement visit = household.findElement(By.cssSelector(".visit-button"));
        assertThat(visit.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        visit.click();

        wait.until(ExpectedConditions.urlContains("/registry/my-grid/households/" + id));
        assertThat(scrollsSideways()).isFalse();
        browser.findElement(By.name("findings")).sendKeys("老人在家，身体尚好；楼道灯不亮。");
        browser.findElement(By.name("followUp")).click();
        browser.findElement(By.cssSelector("#visit button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/registry/my-grid?grid="));
        assertThat(browser.findElement(By.cssSelector(".notice.ok")).getText()).contains("走访已记录");
        assertThat(visitedInSelectedGrid()).isEqualTo(before + 1);
        assertThat(browser.findElement(By.cssSelector("#my-households li[data-household-id='" + id + "'] .visited-mark")).getText())
                .isEqualTo("本月已走访");
        java.nio.file.Files.write(java.nio.file.Path.of("target/my-grid-visited.png"),
                browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
