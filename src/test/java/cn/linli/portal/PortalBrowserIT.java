package cn.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseView;
import cn.linli.casework.CaseWork;
import cn.linli.casework.RequestType;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/**
 * A resident in a real Chromium: finds the category, pins the place on the map, adds a photo, reports, tracks the case
 * by its number and the last four digits of the phone, and rates it once staff closed it; every portal page they
 * pass passes axe-core without serious or critical violations.
 */
@IntegrationTest
@BrowserTest
class PortalBrowserIT {

    @LocalServerPort int port;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired CaseQueries queries;
    @Autowired CaseWork work;
    @Autowired Organisation organisation;
    @Autowired ResidentReports reports;

    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN");

    /** Serious and critical violations of axe-core's rules on the page as it stands. */
    void accessible(String page) {
        List<Rule> violations = new AxeBuilder().analyze(browser.driver()).getViolations();
        assertThat(violations).as(page + ": " + violations.stream()
                        .map(v -> v.getImpact() + " " + v.getId() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList())
                        .toList())
                .noneMatch(v -> Set.of("serious", "critical").contains(v.getImpact()));
    }

    @Test
    void residentReportsWithAPinAndAPhotoTracksTheCaseAndRatesIt() throws Exception {
        GeoPoint inside = new PortalFixtures(territory, boundaries, jdbc).inGrid();
        String neighbours = reports.file(new ResidentReports.Report(PortalFixtures.RUBBISH, RequestType.HELP,
                Map.of("AMOUNT", List.of("small")), inside.lat(), inside.lng(), "wgs84", null, "邻居先报的垃圾。", null,
                PortalFixtures.phone(), NotificationChannel.NONE, UUID.randomUUID().toString(), PortalFixtures.address()), List.of());
        browser.driver().get("http://localhost:" + port + "/portal");
        accessible("home");
        browser.driver().findElement(By.linkText("我要反映")).click();
        browser.driver().findElement(By.id("q")).sendKeys("垃圾");
        browser.driver().findElement(By.cssSelector(".category-search button")).click();
        accessible("categories");
        browser.driver().findElement(By.cssSelector("a[data-code='" + PortalFixtures.RUBBISH + "']")).click();

        WebElement map = browser.until(ExpectedConditions.presenceOfElementLocated(By.id("report-map")));
        browser.until(d -> "true".equals(map.getAttribute("data-ready")));
        accessible("report form");
        clickAt(map, inside);
        browser.until(d -> !browser.driver().findElement(By.id("lat")).getAttribute("value").isEmpty());
        browser.until(d -> map.getAttribute("data-nearby-loaded") != null);
        assertThat(browser.driver().findElement(By.id("point-text")).getText()).startsWith("已标出位置");
        assertThat(browser.driver().findElement(By.id("nearby-list")).getText()).as("a similar case to follow").contains(neighbours);
        // other tests' open cases may lie nearer: the neighbour's case is one of the links, not necessarily the first
        assertThat(browser.driver().findElements(By.cssSelector("#nearby-list a"))).extracting(a -> a.getAttribute("href"))
                .anySatisfy(href -> assertThat(href).endsWith("/portal/follow?number=" + neighbours));

        new Select(browser.driver().findElement(By.id("attribute-AMOUNT"))).selectByValue("cart");
        browser.driver().findElement(By.id("attribute-KINDS-0")).click();
        Path photo = Files.createTempFile("portal-photo", ".png");
        Files.write(photo, PortalFixtures.png());
        browser.driver().findElement(By.id("photos")).sendKeys(photo.toString());
        browser.driver().findElement(By.id("description")).sendKeys("小区南门垃圾堆了三天。");
        String phone = PortalFixtures.phone();
        browser.driver().findElement(By.id("phone")).sendKeys(phone);
        browser.driver().findElement(By.id("submit-report")).click();

        browser.until(d -> !d.findElements(By.id("tracking-number")).isEmpty() || !d.findElements(By.id("failure")).isEmpty());
        assertThat(browser.driver().findElements(By.id("failure"))).as("refused: " + browser.driver().findElements(By.id("failure")).stream()
                .map(WebElement::getText).toList()).isEmpty();
        WebElement numberShown = browser.driver().findElement(By.id("tracking-number"));
        String number = numberShown.getText();
        assertThat(number).matches("\\d{8}-\\d{4,}");
        accessible("filed");

        browser.driver().findElement(By.cssSelector("main a.button")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("digits")));
        accessible("track form");
        browser.driver().findElement(By.id("digits")).sendKeys(phone.substring(7));
        browser.driver().findElement(By.cssSelector(".track-form button")).click();
        browser.until(ExpectedConditions.urlContains("/portal/cases/" + number));
        assertThat(browser.driver().findElement(By.id("case-state")).getText()).isEqualTo("已立案");
        assertThat(browser.driver().findElements(By.cssSelector(".photos img"))).hasSize(1);
        accessible("case timeline");

        closeAtTheDesk(number);
        browser.driver().navigate().refresh();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-SATISFIED")));
        assertThat(browser.driver().findElement(By.cssSelector(".timeline")).getText()).contains("核查通过，已办结", "现场已清理")
                .doesNotContain("请城管处理");
        accessible("rating");
        browser.driver().findElement(By.cssSelector("label[for=rating-SATISFIED]")).click();
        browser.driver().findElement(By.cssSelector(".rating button")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "谢谢您的评价"));
        ActingAs.user(accounts, "admin");
        assertThat(queries.findByNumber(number).orElseThrow().state()).isEqualTo(CaseState.EVALUATED);
    }

    private void closeAtTheDesk(String number) {
        ActingAs.user(accounts, "admin");
        CaseView filed = queries.findByNumber(number).orElseThrow();
        long chengguan = organisation.unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
        work.dispatch(filed.id(), filed.version(), chengguan, Set.of(), "请城管处理");
        ActingAs.user(accounts, "chengguan");
        work.accept(filed.id(), null);
        work.reportResult(filed.id(), null, "已清运。");
        ActingAs.user(accounts, "admin");
        assertThat(queries.findByNumber(number).orElseThrow().gridId()).as("the pin's grid")
                .isEqualTo(territory.tree(null).findByCode(PortalFixtures.GRID).orElseThrow().id());
        work.verify(filed.id(), null, true, "现场已清理");
        ActingAs.nobody();
    }

    private void clickAt(WebElement map, GeoPoint point) {
        var js = (JavascriptExecutor) browser.driver();
        // the whole map in view first, as a resident scrolls to it: a click on a half-hidden map scrolls the page
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
        js.executeScript("window.portalMap.invalidateSize(false); window.portalMap.setView([arguments[0], arguments[1]], 16, {animate: false});", point.lat(), point.lng());
        @SuppressWarnings("unchecked")
        Map<String, Number> pixel = (Map<String, Number>) js.executeScript(
                "const p = window.portalMap.latLngToContainerPoint([arguments[0], arguments[1]]); return {x: p.x, y: p.y};",
                point.lat(), point.lng());
        var size = map.getSize();
        new Actions(browser.driver()).moveToElement(map, pixel.get("x").intValue() - size.getWidth() / 2,
                pixel.get("y").intValue() - size.getHeight() / 2).click().perform();
    }
}
