package cn.linli.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/**
 * A real headless Chromium at phone width (375 px): the grid worker logs in, opens my grid, picks a household not
 * yet visited this month, records a visit with one tap from the list, and sees the month's coverage go up.
 */
@IntegrationTest
@BrowserTest
class MyGridBrowserIT {

    @LocalServerPort int port;

    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN").inWindow(375, 812);

    int visitedInSelectedGrid() {
        return Integer.parseInt(browser.driver().findElement(By.cssSelector(".grid-card.selected .coverage")).getDomAttribute("data-visited"));
    }

    boolean scrollsSideways() {
        Object wider = browser.driver().executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(wider);
    }

    @Test
    void theGridWorkerRecordsAVisitFromHisPhoneAndSeesCoverageGoUp() throws Exception {
        browser.logIn(port, "wanggeyuan", "/registry/my-grid");

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("我的网格");
        assertThat(browser.driver().findElements(By.cssSelector(".grid-card"))).hasSize(2);
        int before = visitedInSelectedGrid();
        assertThat(scrollsSideways()).isFalse();

        WebElement household = browser.driver().findElements(By.cssSelector("#my-households li")).stream()
                .filter(li -> li.findElements(By.cssSelector(".visited-mark")).isEmpty()).findFirst().orElseThrow();
        String id = household.getDomAttribute("data-household-id");
        WebElement visit = household.findElement(By.cssSelector(".visit-button"));
        assertThat(visit.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        visit.click();

        browser.until(ExpectedConditions.urlContains("/registry/my-grid/households/" + id));
        assertThat(scrollsSideways()).isFalse();
        browser.driver().findElement(By.name("findings")).sendKeys("老人在家，身体尚好；楼道灯不亮。");
        browser.driver().findElement(By.name("followUp")).click();
        browser.driver().findElement(By.cssSelector("#visit button[type=submit]")).click();

        browser.until(ExpectedConditions.urlContains("/registry/my-grid?grid="));
        assertThat(browser.driver().findElement(By.cssSelector(".notice.ok")).getText()).contains("走访已记录");
        assertThat(visitedInSelectedGrid()).isEqualTo(before + 1);
        assertThat(browser.driver().findElement(By.cssSelector("#my-households li[data-household-id='" + id + "'] .visited-mark")).getText())
                .isEqualTo("本月已走访");
        java.nio.file.Files.write(java.nio.file.Path.of("target/my-grid-visited.png"),
                browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
