package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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

import cn.linli.access.internal.UserAccounts;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.territory.internal.demo.DemoLogins;
import cn.linli.testing.ActingAs;
import cn.linli.testing.Browser;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;

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

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        browser = Browser.start("zh-CN");
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        ActingAs.nobody();
        if (browser != null) browser.quit();
    }

    static void logIn(ChromeDriver browser, WebDriverWait wait, int port, String username, String path) {
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(DemoLogins.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(path));
    }

    @Test
    void theWindowPlacesTheRequestOnTheMapPicksTheCategoryAndReadsTheNewCaseNumber() throws Exception {
        logIn(browser, wait, port, "yongan-sq", "/casework/desk");
        WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-map")));
        wait.until(d -> "true".equals(map.getAttribute("data-ready")));
        assertThat(Integer.parseInt(map.getAttribute("data-loadedcommunity"))).isPositive();

        GeoPoint inside = new DeskFixtures(territory, boundaries, categories, organisation, accounts).inGrid();
        DeskMap.clickAt(browser, map, inside);
        wait.until(d -> !browser.findElement(By.id("lng")).getAttribute("value").isEmpty());
        assertThat(browser.findElement(By.id("point-text")).getText()).startsWith("已标注");

        browser.findElement(By.id("category-search")).sendKeys("暴露垃圾");
        WebElement pick = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".category-pick")));
        assertThat(pick.getText()).contains("暴露垃圾");
        pick.click();
        wait.until(d -> browser.findElement(By.id("category-chosen")).getText().contains("暴露垃圾"));

        browser.findElement(By.id("reporterName")).sendKeys("赵女士");
        browser.findElement(By.id("description")).sendKeys("3号楼东侧垃圾堆放三天无人清运。");
        browser.findElement(By.id("register")).click();

        WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt .case-number")));
        assertThat(number.getText()).matches("\\d{8}-\\d{4}");
        assertThat(browser.findElement(By.id("receipt")).getText()).contains("已立案");
        java.nio.file.Files.write(java.nio.file.Path.of("target/front-desk.png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        ActingAs.user(accounts, "yongan-sq");
        CaseView registered = queries.findByNumber(number.getText()).orElseThrow();
        assertThat(registered.state()).isEqualTo(CaseState.REGISTERED);
        assertThat(registered.lng()).isCloseTo(inside.lng(), org.assertj.core.data.Offset.offset(0.0005));
        assertThat(registered.lat()).isCloseTo(inside.lat(), org.assertj.core.data.Offset.offset(0.0005));
    }

    @Test
    void theCallTakerAnswersAnInquiryWithTheKnowledgeBasesSuggestedAnswer() throws Exception {
        logIn(browser, wait, port, "yongan-sq", "/casework/desk");
        WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-map")));
        wait.until(d -> "true".equals(map.getAttribute("data-ready")));
        DeskMap.clickAt(browser, map, new DeskFixtures(territory, boundaries, categories, organisation, accounts).inGrid());
        wait.until(d -> !browser.findElement(By.id("lng")).getAttribute("value").isEmpty());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("type"))).selectByValue("INQUIRY");

        browser.findElement(By.id("description")).sendKeys("家里暖气一点都不热，该找谁？");
        WebElement suggestion = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#knowledge-answers li [data-use-answer]")));
        assertThat(browser.findElement(By.cssSelector("#knowledge-answers li")).getText()).contains("暖气不热");
        suggestion.click();
        String entry = browser.findElement(By.id("knowledgeEntry")).getAttribute("value");
        assertThat(entry).isNotBlank();
        assertThat(browser.findElement(By.id("answer")).getAttribute("value")).contains("供热公司");
        assertThat(browser.findElement(By.id("knowledge-basis")).isDisplayed()).isTrue();
        browser.findElement(By.id("answer-now")).click();

        WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt .case-number")));
        ActingAs.user(accounts, "yongan-sq");
        CaseView answered = queries.findByNumber(number.getText()).orElseThrow();
        assertThat(answered.state()).isEqualTo(CaseState.ANSWERED);
        assertThat(jdbc.sql("select entry_id from casework_knowledge_answer where case_id = :id").param("id", answered.id())
                .query(Long.class).single()).isEqualTo(Long.parseLong(entry));
    }
}
