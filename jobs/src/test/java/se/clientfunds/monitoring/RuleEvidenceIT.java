package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.files.Sha256;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;

/** The evidence ONE_PAYER_MANY_CLIENTS reads for one payer: a name and the account it pays from, no account being one too. */
@SpringBootTest(classes = JobsTestApplication.class)
class RuleEvidenceIT {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final String ACCOUNT = "SE4550000000058398257466";

    @Autowired
    RuleEvidence evidence;

    @Autowired
    JdbcTemplate jdbc;

    private long importId;

    @BeforeEach
    void onePaymentFile() {
        DatabaseReset.emptyAllTables(jdbc);
        String sha256 = Sha256.ofText("camt054-evidence.xml");
        jdbc.update("INSERT INTO imported_file (file_name, kind, sha256, accepted_sha256, size_bytes, status, business_date,"
                + " record_count, completed_at) VALUES ('camt054-evidence.xml', 'CAMT_054', ?, ?, 0, 'IMPORTED', ?, 6,"
                + " CURRENT_TIMESTAMP(6))", sha256, sha256, Date.valueOf(DAY));
        importId = jdbc.queryForObject("SELECT id FROM imported_file WHERE accepted_sha256 = ?", Long.class, sha256);
    }

    @Test
    void aPayerIsItsNameAndTheAccountItPaysFromAndPaymentsWithoutAnAccountAreOnePayer() {
        // given: Anna Berg pays from SE1 twice, without an account twice (once written as an empty account), and
        // someone of a similar name without an account once
        share(1, "Anna Berg", "SE1", "C1");
        share(2, "Anna Berg", "SE1", "C2");
        share(3, "Anna Berg", null, "C3");
        share(4, "Anna Berg", null, "C4");
        share(5, "Anna Berg", "", "C5");
        share(6, "Anna Bergh", null, "C6");

        // when
        List<OnePayerManyClientsRule.ClientPayment> fromAccount = evidence.clientPayments("Anna Berg", "SE1", DAY, DAY);
        List<OnePayerManyClientsRule.ClientPayment> withoutAccount = evidence.clientPayments("Anna Berg", "", DAY, DAY);
        List<OnePayerManyClientsRule.ClientPayment> dayBefore = evidence.clientPayments("Anna Berg", "SE1", DAY.minusDays(1),
                DAY.minusDays(1));

        // then
        assertThat(fromAccount).extracting(OnePayerManyClientsRule.ClientPayment::clientId).containsExactlyInAnyOrder("C1", "C2");
        assertThat(fromAccount).extracting(OnePayerManyClientsRule.ClientPayment::paymentKey)
                .containsExactlyInAnyOrder(ACCOUNT + "/P1", ACCOUNT + "/P2");
        assertThat(withoutAccount).extracting(OnePayerManyClientsRule.ClientPayment::clientId)
                .containsExactlyInAnyOrder("C3", "C4", "C5");
        assertThat(dayBefore).isEmpty();
    }

    /** Payment {@code P<n>} of the payer, allocated on the day to an invoice of the client. */
    private void share(int n, String payer, String payerAccount, String clientId) {
        jdbc.update("INSERT INTO bank_transaction (import_id, entry_no, transaction_no, location, account_iban, currency, direction,"
                + " amount_minor, booking_date, bank_reference, counterparty_name, counterparty_account, is_payment)"
                + " VALUES (?, ?, 1, ?, ?, 'SEK', 'C', 10000, ?, ?, ?, ?, 1)", importId, n, "Ntry[" + n + "]", ACCOUNT,
                Date.valueOf(DAY), "P" + n, payer, payerAccount);
        jdbc.update("INSERT INTO invoice_allocation (account_iban, bank_reference, allocation_no, invoice_id, client_id,"
                + " debtor_country, currency, amount_minor, fee_minor, allocated_on) VALUES (?, ?, 1, ?, ?, 'SE', 'SEK', 10000, 0, ?)",
                ACCOUNT, "P" + n, "INV-" + n, clientId, Date.valueOf(DAY));
    }
}
