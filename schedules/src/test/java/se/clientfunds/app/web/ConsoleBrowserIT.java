package se.clientfunds.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
import org.openqa.selenium.WebDriverException;
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
            // and on a phone's width the page still fits without scrolling sideways
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            screenshot(browser, "today-phone.png");
            assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth + ' <= '"
                    + " + document.documentElement.clientWidth")).isEqualTo("390 <= 390");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

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
            clickThrough(browser, By.id("do-restart"));
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> driver.findElements(By.id("message")).size() == 1);
            assertThat(browser.findElement(By.id("message")).getText()).startsWith("job execution " + served.failedReconciliation
                    + " (reconcileJob) restarted as job execution ");
            // and the page of the new execution follows it as it runs, without being loaded again, to COMPLETED
            ((JavascriptExecutor) browser).executeScript("window.stayed = true");
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> "COMPLETED".equals(driver.findElement(By.id("status"))
                    .getText()));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.stayed === true")).isEqualTo(true);
            assertThat(browser.findElement(By.cssSelector("#progress > span")).getAttribute("style")).contains("width: 100%");
            browser.navigate().refresh();
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
            clickThrough(browser, By.id("login"));
            assertThat(browser.getCurrentUrl()).endsWith("/login?error");
            assertThat(browser.findElement(By.cssSelector("p.flash.error")).getText()).startsWith("Wrong name or password");
        } finally {
            browser.quit();
        }
    }

    @Test
    void financeProposesResolvingALargeBreakAndASecondFinanceUserApprovesIt() throws Exception {
        Map<String, Object> large = served.jdbc.queryForMap("SELECT id, amount_minor FROM reconciliation_break"
                + " WHERE status <> 'RESOLVED' ORDER BY amount_minor DESC LIMIT 1");
        long breakId = ((Number) large.get("id")).longValue();
        WebDriver browser = browser();
        try {
            // when finance opens Friday, then the figures are there, and the large break has its actions
            logIn(browser, "finance");
            browser.get(base + "/console/days/" + ServedHome.FRI_2);
            assertThat(browser.findElement(By.id("positions")).getText()).contains("opening", "closing");
            assertThat(browser.findElement(By.id("safeguarding")).getText()).contains("requirement", "SEK");
            assertThat(browser.findElement(By.id("verified")).getText()).startsWith("The reports verify");
            screenshot(browser, "day.png");
            // when she resolves it with a reason, then it is proposed, not resolved
            browser.findElement(By.id("reason-resolve-" + breakId)).sendKeys("the bank confirmed the payout");
            clickThrough(browser, By.id("resolve-" + breakId));
            assertThat(browser.findElement(By.id("message")).getText()).startsWith("break " + breakId + " of ")
                    .contains("needs a second person: proposed as approval ");
            assertThat(browser.findElement(By.id("break-" + breakId)).getText()).doesNotContain("RESOLVED");
            long approval = served.jdbc.queryForObject("SELECT id FROM approval_request WHERE break_id = ? AND status = 'PROPOSED'",
                    Long.class, breakId);
            // and on Approvals she may withdraw it but not approve it
            browser.get(base + "/console/approvals");
            assertThat(browser.findElements(By.id("approve-" + approval))).isEmpty();
            assertThat(browser.findElements(By.id("reject-" + approval))).hasSize(1);
            // and she prepares the safeguarding statement
            browser.get(base + "/console/days/" + ServedHome.FRI_2);
            browser.findElement(By.id("reason-PREPARED")).sendKeys("figures agree with the bank");
            clickThrough(browser, By.id("sign-PREPARED"));
            assertThat(browser.findElement(By.id("message")).getText()).endsWith("signed as prepared by finance");
            logOut(browser);

            // when a second finance user approves it with a reason, then the break is resolved, recorded as both did it
            logIn(browser, "finance2");
            browser.get(base + "/console/approvals");
            assertThat(browser.getPageSource()).contains("id=\"approval-" + approval + "\"");
            assertThat(browser.findElement(By.id("approval-" + approval)).getText()).contains("finance", "the bank confirmed the payout");
            screenshot(browser, "approvals.png");
            browser.findElement(By.id("reason-approve-" + approval)).sendKeys("statement line checked");
            clickThrough(browser, By.id("approve-" + approval));
            assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("approval " + approval + " approved: RESOLVED break "
                    + breakId);
            assertThat(browser.findElement(By.id("decided")).getText()).contains("APPROVED finance finance2 statement line checked");
            assertThat(served.jdbc.queryForObject("SELECT status FROM reconciliation_break WHERE id = ?", String.class, breakId))
                    .isEqualTo("RESOLVED");
            // and reviews the statement finance prepared
            browser.get(base + "/console/days/" + ServedHome.FRI_2);
            browser.findElement(By.id("reason-REVIEWED")).sendKeys("checked against the bank statement");
            clickThrough(browser, By.id("sign-REVIEWED"));
            assertThat(browser.findElement(By.id("sign-offs")).getText()).contains("SEK Prepared finance", "SEK Reviewed finance2");

            // and the audit trail, filtered by person, lists what the second person did
            browser.get(base + "/console/audit");
            browser.findElement(By.id("audit-operator")).sendKeys("finance2");
            clickThrough(browser, By.id("audit-filter"));
            assertThat(browser.findElement(By.id("audit-actions")).getText()).contains("APPROVE", "RESOLVE_BREAK",
                    "SIGN_OFF_REVIEWED").doesNotContain("PROPOSE_RESOLVE_BREAK");
            screenshot(browser, "audit.png");
            assertThat(served.jdbc.queryForList("SELECT CONCAT_WS('|', operator, action, channel) FROM operator_action WHERE subject"
                    + " LIKE ? ORDER BY id", String.class, "approval " + approval + ":%"))
                    .containsExactly("finance|PROPOSE_RESOLVE_BREAK|console", "finance2|APPROVE|console");
        } finally {
            browser.quit();
        }
    }

    @Test
    void complianceWorksAnAlertAndTwoAnalystsReleaseAHeldPayment() throws Exception {
        // given a sanctions alert holding a payment (as screening leaves one)
        served.jdbc.update("INSERT INTO aml_alert (rule, severity, business_date, subject_kind, subject, evidence_key, amount_minor,"
                + " currency, explanation) VALUES ('SANCTIONS_MATCH', 'HIGH', ?, 'PAYER', 'Ivar Testovsky', 'SE01/BROWSER-1', 100000,"
                + " 'SEK', 'payer Ivar Testovsky: exact hit on alias IVAR TESTOVSKY of EU.9001.01')", ServedHome.MON_5);
        long alert = served.jdbc.queryForObject("SELECT id FROM aml_alert WHERE evidence_key = 'SE01/BROWSER-1'", Long.class);
        served.jdbc.update("INSERT INTO aml_alert_payment (alert_id, account_iban, bank_reference) VALUES (?, 'SE01', 'BROWSER-1')",
                alert);
        served.jdbc.update("INSERT INTO payment_hold (account_iban, bank_reference, currency, amount_minor, booking_date, held_on,"
                + " reason, alert_id, payer_name) VALUES ('SE01', 'BROWSER-1', 'SEK', 100000, ?, ?, 'SANCTIONS_HOLD: test', ?,"
                + " 'Ivar Testovsky')", ServedHome.MON_5, ServedHome.MON_5, alert);
        WebDriver browser = browser();
        try {
            // when an operator logs in, then there is no Alerts page for her
            logIn(browser, "operator");
            assertThat(browser.findElements(By.id("nav-alerts"))).isEmpty();
            logOut(browser);
            // when a compliance analyst opens the alert, takes it into review and proposes releasing the hold
            logIn(browser, "compliance");
            clickThrough(browser, By.id("nav-alerts"));
            assertThat(browser.findElement(By.id("alert-" + alert)).getText()).contains("SANCTIONS_MATCH", "HIGH", "Ivar Testovsky",
                    "1000.00", "NEW");
            screenshot(browser, "alerts.png");
            clickThrough(browser, By.id("open-" + alert));
            assertThat(browser.findElement(By.id("alert-explanation")).getText()).contains("exact hit on alias IVAR TESTOVSKY");
            browser.findElement(By.id("reason-assign")).sendKeys("checking the listing");
            clickThrough(browser, By.id("assign"));
            assertThat(browser.findElement(By.id("alert-status")).getText()).isEqualTo("IN_REVIEW");
            browser.findElement(By.id("reason-release-hold")).sendKeys("born 1990, the listed person 1961");
            clickThrough(browser, By.id("release-hold"));
            assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("alert " + alert
                    + ": release proposed; a second analyst releases it");
            // and tries to release it herself
            browser.findElement(By.id("reason-release-hold")).sendKeys("sure");
            clickThrough(browser, By.id("release-hold"));
            assertThat(browser.findElement(By.id("error")).getText()).endsWith("a second person releases it (four eyes)");
            logOut(browser);
            // then a second analyst releases it
            logIn(browser, "compliance2");
            browser.get(base + "/console/alerts/" + alert);
            browser.findElement(By.id("reason-release-hold")).sendKeys("agreed: not the listed person");
            clickThrough(browser, By.id("release-hold"));
            assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("alert " + alert
                    + ": SE01/BROWSER-1 released (proposed by compliance): the next allocation takes them");
            assertThat(browser.findElement(By.id("alert-history")).getText()).contains("ASSIGN", "PROPOSE_RELEASE", "RELEASE_HOLD");
            screenshot(browser, "alert.png");
            assertThat(served.jdbc.queryForList("SELECT CONCAT_WS('|', operator, action, channel) FROM operator_action WHERE subject"
                    + " = ? ORDER BY id", String.class, "alert " + alert)).containsExactly(
                            "compliance|ALERT_ASSIGN|console", "compliance|HOLD_RELEASE_PROPOSED|console",
                            "compliance2|HOLD_RELEASED|console");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anOperatorAllocatesAPaymentByHandFromTheUnallocatedPageAndItLeavesTheList() throws Exception {
        // given the smaller unallocated payment (below the four-eyes amount)
        String reference = served.jdbc.queryForObject("SELECT bank_reference FROM payment_allocation WHERE unallocated_minor > 0"
                + " ORDER BY unallocated_minor, bank_reference LIMIT 1", String.class);
        String invoice = served.jdbc.queryForObject("SELECT invoice_id FROM invoice_status WHERE status = 'OPEN' AND currency = 'SEK'"
                + " ORDER BY invoice_id LIMIT 1", String.class);
        String ocr = served.jdbc.queryForObject("SELECT ocr FROM invoice_status WHERE invoice_id = ?", String.class, invoice);
        WebDriver browser = browser();
        try {
            logIn(browser, "operator");
            browser.get(base + "/console/unallocated");
            assertThat(browser.findElement(By.id("payment-" + reference)).getText()).contains(reference);
            screenshot(browser, "unallocated.png");
            // when she chooses it and searches the invoice by its OCR, then the invoice is found
            clickThrough(browser, By.id("choose-" + reference));
            WebElement search = browser.findElement(By.id("invoice-search"));
            search.clear();
            search.sendKeys(ocr);
            clickThrough(browser, By.id("search"));
            assertThat(browser.findElement(By.id("invoices")).getText()).contains(invoice);
            // when she asks what it would do, then she sees the share, the fee and what is left before confirming
            clickThrough(browser, By.id("preview-" + invoice));
            assertThat(browser.findElement(By.id("preview-share")).getText()).endsWith(" SEK");
            assertThat(browser.findElement(By.id("preview-fee")).getText()).endsWith(" SEK");
            assertThat(browser.findElement(By.id("preview-left")).getText()).endsWith(" SEK");
            assertThat(browser.findElements(By.id("needs-approval"))).isEmpty();
            screenshot(browser, "unallocated-preview.png");
            String fee = browser.findElement(By.id("preview-fee")).getText();
            browser.findElement(By.id("allocate-reason")).sendKeys("the payer phoned: meant " + invoice);
            clickThrough(browser, By.id("allocate"));
            // then it is allocated with that fee, and (nothing left) the payment leaves the list
            assertThat(browser.findElement(By.id("message")).getText()).contains("allocated to invoice " + invoice, "fee " + fee);
            String left = served.jdbc.queryForObject("SELECT unallocated_minor FROM payment_allocation WHERE bank_reference = ?",
                    Long.class, reference) == 0 ? "gone" : "still listed";
            assertThat(browser.findElements(By.id("payment-" + reference))).hasSize(left.equals("gone") ? 0 : 1);
            assertThat(served.jdbc.queryForObject("SELECT CONCAT_WS('|', operator, action, channel, role) FROM operator_action"
                    + " WHERE action = 'ALLOCATE' AND reason = ?", String.class, "the payer phoned: meant " + invoice))
                    .isEqualTo("operator|ALLOCATE|console|OPERATOR");

            // when she switches to Swedish, then the labels are Swedish, and stay so on the next page
            clickThrough(browser, By.id("lang-sv"));
            assertThat(browser.findElement(By.tagName("nav")).getText()).contains("Idag", "Körningar", "Ofördelat");
            browser.get(base + "/console/schedules");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Scheman");
            assertThat(browser.findElement(By.id("schedules")).getText()).contains("daily-cycle");
            screenshot(browser, "schedules-sv.png");
            clickThrough(browser, By.id("lang-de"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Zeitpläne");
            clickThrough(browser, By.id("lang-en"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Schedules");
        } finally {
            browser.quit();
        }
    }

    /** Clicks what leads to another page, and waits until the browser has left this one. */
    private static void clickThrough(WebDriver browser, By what) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> hasLeft(page));
    }

    /**
     * Whether the browser has replaced this page. Chromium reports the old page's root as stale, or, when it is asked in the
     * middle of the replacement, as an "unknown error: node does not belong to the document": both mean the page is gone.
     */
    private static boolean hasLeft(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    private void logOut(WebDriver browser) {
        clickThrough(browser, By.cssSelector("header form button"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("/login"));
    }

    private void logIn(WebDriver browser, String user) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(ServedHome.PASSWORD);
        clickThrough(browser, By.id("login"));
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
