package cn.linli.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseReceipt;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Categories;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/**
 * A real headless Chromium: the urban-management bureau's clerk opens the inbox on a phone-sized window, finds the
 * case just dispatched to the bureau, accepts it inline, and sees it in progress; a case dispatched while the inbox
 * is open appears without a reload (server-sent events).
 */
@IntegrationTest
@BrowserTest
class InboxBrowserIT {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;

    /** Phone-sized; the list re-renders itself on every live update. */
    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN").inWindow(412, 915).lookingAgainForStaleElements();

    CaseReceipt dispatchedToChengguan(String description) {
        ActingAs.user(accounts, "yongan-sq");
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        String code = categories.search("暴露垃圾", 1).get(0).category().code().value();
        CaseReceipt receipt = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, description, null, grid,
                "永安社区5号楼", "赵女士", "13700001111", false, false, false, code, false, null));
        ActingAs.user(accounts, "yongan");
        long unit = organisation.unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
        work.dispatch(receipt.caseId(), queries.find(receipt.caseId()).orElseThrow().version(), unit, Set.of(), null);
        ActingAs.nobody();
        return receipt;
    }

    WebElement row(long caseId) {
        return browser.driver().findElement(By.cssSelector("li[data-case-id='" + caseId + "']"));
    }

    String textOf(long caseId) {
        return browser.<String>until(d -> row(caseId).getText());
    }

    @Test
    void theHandlerAcceptsADispatchedCaseFromTheInboxAndSeesItInProgress() throws Exception {
        CaseReceipt receipt = dispatchedToChengguan("5号楼门前建筑垃圾堆放。");
        browser.logIn(port, "chengguan", "/casework/inbox");

        browser.until(d -> !d.findElements(By.cssSelector("li[data-case-id='" + receipt.caseId() + "']")).isEmpty());
        assertThat(textOf(receipt.caseId())).contains(receipt.number(), "已派遣", "5号楼门前建筑垃圾堆放");
        browser.until(d -> {
            row(receipt.caseId()).findElement(By.xpath(".//button[normalize-space()='签收']")).click();
            return true;
        });
        browser.until(d -> row(receipt.caseId()).getDomAttribute("data-state").equals("IN_PROGRESS"));
        assertThat(textOf(receipt.caseId())).contains("办理中");
        assertThat(browser.<String>until(d -> d.findElement(By.cssSelector("#inbox-notice .notice.ok")).getText())).contains("已签收");
        java.nio.file.Files.write(java.nio.file.Path.of("target/inbox-accepted.png"), browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        // Live: a case dispatched now appears without reloading the page.
        browser.until(d -> "open".equals(d.findElement(By.tagName("body")).getDomAttribute("data-case-stream")));
        CaseReceipt live = dispatchedToChengguan("6号楼旁绿地内有废弃家具。");
        browser.until(d -> !d.findElements(By.cssSelector("li[data-case-id='" + live.caseId() + "']")).isEmpty());
        assertThat(textOf(live.caseId())).contains(live.number());
    }
}
