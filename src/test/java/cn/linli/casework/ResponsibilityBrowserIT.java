package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.internal.UserAccounts;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/**
 * A real Chromium on the responsibility page as 前进区's district staff: ask who handles flooded roads at a point in
 * 永安社区 (the housing department, by function), add a rule giving them to 永安街道 there, and ask again (the
 * street, by that rule).
 */
@IntegrationTest
@BrowserTest
class ResponsibilityBrowserIT {

    @LocalServerPort int port;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN");

    @AfterEach
    void forgetTheRules() {
        jdbc.sql("delete from casework_responsibility").update();
    }

    @Test
    void theTesterAnswersForAMapPointByFunctionThenByTheNewRule() throws Exception {
        browser.logIn(port, "qianjin", "/casework/responsibility");
        String water = categories.search("道路积水", 1).get(0).category().code().value();
        GeoPoint inside = new DeskFixtures(territory, boundaries, categories, organisation, accounts).inGrid();

        WebElement map = browser.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-map")));
        browser.until(d -> "true".equals(map.getAttribute("data-ready")));
        new Select(browser.driver().findElement(By.id("tester-category"))).selectByValue(water);
        DeskMap.clickAt(browser.driver(), map, "ruleMap", inside);
        browser.until(d -> !d.findElements(By.id("answer-reason")).isEmpty());
        assertThat(browser.driver().findElement(By.id("answer-reason")).getAttribute("data-reason")).isEqualTo("DEPARTMENT");
        assertThat(browser.driver().findElement(By.id("answer-place")).getText()).contains("永安社区");

        new Select(browser.driver().findElement(By.id("categoryCode"))).selectByValue(water);
        String community = String.valueOf(territory.tree(null).findByCode("230804007001").orElseThrow().id());
        new Select(browser.driver().findElement(By.id("placeUnitId"))).selectByValue(community);
        long street = organisation.unitsOf(accounts.findByUsername("yongan").orElseThrow().id()).get(0).id();
        new Select(browser.driver().findElement(By.id("mainUnit"))).selectByValue(String.valueOf(street));
        browser.driver().findElement(By.id("save-rule")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rules tr.rule")));
        assertThat(browser.driver().findElement(By.cssSelector("#rules tr.rule .main-unit")).getText()).isEqualTo("永安街道办事处");

        WebElement reloaded = browser.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-map")));
        browser.until(d -> "true".equals(reloaded.getAttribute("data-ready")));
        new Select(browser.driver().findElement(By.id("tester-category"))).selectByValue(water);
        DeskMap.clickAt(browser.driver(), reloaded, "ruleMap", inside);
        browser.until(d -> !d.findElements(By.id("answer-reason")).isEmpty()
                && "MATRIX".equals(d.findElement(By.id("answer-reason")).getAttribute("data-reason")));
        assertThat(browser.driver().findElement(By.id("answer-unit")).getText()).isEqualTo("永安街道办事处");
        assertThat(browser.driver().findElement(By.id("answer-reason")).getText()).startsWith("责任规则：道路积水");
        java.nio.file.Files.write(java.nio.file.Path.of("target/responsibility.png"), browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
