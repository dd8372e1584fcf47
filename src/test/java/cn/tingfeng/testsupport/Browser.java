package cn.tingfeng.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver (packages {@code chromium}, {@code chromium-driver},
 * and {@code fonts-noto-cjk} so that screenshots show Chinese; {@code .ci/run} installs them). Nothing is downloaded
 * at test time. Tests skip with a message where the browser is missing (a developer's machine without it).
 * Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of(System.getProperty("tingfeng.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("tingfeng.chromedriver", "/usr/bin/chromedriver"));

    public final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser open() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium not installed (apt-get install chromium chromium-driver fonts-noto-cjk): browser test skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=zh-CN", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /**
     * Signs in through the login page at {@code base} (typing the name and password, as a person does) and waits for the
     * home page; the browser then holds the session cookie.
     */
    public void signIn(String base, String username, String password) {
        driver.get(base + "/");
        driver.findElement(org.openqa.selenium.By.name("j_username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.name("j_password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.cssSelector("form[action='/j_security_check'] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith("/home"));
    }

    /** Saves a PNG of the current page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
