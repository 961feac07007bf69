package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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

    @RegisterExtension
    final OpenBrowser office = OpenBrowser.inLanguage("zh-CN");
    /** The bureau clerk's phone; the inbox re-renders itself on every live update. */
    @RegisterExtension
    final OpenBrowser handler = OpenBrowser.inLanguage("zh-CN").inWindow(412, 915).lookingAgainForStaleElements();

    static Path photoFile(String name, Color colour) throws Exception {
        Path file = Path.of("target", name).toAbsolutePath();
        Files.write(file, CaseAttachmentsIT.image("jpg", colour));
        return file;
    }

    @Test
    void aCaseTakenInWithAPhotoIsDispatchedFromTheBoardAndHandledFromTheInboxWithAPhoto() throws Exception {
        handler.logIn(port, "chengguan", "/casework/inbox");
        handler.until(d -> "open".equals(d.findElement(By.tagName("body")).getDomAttribute("data-case-stream")));

        String number = registerAtTheDesk(photoFile("journey-intake.jpg", Color.ORANGE));
        long id = queriesAs("yongan-sq").findByNumber(number).orElseThrow().id();
        dispatchFromTheBoard(number);

        By row = By.cssSelector("li[data-case-id='" + id + "']");
        handler.until(d -> !d.findElements(row).isEmpty());
        assertThat(handler.<String>until(d -> d.findElement(row).getText())).contains(number, "已派遣");
        handler.until(d -> {
            d.findElement(row).findElement(By.xpath(".//button[normalize-space()='签收']")).click();
            return true;
        });
        handler.until(d -> "IN_PROGRESS".equals(d.findElement(row).getDomAttribute("data-state")));
        // Let the acceptance's own live refresh pass before filling in the result form it would replace.
        handler.until(d -> number.equals(d.findElement(By.tagName("body")).getDomAttribute("data-case-stream-last")));
        Thread.sleep(500);

        WebElement item = handler.driver().findElement(row);
        item.findElement(By.xpath(".//summary[normalize-space()='处置反馈']")).click();
        item.findElement(By.name("result")).sendKeys("垃圾已清运，现场已清洁。");
        item.findElement(By.cssSelector("input.result-photos")).sendKeys(photoFile("journey-result.jpg", Color.GREEN).toString());
        item.findElement(By.xpath(".//form//button[normalize-space()='处置反馈']")).click();
        // The notice of the acceptance stays until the result's answer replaces it.
        handler.until(d -> d.findElement(By.cssSelector("#inbox-notice .notice.ok")).getText().contains("已处置反馈"));

        handler.driver().get("http://localhost:" + port + "/casework/cases/" + id);
        handler.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".case-files img.thumb")));
        handler.until(d -> d.findElements(By.cssSelector(".case-files img.thumb")).size() == 2 && (Boolean) ((JavascriptExecutor) d)
                .executeScript("return [...document.querySelectorAll('.case-files img.thumb')].every(i => i.complete && i.naturalWidth > 0);"));
        List<String> stages = handler.driver().findElements(By.cssSelector(".case-files li")).stream().map(li -> li.getDomAttribute("data-stage")).toList();
        assertThat(stages).containsExactly("INTAKE", "RESULT");
        assertThat(handler.driver().findElement(By.cssSelector(".case-status")).getText()).contains("待核查");
        Files.write(Path.of("target/case-journey.png"), handler.driver().getScreenshotAs(OutputType.BYTES));

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
        office.logIn(port, "yongan-sq", "/casework/desk");
        WebElement map = office.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-map")));
        office.until(d -> "true".equals(map.getAttribute("data-ready")));
        GeoPoint inside = new DeskFixtures(territory, boundaries, categories, organisation, accounts).inGrid();
        DeskMap.clickAt(office.driver(), map, inside);
        office.until(d -> !d.findElement(By.id("lng")).getAttribute("value").isEmpty());

        office.driver().findElement(By.id("category-search")).sendKeys("暴露垃圾");
        office.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".category-pick"))).click();
        office.until(d -> d.findElement(By.id("category-chosen")).getText().contains("暴露垃圾"));
        office.driver().findElement(By.id("reporterName")).sendKeys("周女士");
        office.driver().findElement(By.id("description")).sendKeys("9号楼西侧垃圾堆放，已拍照。");
        office.driver().findElement(By.id("photos")).sendKeys(photo.toString());
        office.driver().findElement(By.id("register")).click();
        WebElement number = office.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt .case-number")));
        assertThat(office.driver().findElement(By.id("receipt")).getText()).contains("已立案");
        return number.getText();
    }

    private void dispatchFromTheBoard(String number) {
        office.driver().manage().deleteAllCookies();
        office.logIn(port, "yongan", "/casework/board");
        By row = By.cssSelector("tr.case-row[data-number='" + number + "']");
        WebElement line = office.until(ExpectedConditions.presenceOfElementLocated(row));
        WebElement units = line.findElement(By.cssSelector("select[name^='unit-']"));
        units.click(); // opening the list fills it from the page's one copy of the units
        new Select(units).selectByVisibleText(CITY_BUREAU);
        line.findElement(By.cssSelector(".dispatch-chosen")).click();
        WebElement outcomes = office.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcomes")));
        assertThat(outcomes.getText()).contains(number, CITY_BUREAU);
    }
}
