package se.clientfunds.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs; Selenium is
 * pointed at them and never downloads a driver): an operator logs in, finds the failed day in red, follows it to the
 * failed execution and restarts it with a reason; an auditor sees no action buttons, and a POST forged in their session,
 * with a valid CSRF token, is refused. Screenshots of the pages go to docs/console/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("..", "docs", "console");

    private ServedHome served;
    private String base;

    @BeforeAll
    void aServedHome(@TempDir Path dir) throws Exception {
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install chromium chromium-driver; .ci/run does)")
                .isExecutable();
        served = ServedHome.in(dir, List.of());
        base = "http://127.0.0.1:" + served.port();
    }

    @AfterAll
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void anOperatorFindsTheFailedDayAndRestartsItsReconciliationWithAReason() throws Exception {
        WebDriver browser = browser();
        try {
            // when the operator logs in, then Today shows Monday 5 January failed, in red
            logIn(browser, "operator");
            assertThat(browser.getCurrentUrl()).endsWith("/console");
            WebElement monday = browser.findElement(By.cssSelector("#days tr[data-date='" + ServedHome.MON_5 + "']"));
            WebElement status = monday.findElement(By.cssSelector("td.status-FAILED"));
            assertThat(status.getText()).isEqualTo("FAILED");
            assertThat(status.getCssValue("color")).isEqualTo("rgba(179, 38, 30, 1)");
            screenshot(browser, "today.png");

            // when she follows the failed job to its execution, then its cause is there, with the actions
            monday.findElement(By.linkText("job execution " + served.failedReconciliation + " (reconcileJob)")).click();
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("FAILED");
            assertThat(browser.findElement(By.id("cause")).getText()).contains("no space left (test)");
            screenshot(browser, "execution-failed.png");

            // when she restarts it without a reason, then the browser asks for one (nothing is sent)
            browser.findElement(By.id("do-restart")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/console/executions/" + served.failedReconciliation);
            // and with one, then it runs to the end, and the page says so with who and why
            browser.findElement(By.id("reason-restart")).sendKeys("disk extended by the DBA");
            browser.findElement(By.id("do-restart")).click();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> driver.findElements(By.id("message")).size() == 1);
            assertThat(browser.findElement(By.id("message")).getText()).startsWith("job execution " + served.failedReconciliation
                    + " (reconcileJob) restarted as job execution ").contains("attempt 2: COMPLETED");
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("COMPLETED");
            assertThat(browser.findElement(By.id("operator-actions")).getText()).contains("operator RESTART disk extended by the DBA");
            screenshot(browser, "execution-restarted.png");
            assertThat(served.jdbc.queryForObject("SELECT CONCAT_WS('|', operator, channel, role, outcome) FROM operator_action"
                    + " WHERE action = 'RESTART' AND reason = 'disk extended by the DBA'", String.class))
                    .isEqualTo("operator|console|OPERATOR|COMPLETED");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anAuditorSeesNoActionsAndAForgedPostInTheirSessionIsRefused() throws Exception {
        WebDriver browser = browser();
        try {
            logIn(browser, "auditor");
            browser.get(base + "/console/executions/" + served.failedReconciliation);
            assertThat(browser.findElement(By.id("status")).getText()).isNotEmpty();
            assertThat(browser.findElements(By.id("actions"))).isEmpty();
            assertThat(browser.findElements(By.tagName("button"))).extracting(WebElement::getText).containsExactly("Log out");

            // when a POST is forged in the auditor's session, with the page's valid CSRF token, then it is refused
            Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const token = document.querySelector("input[name='_csrf']").value;
                    fetch('/console/executions/%d/abandon', {method: 'POST',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                        body: '_csrf=' + encodeURIComponent(token) + '&reason=forged'}).then(response => done(response.status));
                    """.formatted(served.failedReconciliation));
            assertThat(status).isEqualTo(403L);
            assertThat(served.jdbc.queryForObject("SELECT COUNT(*) FROM operator_action WHERE reason = 'forged'", Long.class))
                    .isZero();

            // and without the token, even the operator's POST is refused (CSRF)
            Object withoutToken = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/console/executions/%d/abandon', {method: 'POST',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'reason=forged'})
                        .then(response => done(response.status));
                    """.formatted(served.failedReconciliation));
            assertThat(withoutToken).isEqualTo(403L);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aWrongPasswordIsRefusedOnTheLoginPage() {
        WebDriver browser = browser();
        try {
            browser.get(base + "/console");
            assertThat(browser.getCurrentUrl()).endsWith("/login");
            browser.findElement(By.id("username")).sendKeys("finance");
            browser.findElement(By.id("password")).sendKeys("not the password");
            browser.findElement(By.id("login")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/login?error");
            assertThat(browser.findElement(By.cssSelector("p.flash.error")).getText()).startsWith("Wrong name or password");
        } finally {
            browser.quit();
        }
    }

    private void logIn(WebDriver browser, String user) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(ServedHome.PASSWORD);
        browser.findElement(By.id("login")).click();
    }

    private static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
