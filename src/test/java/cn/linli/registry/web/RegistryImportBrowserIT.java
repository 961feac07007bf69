package cn.linli.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.testing.BrowserTest;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OpenBrowser;

/**
 * A real headless Chromium: 永安社区's staff upload a .csv with one bad row, check the proposed column mapping,
 * see the report of the bad row, import the good rows and watch the progress reach the end.
 */
@IntegrationTest
@BrowserTest
class RegistryImportBrowserIT {

    @LocalServerPort int port;

    @RegisterExtension
    final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN").waitingUpTo(Duration.ofSeconds(60));
    Path file;

    @BeforeEach
    void writeFile() throws Exception {
        file = Files.createTempFile("人口导入", ".csv");
        Files.writeString(file, RegistryImportPagesIT.csv(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void deleteFile() throws Exception {
        Files.deleteIfExists(file);
    }

    @Test
    void staffUploadACsvSeeTheBadRowAndImportTheGoodOnes() throws Exception {
        browser.logIn(port, "yongan-sq", "/registry/import");

        browser.driver().findElement(By.cssSelector("input[type=file][name=file]")).sendKeys(file.toAbsolutePath().toString());
        browser.driver().findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")).click();
        browser.until(ExpectedConditions.urlMatches("/registry/import/[0-9a-f-]{36}$"));
        assertThat(browser.driver().findElement(By.cssSelector("select[name=column-NAME] option:checked")).getText()).isEqualTo("姓名");
        assertThat(browser.driver().findElement(By.cssSelector("select[name=column-DOCUMENT_NUMBER] option:checked")).getText())
                .isEqualTo("公民身份号码");

        browser.driver().findElement(By.cssSelector("form[action$='/mapping'] button[type=submit]")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "共 3 行：2 行无误，1 行有错。"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("公民身份号码：号码有误：校验位不符", "下载有错的行");

        browser.driver().findElement(By.cssSelector("form[action$='/commit'] button[type=submit]")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已导入 2 行。"));
        assertThat(browser.driver().findElements(By.cssSelector("#progress"))).isEmpty();
        Files.write(Path.of("target/registry-import-done.png"), browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
