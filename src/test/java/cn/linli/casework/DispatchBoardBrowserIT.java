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
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/** A real Chromium at 永安街道's board: one click dispatches a registered case, which leaves the queue. */
@IntegrationTest
@BrowserTest
class DispatchBoardBrowserIT {

    @LocalServerPort int port;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired UserAccounts accounts;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;

    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN");

    @Test
    void theStreetDispatchesARegisteredCaseWithOneClickAndItLeavesTheQueue() {
        var city = new DeskFixtures(territory, boundaries, categories, organisation, accounts);
        ActingAs.user(accounts, "yongan-sq");
        CaseReceipt receipt = work.receive(city.rubbish(null, city.grid(), null, null));
        ActingAs.nobody();

        browser.logIn(port, "yongan", "/casework/board");
        By row = By.cssSelector("tr.case-row[data-number='" + receipt.number() + "']");
        WebElement line = browser.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(line.getText()).contains("前进区城市管理局", "职能部门");
        line.findElement(By.cssSelector(".dispatch-suggested")).click();

        WebElement outcomes = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcomes")));
        assertThat(outcomes.getText()).contains("工单 " + receipt.number() + " 已派遣至 前进区城市管理局");
        assertThat(browser.driver().findElements(row)).isEmpty();
        ActingAs.user(accounts, "yongan");
        assertThat(queries.find(receipt.caseId()).orElseThrow().state()).isEqualTo(CaseState.DISPATCHED);
    }

    @Test
    void theStreetChoosesAnotherUnitFromTheRowsListAndDispatchesToIt() {
        var city = new DeskFixtures(territory, boundaries, categories, organisation, accounts);
        ActingAs.user(accounts, "yongan-sq");
        CaseReceipt receipt = work.receive(city.rubbish(null, city.grid(), null, null));
        ActingAs.nobody();

        browser.logIn(port, "yongan", "/casework/board");
        By row = By.cssSelector("tr.case-row[data-number='" + receipt.number() + "']");
        WebElement line = browser.until(ExpectedConditions.presenceOfElementLocated(row));
        WebElement list = line.findElement(By.cssSelector("select.unit-choice"));
        // the page carries the units once; the row's list is filled when it is opened
        assertThat(list.findElements(By.tagName("option"))).hasSize(1);
        list.click();
        org.openqa.selenium.support.ui.Select choice = new org.openqa.selenium.support.ui.Select(list);
        assertThat(choice.getOptions().size()).isGreaterThan(2);
        String unit = choice.getOptions().stream().map(WebElement::getText).filter(name -> name.contains("永安")).findFirst()
                .orElseThrow();
        choice.selectByVisibleText(unit);
        line.findElement(By.cssSelector(".dispatch-chosen")).click();

        WebElement outcomes = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcomes")));
        assertThat(outcomes.getText()).contains("工单 " + receipt.number() + " 已派遣至 " + unit);
        ActingAs.user(accounts, "yongan");
        assertThat(queries.find(receipt.caseId()).orElseThrow().state()).isEqualTo(CaseState.DISPATCHED);
    }
}
