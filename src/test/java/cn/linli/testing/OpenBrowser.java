package cn.linli.testing;

import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.linli.territory.internal.demo.DemoLogins;

/**
 * A headless Chromium for each test of a browser test class, started before the test and quit after it, with what
 * the tests do on every page: wait, type into a field, read a text, press a button, log in. Register one per window
 * the test needs: {@code @RegisterExtension final OpenBrowser browser = OpenBrowser.inLanguage("zh-CN");}
 */
public final class OpenBrowser implements BeforeEachCallback, AfterEachCallback {

    private final String language;
    private Dimension window;
    private Duration patience = Duration.ofSeconds(20);
    private boolean staleElementsLookedUpAgain;

    private ChromeDriver driver;
    private WebDriverWait wait;

    private OpenBrowser(String language) {
        this.language = language;
    }

    /** A browser whose user prefers this language (its {@code Accept-Language}), e.g. zh-CN or en. */
    public static OpenBrowser inLanguage(String language) {
        return new OpenBrowser(language);
    }

    /** A window of this size, e.g. a phone's, instead of the desktop one. */
    public OpenBrowser inWindow(int width, int height) {
        window = new Dimension(width, height);
        return this;
    }

    /** How long {@link #until} waits before it fails the test. */
    public OpenBrowser waitingUpTo(Duration patience) {
        this.patience = patience;
        return this;
    }

    /** For pages that re-render themselves on live updates: an element found a moment ago may be gone, so look again. */
    public OpenBrowser lookingAgainForStaleElements() {
        staleElementsLookedUpAgain = true;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver = Browser.start(language);
        if (window != null) driver.manage().window().setSize(window);
        wait = new WebDriverWait(driver, patience);
        if (staleElementsLookedUpAgain) wait.ignoring(StaleElementReferenceException.class);
    }

    /** Quits the browser; the tests act as users between pages, so the test thread's user goes too. */
    @Override
    public void afterEach(ExtensionContext context) {
        ActingAs.nobody();
        if (driver != null) driver.quit();
        driver = null;
        wait = null;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits until the condition is met (a value, or true) and returns what it returned. */
    public <T> T until(Function<? super WebDriver, T> condition) {
        return wait.until(condition);
    }

    /**
     * Opens the page at {@code path}, is sent to the login form, logs in as the demo user and waits to be back at the
     * page.
     */
    public void logIn(int port, String username, String path) {
        driver.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(DemoLogins.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(path));
    }

    /** On the login page: fills in the form and sends it, and waits until the login page is gone. */
    public void submitLogin(String username, String password) {
        type("username", username);
        type("password", password);
        WebElement form = driver.findElement(By.cssSelector("main form"));
        form.submit();
        wait.until(ExpectedConditions.stalenessOf(form));
    }

    /** Replaces the text of the field with this id. */
    public void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** The visible text of the first element the selector finds, trimmed. */
    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().strip();
    }

    /** Clicks the button and waits until the page it leaves is gone. */
    public void submit(String css) {
        WebElement button = driver.findElement(By.cssSelector(css));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }
}
