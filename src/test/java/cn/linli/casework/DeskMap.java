package cn.linli.casework;

import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import cn.linli.shared.GeoPoint;

/** Clicks the front desk's map at a place, as the operator does: the map is centred there and clicked at its pixel. */
final class DeskMap {

    private DeskMap() {
    }

    static void clickAt(WebDriver browser, WebElement map, GeoPoint point) {
        clickAt(browser, map, "deskMap", point);
    }

    /** The same on another page's map, which its script exposes as {@code window[mapVariable]}. */
    static void clickAt(WebDriver browser, WebElement map, String mapVariable, GeoPoint point) {
        var js = (JavascriptExecutor) browser;
        js.executeScript("window[arguments[2]].setView([arguments[0], arguments[1]], 16, {animate: false});", point.lat(), point.lng(),
                mapVariable);
        @SuppressWarnings("unchecked")
        Map<String, Number> pixel = (Map<String, Number>) js.executeScript(
                "const p = window[arguments[2]].latLngToContainerPoint([arguments[0], arguments[1]]); return {x: p.x, y: p.y};",
                point.lat(), point.lng(), mapVariable);
        var size = map.getSize();
        new Actions(browser).moveToElement(map, pixel.get("x").intValue() - size.getWidth() / 2,
                pixel.get("y").intValue() - size.getHeight() / 2).click().perform();
    }
}
