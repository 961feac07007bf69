package cn.linli.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Starts Debian's headless Chromium through its chromedriver, with the flags this closed network needs, and does what
 * the browser tests do on every page: type into a field, read a text, press a button and wait for the next page.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {
    }

    static String unavailableReason() {
        if (!Files.isExecutable(CHROMIUM)) return "Chromium not installed at " + CHROMIUM + " (apt-get install -y chromium chromium-driver)";
        if (!Files.isExecutable(CHROMEDRIVER)) return "chromedriver not installed at " + CHROMEDRIVER + " (apt-get install -y chromium-driver)";
        return null;
    }

    public static ChromeDriver start(String language) {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=" + language);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofMillis(200));
        return driver;
    }

    /** Replaces the text of the field with this id. */
    public static void type(WebDriver browser, String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** The visible text of the first element the selector finds, trimmed. */
    public static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }

    /** Clicks the button and waits until the page it leaves is gone. */
    public static void submit(WebDriver browser, WebDriverWait wait, String css) {
        WebElement button = browser.findElement(By.cssSelector(css));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }
}
