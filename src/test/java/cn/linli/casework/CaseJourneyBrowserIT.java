package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.access.internal.UserAccounts;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.Browser;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;

/**
 * The whole journey in real Chromium windows: 永安社区's window registers a case with a map point and a photo; 永安街道
 * dispatches it from the board to the city's urban-management bureau; the bureau's clerk, whose inbox is already open,
 * sees it arrive without reloading, accepts it and reports the result with a photo; the case page shows both photos.
 */
@IntegrationTest
@BrowserTest
class CaseJourneyBrowserIT {

    private static final String CITY_BUREAU = "佳木斯市城市管理综合执法局";

    @LocalServerPort int port;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired UserAccounts accounts;
    @Autowired CaseQueries queries;
    @Autowired CaseAttachments attachments;

    ChromeDriver office;
    ChromeDriver handler;
    WebDriverWait officeWait;
    WebDriverWait handlerWait;

    @BeforeEach
    void start() {
        office = Browser.start("zh-CN");
        officeWait = new WebDriverWait(office, Duration.ofSeconds(20));
        handler = Browser.start("zh-CN");
        handler.manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
        // The inbox re-renders itself on every live update: an element found a moment ago may be gone, so look again.
        handlerWait = new WebDriverWait(handler, Duration.ofSeconds(20));
        handlerWait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        ActingAs.nobody();
        if (office != null) office.quit();
        if (handler != null) handler.quit();
    }

    static Path photoFile(String name, Color colour) throws Exception {
        Path file = Path.of("target", name).toAbsolutePath();
        Files.write(file, CaseAttachmentsIT.image("jpg", colour));
        return file;
    }

    @Test
    void aCaseTakenInWithAPhotoIsDispatchedFromTheBoardAndHandledFromTheInboxWithAPhoto() throws Exception {
        FrontDeskBrowserIT.logIn(handler, handlerWait, port, "chengguan", "/casework/inbox");
        handlerWait.until(d -> "open".equals(d.findElement(By.tagName("body")).getDomAttribute("data-case-stream")));

        String number = registerAtTheDesk(photoFile("journey-intake.jpg", Color.ORANGE));
        long id = queriesAs("yongan-sq").findByNumber(number).orElseThrow().id();
        dispatchFromTheBoard(number);

        By row = By.cssSelector("li[data-case-id='" + id + "']");
        handlerWait.until(d -> !d.findElements(row).isEmpty());
        assertThat(handlerWait.<String>until(d -> d.findElement(row).getText())).contains(number, "已派遣");
        handlerWait.until(d -> {
            d.findElement(row).findElement(By.xpath(".//button[normalize-space()='签收']")).click();
            return true;
        });
        handlerWait.until(d -> "IN_PROGRESS".equals(d.findElement(row).getDomAttribute("data-state")));
        // Let the acceptance's own live refresh pass before filling in the result form it would replace.
        handlerWait.until(d -> number.equals(d.findElement(By.tagName("body")).getDomAttribute("data-case-stream-last")));
        Thread.sleep(500);

        WebElement item = handler.findElement(row);
        item.findElement(By.xpath(".//summary[normalize-space()='处置反馈']")).click();
        item.findElement(By.name("result")).sendKeys("垃圾已清运，现场已清洁。");
        item.findElement(By.cssSelector("input.result-photos")).sendKeys(photoFile("journey-result.jpg", Color.GREEN).toString());
        item.findElement(By.xpath(".//form//button[normalize-space()='处置反馈']")).click();
        // The notice of the acceptance stays until the result's answer replaces it.
        handlerWait.until(d -> d.findElement(By.cssSelector("#inbox-notice .notice.ok")).getText().contains("已处置反馈"));

        handler.get("http://localhost:" + port + "/casework/cases/" + id);
        handlerWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".case-files img.thumb")));
        handlerWait.until(d -> d.findElements(By.cssSelector(".case-files img.thumb")).size() == 2 && (Boolean) ((JavascriptExecutor) d)
                .executeScript("return [...document.querySelectorAll('.case-files img.thumb')].every(i => i.complete && i.naturalWidth > 0);"));
        List<String> stages = handler.findElements(By.cssSelector(".case-files li")).stream().map(li -> li.getDomAttribute("data-stage")).toList();
        assertThat(stages).containsExactly("INTAKE", "RESULT");
        assertThat(handler.findElement(By.cssSelector(".case-status")).getText()).contains("待核查");
        Files.write(Path.of("target/case-journey.png"), handler.getScreenshotAs(OutputType.BYTES));

        ActingAs.user(accounts, "chengguan");
        assertThat(queries.find(id).orElseThrow().state()).isEqualTo(CaseState.HANDLED);
        assertThat(attachments.of(id).orElseThrow()).extracting(CaseAttachment::stage)
                .containsExactly(AttachmentStage.INTAKE, AttachmentStage.RESULT);
    }

    private CaseQueries queriesAs(String username) {
        ActingAs.user(accounts, username);
        return queries;
    }

    private String registerAtTheDesk(Path photo) {
        FrontDeskBrowserIT.logIn(office, officeWait, port, "yongan-sq", "/casework/desk");
        WebElement map = officeWait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-map")));
        officeWait.until(d -> "true".equals(map.getAttribute("data-ready")));
        GeoPoint inside = new DeskFixtures(territory, boundaries, categories, organisation, accounts).inGrid();
        DeskMap.clickAt(office, map, inside);
        officeWait.until(d -> !d.findElement(By.id("lng")).getAttribute("value").isEmpty());

        office.findElement(By.id("category-search")).sendKeys("暴露垃圾");
        officeWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".category-pick"))).click();
        officeWait.until(d -> d.findElement(By.id("category-chosen")).getText().contains("暴露垃圾"));
        office.findElement(By.id("reporterName")).sendKeys("周女士");
        office.findElement(By.id("description")).sendKeys("9号楼西侧垃圾堆放，已拍照。");
        office.findElement(By.id("photos")).sendKeys(photo.toString());
        office.findElement(By.id("register")).click();
        WebElement number = officeWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt .case-number")));
        assertThat(office.findElement(By.id("receipt")).getText()).contains("已立案");
        return number.getText();
    }

    private void dispatchFromTheBoard(String number) {
        office.manage().deleteAllCookies();
        FrontDeskBrowserIT.logIn(office, officeWait, port, "yongan", "/casework/board");
        By row = By.cssSelector("tr.case-row[data-number='" + number + "']");
        WebElement line = officeWait.until(ExpectedConditions.presenceOfElementLocated(row));
        WebElement units = line.findElement(By.cssSelector("select[name^='unit-']"));
        units.click(); // opening the list fills it from the page's one copy of the units
        new Select(units).selectByVisibleText(CITY_BUREAU);
        line.findElement(By.cssSelector(".dispatch-chosen")).click();
        WebElement outcomes = officeWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcomes")));
        assertThat(outcomes.getText()).contains(number, CITY_BUREAU);
    }
}
