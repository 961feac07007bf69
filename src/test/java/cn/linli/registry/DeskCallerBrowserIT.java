package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.grid;
import static cn.linli.registry.RegistryFixture.idNumber;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.access.internal.UserAccounts;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/** A real Chromium at 永安社区's window: the caller's phone finds them in the registry, and choosing them fills the form. */
@IntegrationTest
@BrowserTest
class DeskCallerBrowserIT {

    @LocalServerPort int port;
    @Autowired Registry registry;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired UserAccounts accounts;

    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN");

    @Test
    void theCallersPhoneFindsThemAndChoosingThemFillsNameAddressAndPoint() {
        ActingAs.user(accounts, "admin");
        long grid = grid(territory, "230804007001001");
        Point inside = boundaries.loadAll().stream().filter(b -> b.unitId() == grid && b.validTo() == null).findFirst().orElseThrow()
                .geometry().getInteriorPoint();
        String address = "永安小区" + UUID.randomUUID().toString().substring(0, 6) + "号楼";
        long building = registry.addBuilding(new NewBuilding(address, new GeoPoint(inside.getX(), inside.getY()), grid,
                BuildingType.RESIDENTIAL, 2, 6));
        long household = registry.addHousehold(new NewHousehold(building, 2, 3, "302", HouseholdType.REGISTERED, null));
        String phone = RegistryFixture.phone();
        registry.register(new NewResident("慕容来访", DocumentKind.RESIDENT_ID_CARD, idNumber(LocalDate.of(1958, 8, 8)), phone), household,
                MembershipKind.REGISTERED, Relation.HEAD, LocalDate.of(2001, 1, 1));
        ActingAs.nobody();

        browser.logIn(port, "yongan-sq", "/casework/desk");
        WebElement map = browser.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-map")));
        browser.until(d -> "true".equals(map.getAttribute("data-ready")));

        browser.driver().findElement(By.id("reporterPhone")).sendKeys(phone);
        WebElement pick = browser.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#caller .caller-pick")));
        assertThat(browser.driver().findElement(By.cssSelector("#caller .resident-card")).getText()).contains("慕容来访").contains("2-302")
                .doesNotContain(phone);
        pick.click();

        browser.until(d -> !browser.driver().findElement(By.id("lng")).getAttribute("value").isEmpty());
        assertThat(browser.driver().findElement(By.id("reporterName")).getAttribute("value")).isEqualTo("慕容来访");
        assertThat(browser.driver().findElement(By.id("address")).getAttribute("value")).isEqualTo(address + " 2-302");
        assertThat(Double.parseDouble(browser.driver().findElement(By.id("lng")).getAttribute("value"))).isCloseTo(inside.getX(),
                org.assertj.core.data.Offset.offset(0.00001));
        assertThat(browser.driver().findElement(By.id("caller-chosen")).getText()).startsWith("已选用来电人").contains("慕容来访");
        browser.until(d -> browser.driver().findElement(By.id("caller")).getText().contains("该号码没有历史工单"));
    }
}
