package se.clientfunds.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.files.ImportOutcome;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

@SpringBootTest(classes = JobsTestApplication.class)
class DailyCycleIT {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 2);

    @Autowired
    DailyCycle cycle;

    @Autowired
    SettlementHome home;

    @Autowired
    BusinessDays businessDays;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabaseAndHome() throws IOException {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine());
    }

    @AfterEach
    void dropFaultTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_on_invoice");
    }

    @Test
    void importsTheInboxInDependencyOrderAndRestartsAFailedImportOnTheNextRun() throws Exception {
        // given: named so that a name order would put invoices first; a bank file; the database refusing one invoice
        write("a-invoices.csv", "invoice_id,client_id,ocr,currency,amount,issue_date,due_date,debtor_name,debtor_id,debtor_country",
                invoice(1), invoice(2), invoice(3));
        write("z-clients.csv", "client_id,org_number,name,currency,payout_account,payout_schedule,fee_fixed,fee_percent",
                "C1,556036-0793,Acme AB,SEK," + Iban.of("SE", "50000000000000001234").value() + ",WEEKLY,0.00,1.50");
        write("statement.xml", "<?xml version=\"1.0\"?>", "<Document/>");
        jdbc.execute("CREATE TRIGGER test_fail_on_invoice BEFORE INSERT ON invoice FOR EACH ROW"
                + " BEGIN IF NEW.invoice_id = 'INV-2' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'lost connection (test)'; END IF; END");

        // when
        DayReport failed = cycle.run(DATE);

        // then clients were imported first, the invoices failed, and the day stopped there
        assertThat(failed.imports()).extracting(outcome -> outcome.file().getFileName().toString() + " " + outcome.status())
                .containsExactly("z-clients.csv IMPORTED", "a-invoices.csv FAILED");
        assertThat(failed.failed()).isTrue();
        assertThat(home.inbox().resolve("statement.xml")).exists();
        assertThat(businessDays.status(DATE)).contains(BusinessDays.Status.OPEN);

        // when the day is run again after the cause is gone
        jdbc.execute("DROP TRIGGER test_fail_on_invoice");
        DayReport rerun = cycle.run(DATE);

        // then the failed import was restarted, not started over, nothing ran twice, and the XML that is no bank
        // file the pipeline reads was refused after it
        assertThat(rerun.imports()).extracting(outcome -> outcome.file().getFileName().toString() + " " + outcome.status())
                .containsExactly("a-invoices.csv IMPORTED", "statement.xml REJECTED");
        assertThat(rerun.imports().get(1).message()).contains("not a camt.053, camt.054, BGMax or MT940 file");
        ImportOutcome invoices = rerun.imports().get(0);
        assertThat(invoices.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(invoices.rows()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'importExtractsJob'", Long.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM current_invoice", Long.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM current_client", Long.class)).isEqualTo(1);
        assertThat(home.quarantine().resolve("statement.xml.reason.txt")).exists();
        assertThat(home.archive(DATE).resolve("a-invoices.csv")).exists();
    }

    private void write(String name, String... lines) throws IOException {
        Files.writeString(home.inbox().resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String invoice(int n) {
        return "INV-" + n + ",C1," + OcrReference.withCheckDigit("7700" + n).value() + ",SEK," + n + "00.00,2026-02-27,2026-03-27,Debtor "
                + n + ",D" + n + ",SE";
    }
}
