package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.access.internal.UserAccounts;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/** A real Chromium at 永安社区's window: place the request on the map, pick the category from the search, register, read the number. */
@IntegrationTest
@BrowserTest
class FrontDeskBrowserIT {

    @LocalServerPort int port;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired UserAccounts accounts;
    @Autowired CaseQueries queries;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN");

    @Test
    void theWindowPlacesTheRequestOnTheMapPicksTheCategoryAndReadsTheNewCaseNumber() throws Exception {
        browser.logIn(port, "yongan-sq", "/casework/desk");
        WebElement map = browser.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-map")));
        browser.until(d -> "true".equals(map.getAttribute("data-ready")));
        assertThat(Integer.parseInt(map.getAttribute("data-loadedcommunity"))).isPositive();

        GeoPoint inside = new DeskFixtures(territory, boundaries, categories, organisation, accounts).inGrid();
        DeskMap.clickAt(browser.driver(), map, inside);
        browser.until(d -> !browser.driver().findElement(By.id("lng")).getAttribute("value").isEmpty());
        assertThat(browser.driver().findElement(By.id("point-text")).getText()).startsWith("已标注");

        browser.driver().findElement(By.id("category-search")).sendKeys("暴露垃圾");
        WebElement pick = browser.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".category-pick")));
        assertThat(pick.getText()).contains("暴露垃圾");
        pick.click();
        browser.until(d -> browser.driver().findElement(By.id("category-chosen")).getText().contains("暴露垃圾"));

        browser.driver().findElement(By.id("reporterName")).sendKeys("赵女士");
        browser.driver().findElement(By.id("description")).sendKeys("3号楼东侧垃圾堆放三天无人清运。");
        browser.driver().findElement(By.id("register")).click();

        WebElement number = browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt .case-number")));
        assertThat(number.getText()).matches("\\d{8}-\\d{4}");
        assertThat(browser.driver().findElement(By.id("receipt")).getText()).contains("已立案");
        java.nio.file.Files.write(java.nio.file.Path.of("target/front-desk.png"), browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        ActingAs.user(accounts, "yongan-sq");
        CaseView registered = queries.findByNumber(number.getText()).orElseThrow();
        assertThat(registered.state()).isEqualTo(CaseState.REGISTERED);
        assertThat(registered.lng()).isCloseTo(inside.lng(), org.assertj.core.data.Offset.offset(0.0005));
        assertThat(registered.lat()).isCloseTo(inside.lat(), org.assertj.core.data.Offset.offset(0.0005));
    }

    @Test
    void theCallTakerAnswersAnInquiryWithTheKnowledgeBasesSuggestedAnswer() throws Exception {
        browser.logIn(port, "yongan-sq", "/casework/desk");
        WebElement map = browser.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-map")));
        browser.until(d -> "true".equals(map.getAttribute("data-ready")));
        DeskMap.clickAt(browser.driver(), map, new DeskFixtures(territory, boundaries, categories, organisation, accounts).inGrid());
        browser.until(d -> !browser.driver().findElement(By.id("lng")).getAttribute("value").isEmpty());
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("type"))).selectByValue("INQUIRY");

        browser.driver().findElement(By.id("description")).sendKeys("家里暖气一点都不热，该找谁？");
        WebElement suggestion = browser.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#knowledge-answers li [data-use-answer]")));
        assertThat(browser.driver().findElement(By.cssSelector("#knowledge-answers li")).getText()).contains("暖气不热");
        suggestion.click();
        String entry = browser.driver().findElement(By.id("knowledgeEntry")).getAttribute("value");
        assertThat(entry).isNotBlank();
        assertThat(browser.driver().findElement(By.id("answer")).getAttribute("value")).contains("供热公司");
        assertThat(browser.driver().findElement(By.id("knowledge-basis")).isDisplayed()).isTrue();
        browser.driver().findElement(By.id("answer-now")).click();

        WebElement number = browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt .case-number")));
        ActingAs.user(accounts, "yongan-sq");
        CaseView answered = queries.findByNumber(number.getText()).orElseThrow();
        assertThat(answered.state()).isEqualTo(CaseState.ANSWERED);
        assertThat(jdbc.sql("select entry_id from casework_knowledge_answer where case_id = :id").param("id", answered.id())
                .query(Long.class).single()).isEqualTo(Long.parseLong(entry));
    }
}
