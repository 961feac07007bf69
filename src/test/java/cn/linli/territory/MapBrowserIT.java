package cn.linli.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/** A real headless Chromium: log in, open the map, see the grids, click one and read its card. */
@IntegrationTest
@BrowserTest
class MapBrowserIT {

    @LocalServerPort int port;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;

    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN");

    @Test
    void logInOpenTheMapSeeTheGridsAndReadTheCardOfTheClickedOne() throws Exception {
        browser.logIn(port, "admin", "/map");
        WebElement map = browser.until(ExpectedConditions.presenceOfElementLocated(By.id("map")));
        browser.until(d -> map.getAttribute("data-loadedcounty") != null);
        assertThat(Integer.parseInt(map.getAttribute("data-loadedcounty"))).isEqualTo(10);
        assertThat(browser.driver().findElement(By.cssSelector(".synthetic-note")).getText()).contains("示意");

        Division grid = territory.tree(null).findByCode("230804007001002").orElseThrow();
        Point inside = boundaries.loadAll().stream().filter(b -> b.unitId() == grid.id() && b.validTo() == null)
                .findFirst().orElseThrow().geometry().getInteriorPoint();
        var js = (JavascriptExecutor) browser.driver();
        js.executeScript("window.linliMap.setView([arguments[0], arguments[1]], 15, {animate: false});", inside.getY(), inside.getX());
        browser.until(d -> map.getAttribute("data-loadedgrid") != null && Integer.parseInt(map.getAttribute("data-loadedgrid")) > 0);

        @SuppressWarnings("unchecked")
        Map<String, Number> pixel = (Map<String, Number>) js.executeScript(
                "const p = window.linliMap.latLngToContainerPoint([arguments[0], arguments[1]]); return {x: p.x, y: p.y};",
                inside.getY(), inside.getX());
        var size = map.getSize();
        new Actions(browser.driver()).moveToElement(map, pixel.get("x").intValue() - size.getWidth() / 2,
                pixel.get("y").intValue() - size.getHeight() / 2).click().perform();

        WebElement card = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
        browser.until(d -> card.getText().contains("230804007001002"));
        assertThat(card.findElement(By.tagName("h2")).getText()).isEqualTo(grid.name());
        assertThat(card.getText()).contains("永安社区", "永安街道", "前进区", "户数");
        java.nio.file.Files.write(java.nio.file.Path.of("target/map-card.png"), browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        List<WebElement> links = card.findElements(By.tagName("a"));
        assertThat(links).anySatisfy(a -> assertThat(a.getAttribute("href")).endsWith("/divisions/" + grid.id()));
    }
}
