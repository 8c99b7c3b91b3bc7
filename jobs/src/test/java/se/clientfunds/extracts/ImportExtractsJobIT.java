package se.clientfunds.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.files.Sha256;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

@SpringBootTest(classes = JobsTestApplication.class)
class ImportExtractsJobIT {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 2);
    private static final String CLIENTS_HEADER = "client_id,org_number,name,currency,payout_account,payout_schedule,fee_fixed,fee_percent";
    private static final String INVOICES_HEADER = "invoice_id,client_id,ocr,currency,amount,issue_date,due_date,debtor_name,debtor_id,debtor_country";
    private static final String REFUNDS_HEADER = "refund_id,payment_ref,amount,currency,to_account,to_name,approved_by";
    private static final String PAYOUT_IBAN = Iban.of("SE", "50000000000000001234").value();

    @Autowired
    FileImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SettlementHome home;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabaseAndFolders() throws IOException {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.quarantine(), home.archive());
    }

    @AfterEach
    void dropFaultTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_on_invoice");
    }

    @Test
    void importsClientsThenInvoicesAndArchivesBothFiles() throws Exception {
        // given
        Path clients = write("clients.csv", CLIENTS_HEADER, client("C1", "\"Acme, AB\""), client("C2", "Åkesson Öl"));
        Path invoices = write("invoices.csv", INVOICES_HEADER, invoice("INV-1", "C1", "1250.00"), invoice("INV-2", "C2", "99.95"));

        // when
        ImportOutcome clientsOutcome = imports.importFile(clients, DATE);
        ImportOutcome invoicesOutcome = imports.importFile(invoices, DATE);

        // then
        assertThat(clientsOutcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(clientsOutcome.rows()).isEqualTo(2);
        assertThat(invoicesOutcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(invoicesOutcome.kind()).isEqualTo("invoices");
        assertThat(jdbc.queryForList("SELECT name FROM current_client ORDER BY client_id", String.class))
                .containsExactly("Acme, AB", "Åkesson Öl");
        assertThat(jdbc.queryForList("SELECT amount_minor FROM current_invoice ORDER BY invoice_id", Long.class))
                .containsExactly(125_000L, 9_995L);
        assertThat(jdbc.queryForList("SELECT status FROM imported_file ORDER BY id", String.class))
                .containsExactly("IMPORTED", "IMPORTED");
        assertThat(home.archive(DATE).resolve("invoices.csv")).exists();
    }

    @Test
    void rejectsAWholeFileWithOneBadRowAndWritesNothingFromIt() throws Exception {
        // given: the third row has a bad OCR check digit, the fourth an amount with one decimal
        importClients();
        String badOcr = "12345678";
        Path invoices = write("invoices.csv", INVOICES_HEADER,
                invoice("INV-1", "C1", "100.00"),
                invoice("INV-2", "C1", "200.00"),
                "INV-3,C1," + badOcr + ",SEK,300.00,2026-03-01,2026-03-31,Debtor,D3,SE",
                "INV-4,C1," + ocr(4) + ",SEK,400.0,2026-03-01,2026-03-31,Debtor,D4,SE");

        // when
        ImportOutcome outcome = imports.importFile(invoices, DATE);

        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(outcome.message()).contains("invoices.csv", "2 problems", "line 4", "ocr", badOcr);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Long.class)).isZero();
        Path reason = home.quarantine().resolve("invoices.csv.reason.txt");
        assertThat(home.quarantine().resolve("invoices.csv")).exists();
        assertThat(Files.readString(reason))
                .contains("4\tocr\t" + badOcr + "\t")
                .contains("5\tamount\t400.0\t")
                .contains("nothing from this file was imported");
        assertThat(jdbc.queryForObject("SELECT status FROM imported_file WHERE kind = 'INVOICES'", String.class))
                .isEqualTo("REJECTED");
    }

    @Test
    void rejectsInvoicesOfUnknownClientsDuplicateIdsAndAnotherCurrencyThanTheClients() throws Exception {
        // given
        importClients();
        Path invoices = write("invoices.csv", INVOICES_HEADER,
                invoice("INV-1", "C1", "100.00"),
                invoice("INV-1", "C1", "100.00"),
                invoice("INV-9", "NOBODY", "100.00"),
                invoice("INV-10", "C1", "100.00").replace(",SEK,", ",EUR,"));

        // when
        ImportOutcome outcome = imports.importFile(invoices, DATE);

        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        String reason = Files.readString(home.quarantine().resolve("invoices.csv.reason.txt"));
        assertThat(reason).contains("3\tinvoice_id\tINV-1\tduplicate of line 2");
        assertThat(reason).contains("4\tclient_id\tNOBODY\tunknown client");
        assertThat(reason).contains("5\tcurrency\tEUR\tclient C1 is paid out in SEK");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Long.class)).isZero();
    }

    @Test
    void refusesAFileAlreadyImportedNamingTheEarlierImport() throws Exception {
        // given
        Path clients = write("clients.csv", CLIENTS_HEADER, client("C1", "Acme AB"));
        Path copy = dir.resolve("clients-again.csv");
        Files.copy(clients, copy);
        ImportOutcome first = imports.importFile(clients, DATE);

        // when
        ImportOutcome second = imports.importFile(copy, DATE);

        // then
        assertThat(second.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        long firstImportId = jdbc.queryForObject("SELECT id FROM imported_file WHERE status = 'IMPORTED'", Long.class);
        assertThat(second.message()).contains("clients-again.csv was already imported as import " + firstImportId,
                "clients.csv", "job execution " + first.jobExecutionId(), Sha256.of(clients));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client", Long.class)).isEqualTo(1);
    }

    @Test
    void anInvoiceInALaterExtractIsANewVersionNotAnOverwrite() throws Exception {
        // given
        importClients();
        imports.importFile(write("invoices.csv", INVOICES_HEADER, invoice("INV-1", "C1", "100.00")), DATE);

        // when
        ImportOutcome later = imports.importFile(
                write("invoices-2.csv", INVOICES_HEADER, invoice("INV-1", "C1", "80.00")), DATE.plusDays(1));

        // then
        assertThat(later.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForList("SELECT amount_minor FROM invoice WHERE invoice_id = 'INV-1' ORDER BY import_id", Long.class))
                .containsExactly(10_000L, 8_000L);
        assertThat(jdbc.queryForObject("SELECT amount_minor FROM current_invoice WHERE invoice_id = 'INV-1'", Long.class))
                .isEqualTo(8_000L);
    }

    @Test
    void refreshesTheInvoiceStatisticsOnceTheImportHasCompleted() throws Exception {
        // given: statistics taken while the table was empty, which InnoDB is told not to refresh on its own (as it may
        // not, or may from the middle of a load, when a million invoices arrive)
        importClients();
        jdbc.execute("SET GLOBAL innodb_stats_auto_recalc = OFF");
        try {
            jdbc.execute("ANALYZE TABLE invoice");
            assertThat(invoiceRowsInStatistics()).isZero();
            String[] rows = IntStream.rangeClosed(1, 1000).mapToObj(n -> invoice("INV-" + n, "C1", "10.00")).toArray(String[]::new);

            // when
            ImportOutcome outcome = imports.importFile(write("invoices.csv", INVOICES_HEADER, rows), DATE);

            // then: the optimizer knows the 1,000 rows (a table this small is counted exactly)
            assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(invoiceRowsInStatistics()).isEqualTo(1000L);
        } finally {
            jdbc.execute("SET GLOBAL innodb_stats_auto_recalc = ON");
        }
    }

    @Test
    void refusesWrongHeaderEmptyFileAndNonUtf8BytesWithClearErrors() throws Exception {
        // given
        Path wrongHeader = write("wrong.csv", "invoice_id,client,ocr", "INV-1,C1,18");
        Path empty = dir.resolve("empty.csv");
        Files.write(empty, new byte[0]);
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (CLIENTS_HEADER + "\n" + client("C1", "\u00c5kesson") + "\n").getBytes(StandardCharsets.ISO_8859_1));

        // when
        ImportOutcome wrong = imports.importFile(wrongHeader, DATE);
        ImportOutcome nothing = imports.importFile(empty, DATE);
        ImportOutcome notUtf8 = imports.importFile(latin1, DATE);

        // then
        assertThat(wrong.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(wrong.message()).contains("wrong.csv").containsIgnoringCase("header");
        assertThat(nothing.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(nothing.message()).contains("empty.csv").contains("empty");
        assertThat(notUtf8.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(notUtf8.message()).contains("latin1.csv", "line 2").containsIgnoringCase("UTF-8");
        assertThat(Files.readString(home.quarantine().resolve("latin1.csv.reason.txt"))).contains("line 2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client", Long.class)).isZero();
    }

    @Test
    void acceptsBomCrlfAndQuotedFieldsWithCommasAndQuotes() throws Exception {
        // given
        String text = "\uFEFF" + CLIENTS_HEADER + "\r\n"
                + client("C1", "\"Acme, \"\"the\"\" AB\"") + "\r\n"
                + client("C2", "Åkesson Öl") + "\r\n";
        Path clients = dir.resolve("clients.csv");
        Files.writeString(clients, text, StandardCharsets.UTF_8);

        // when
        ImportOutcome outcome = imports.importFile(clients, DATE);

        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForList("SELECT name FROM current_client ORDER BY client_id", String.class))
                .containsExactly("Acme, \"the\" AB", "Åkesson Öl");
    }

    @Test
    void aQuotedLineBreakIsParsedButRefusedInANameAndLaterLinesKeepTheirNumbers() throws Exception {
        // given: a name spanning two physical lines, then a row with a bad IBAN on physical line 4
        String text = CLIENTS_HEADER + "\n"
                + client("C1", "\"Two\nLines AB\"") + "\n"
                + "C2,556036-0793,Bad Iban AB,SEK,SE0000000000000000000000,DAILY,2.50,1.25\n";
        Path clients = dir.resolve("clients.csv");
        Files.writeString(clients, text, StandardCharsets.UTF_8);

        // when
        ImportOutcome outcome = imports.importFile(clients, DATE);

        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        String reason = Files.readString(home.quarantine().resolve("clients.csv.reason.txt"));
        assertThat(reason).contains("2\tname\t").contains("4\tpayout_account\tSE0000000000000000000000\t");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client", Long.class)).isZero();
    }

    @Test
    void aRejectedFileSentAgainAfterTheCauseIsFixedIsImported() throws Exception {
        // given: invoices of a client not yet known
        Path invoices = write("invoices.csv", INVOICES_HEADER, invoice("INV-1", "C1", "100.00"));
        Path sameBytes = dir.resolve("invoices-resent.csv");
        Files.copy(invoices, sameBytes);
        assertThat(imports.importFile(invoices, DATE).status()).isEqualTo(ImportOutcome.Status.REJECTED);

        // when the client arrives and the same bytes are sent again
        importClients();
        ImportOutcome again = imports.importFile(sameBytes, DATE);

        // then
        assertThat(again.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM current_invoice", Long.class)).isEqualTo(1);
    }

    @Test
    void refusesARefundIdAlreadyImported() throws Exception {
        // given
        imports.importFile(write("refunds.csv", REFUNDS_HEADER, refund("R1")), DATE);

        // when
        ImportOutcome outcome = imports.importFile(write("refunds-2.csv", REFUNDS_HEADER, refund("R2"), refund("R1")), DATE);

        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(outcome.message()).contains("line 3", "refund_id", "R1", "already imported");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refund", Long.class)).isEqualTo(1);
    }

    @Test
    void aJobThatFailsInAChunkRestartsFromItsLastCommitWithNoDuplicateAndNoMissingRow() throws Exception {
        // given 1,000 invoices loaded in chunks of 100, and the database refusing row 650 once
        importClients();
        String[] rows = new String[1000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = invoice("INV-" + (i + 1), "C1", (i + 1) + ".00");
        }
        Path invoices = write("invoices.csv", INVOICES_HEADER, rows);
        jdbc.execute("CREATE TRIGGER test_fail_on_invoice BEFORE INSERT ON invoice FOR EACH ROW"
                + " BEGIN IF NEW.invoice_id = 'INV-650' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full (test)'; END IF; END");

        // when
        ImportOutcome failed = imports.importFile(invoices, DATE);

        // then the chunks before the failing one are committed, invisible, and the file waits where it was
        assertThat(failed.status()).isEqualTo(ImportOutcome.Status.FAILED);
        assertThat(failed.message()).contains("loadInvoices", "disk full (test)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Long.class)).isEqualTo(600);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM current_invoice", Long.class)).isZero();
        assertThat(invoices).exists();

        // when the cause is gone and the same file is imported again
        jdbc.execute("DROP TRIGGER test_fail_on_invoice");
        ImportOutcome restarted = imports.importFile(invoices, DATE);

        // then it resumed in the same job instance and every row is there exactly once
        assertThat(restarted.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(restarted.jobExecutionId()).isNotEqualTo(failed.jobExecutionId());
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM current_invoice", Long.class)).isEqualTo(1000);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT invoice_id) FROM invoice", Long.class)).isEqualTo(1000);
        assertThat(jdbc.queryForObject("SELECT SUM(amount_minor) FROM invoice", Long.class)).isEqualTo(500_500L * 100);
        assertThat(jdbc.queryForObject("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " AND STEP_NAME = 'loadInvoices'", Long.class, restarted.jobExecutionId())).isEqualTo(400);
    }

    @Test
    void aValidationThatFailsLoadsNothingAndIsRestartedLater() throws Exception {
        // given the database cannot answer the validation's question about earlier refunds
        Path refunds = write("refunds.csv", REFUNDS_HEADER, refund("R1"), refund("R2"));
        jdbc.execute("RENAME TABLE accepted_refund TO accepted_refund_unavailable");
        ImportOutcome failed;
        try {
            // when
            failed = imports.importFile(refunds, DATE);
        } finally {
            jdbc.execute("RENAME TABLE accepted_refund_unavailable TO accepted_refund");
        }

        // then the job stopped at the validation: nothing loaded, the file still where it was
        assertThat(failed.status()).isEqualTo(ImportOutcome.Status.FAILED);
        assertThat(failed.message()).contains("validateExtract");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refund", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'load%'", Long.class)).isZero();
        assertThat(refunds).exists();

        // when the database is back
        ImportOutcome restarted = imports.importFile(refunds, DATE);

        // then
        assertThat(restarted.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM current_refund", Long.class)).isEqualTo(2);
    }

    @Test
    void twoRefundFilesInFlightWithTheSameRefundCannotBothComplete() throws Exception {
        // given file A fails part way, so its refund R1 is loaded but not yet accepted
        Path first = write("refunds-a.csv", REFUNDS_HEADER, refund("R1"), refund("R2"));
        jdbc.execute("CREATE TRIGGER test_fail_on_invoice BEFORE INSERT ON refund FOR EACH ROW"
                + " BEGIN IF NEW.refund_id = 'R2' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'timeout (test)'; END IF; END");
        assertThat(imports.importFile(first, DATE).status()).isEqualTo(ImportOutcome.Status.FAILED);
        jdbc.execute("DROP TRIGGER test_fail_on_invoice");

        // and file B with the same refund R1 is validated and imported meanwhile
        assertThat(imports.importFile(write("refunds-b.csv", REFUNDS_HEADER, refund("R1"), refund("R3")), DATE).status())
                .isEqualTo(ImportOutcome.Status.IMPORTED);

        // when A is restarted
        ImportOutcome restarted = imports.importFile(first, DATE);

        // then A is rejected at completion and R1 counts once
        assertThat(restarted.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(restarted.message()).contains("refunds-a.csv", "accepted from another refunds file");
        assertThat(jdbc.queryForList("SELECT refund_id FROM current_refund ORDER BY refund_id", String.class))
                .containsExactly("R1", "R3");
        assertThat(home.quarantine().resolve("refunds-a.csv.reason.txt")).exists();
    }

    private long invoiceRowsInStatistics() {
        return jdbc.queryForObject("SELECT n_rows FROM mysql.innodb_table_stats WHERE database_name = DATABASE()"
                + " AND table_name = 'invoice'", Long.class);
    }

    private void importClients() throws Exception {
        ImportOutcome outcome = imports.importFile(write("clients.csv", CLIENTS_HEADER, client("C1", "Acme AB")), DATE);
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
    }

    private Path write(String name, String header, String... rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String client(String id, String name) {
        return id + ",556036-0793," + name + ",SEK," + PAYOUT_IBAN + ",DAILY,2.50,1.25";
    }

    private static String invoice(String id, String clientId, String amount) {
        int n = Integer.parseInt(id.replaceAll("\\D", "").isEmpty() ? "1" : id.replaceAll("\\D", ""));
        return id + "," + clientId + "," + ocr(n) + ",SEK," + amount + ",2026-03-01,2026-03-31,Debtor " + n + ",D" + n + ",SE";
    }

    private static String refund(String id) {
        return id + ",PAY-" + id + ",10.00,SEK," + PAYOUT_IBAN + ",Payer AB,support@example.se";
    }

    private static String ocr(int n) {
        return OcrReference.withCheckDigit(Integer.toString(100_000 + n)).value();
    }
}
