package dev.imsauth.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium with a fresh profile (own cookies, own session), for browser tests.
 * Open several at once to act as several users.
 *
 * <p>The driver and browser are named explicitly ({@code /usr/bin/chromedriver}, {@code /usr/bin/chromium}),
 * so Selenium Manager is never run and nothing is downloaded. Debian builds both from one source, so
 * their versions always match. Override with {@code -Dchromium.binary=…} / {@code -Dchromedriver.binary=…}.
 *
 * <p>Screenshots go to {@code target/screenshots/<name>-<nn>-<step>.png}; the chromedriver log
 * to {@code target/browser-logs/<name>.chromedriver.log} ({@code target} of the working directory, which Maven
 * sets to the module running the tests; {@code -Dbrowser.target.dir=…} overrides it). Shared through the
 * library's test-jar by the example's end-to-end tests and the container tests in {@code it/}.
 */
public final class BrowserSession implements AutoCloseable {

    static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DEFAULT_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(BrowserSession.class.getName());

    private final String name;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profileDir;
    private final Path screenshotDir;
    private final AtomicInteger step = new AtomicInteger();

    private BrowserSession(String name, ChromeDriverService service, ChromeDriver driver, Path profileDir,
            Path screenshotDir) {
        this.name = name;
        this.service = service;
        this.driver = driver;
        this.profileDir = profileDir;
        this.screenshotDir = screenshotDir;
    }

    /** Starts a browser; {@code name} (e.g. {@code "SignInIT-alice"}) prefixes its screenshots and log. */
    public static BrowserSession start(String name) {
        return start(name, null);
    }

    /** Like {@link #start(String)}, with the browser's languages ({@code Accept-Language}), e.g. {@code "de"}. */
    public static BrowserSession start(String name, String languages) {
        Path chromium = Path.of(System.getProperty("chromium.binary", DEFAULT_CHROMIUM.toString()));
        Path chromedriver = Path.of(System.getProperty("chromedriver.binary", DEFAULT_CHROMEDRIVER.toString()));
        requireInstalled(chromium, chromedriver);
        long started = System.nanoTime();
        Path target = targetDir();
        Path screenshotDir = Path.of(System.getProperty("example.screenshots.dir",
                target.resolve("screenshots").toString()));
        Path profileDir = createTempDir("chromium-profile-" + name + "-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(logFile(target, name))
                .build();
        try {
            ChromeOptions options = options(chromium, profileDir);
            if (languages != null) {
                options.addArguments("--lang=" + languages);
                options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
            }
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            LOG.log(System.Logger.Level.INFO, "Chromium {0} ready in {1} ms", name,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new BrowserSession(name, service, driver, profileDir, screenshotDir);
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profileDir);
            throw e;
        }
    }

    static ChromeOptions options(Path chromium, Path profileDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",                 // root in a container: the setuid/user-namespace sandbox is unavailable
                "--disable-dev-shm-usage",      // small /dev/shm in containers crashes tabs; use /tmp
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--password-store=basic",       // no keyring/D-Bus lookups
                "--window-size=1280,900",
                "--user-data-dir=" + profileDir);
        return options;
    }

    /** Fails with the fix when the browser or its driver is missing, rather than letting Selenium guess. */
    static void requireInstalled(Path chromium, Path chromedriver) {
        for (Path binary : new Path[] {chromium, chromedriver}) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing, so the browser tests cannot run."
                        + " Install Debian's chromium and chromium-driver with scripts/install-browser.sh"
                        + " (or point -Dchromium.binary / -Dchromedriver.binary at a matching pair).");
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(URI uri) {
        driver.get(uri.toString());
    }

    /** Clicks the link with this exact text. */
    public void clickLink(String text) {
        driver.findElement(By.linkText(text)).click();
    }

    /** Waits until the address bar's path is {@code path} (e.g. {@code "/profile"}). */
    public void waitForPath(String path) {
        new WebDriverWait(driver, WAIT).until(d -> path.equals(URI.create(d.getCurrentUrl()).getPath()));
    }

    /** Waits until the element with this id is visible, and returns its text. */
    public String textOf(String id) {
        return new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
                .getText();
    }

    /** Clicks the button whose text is exactly {@code text} (e.g. a form's submit button without an id). */
    public void clickButton(String text) {
        driver.findElement(By.xpath("//button[normalize-space()='" + text + "']")).click();
    }

    /** Waits until the page's text contains {@code text}, and returns all of it. */
    public String waitForPageText(String text) {
        new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return pageText();
    }

    /** Clicks the element with this id. */
    public void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    /** Waits until the element with this id shows {@code text} somewhere in its text, and returns all of it. */
    public String waitForText(String id, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        return driver.findElement(By.id(id)).getText();
    }

    /** The address bar. */
    public URI currentUri() {
        return URI.create(driver.getCurrentUrl());
    }

    public String title() {
        return driver.getTitle();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void refresh() {
        driver.navigate().refresh();
    }

    /** Saves the visible viewport as {@code <name>-<nn>-<step>.png} and returns its path. */
    public Path screenshot(String stepName) {
        Path file = screenshotDir.resolve("%s-%02d-%s.png".formatted(name, step.incrementAndGet(), stepName));
        try {
            Files.createDirectories(screenshotDir);
            return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save screenshot " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profileDir);
        }
    }

    /** The running module's {@code target/} (this class may come from a test-jar in the local repository). */
    private static Path targetDir() {
        return Path.of(System.getProperty("browser.target.dir", "target")).toAbsolutePath();
    }

    private static File logFile(Path target, String name) {
        Path dir = target.resolve("browser-logs");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name + ".chromedriver.log").toFile();
    }

    private static Path createTempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
