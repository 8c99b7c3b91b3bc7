package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.SwedishBankingCalendar;
import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.money.Money;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/**
 * Issue 14, items 4 and 12, through a real import and reconciliation: a deposit reported as one batch entry
 * without transaction details, on an account no bankgiro pays into, posts once for the batch and reconciles by its reference; a pending entry posts
 * nothing; a reversal is never a second credit: the notification's reversed credit posts nothing, and the statement's
 * reversal of a payment stays unmatched, a break for the operator to correct.
 */
@SpringBootTest(classes = JobsTestApplication.class, properties = {
        // an account no bankgiro pays into (with one, a batch without details is the BGMax file's to post), in a home
        // (and embedded database) of its own, since this context lives beside the other tests' one
        "settlement.home=target/it-home-without-bankgiro", "settlement.accounts[0].iban=SE4550000000058398257466", "settlement.accounts[0].currency=SEK",
        "settlement.accounts[0].name=Client funds SEK without a bankgiro (test)"})
class BatchPendingAndReversedEntriesIT {

    private static final String ACCOUNT = "SE4550000000058398257466";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    FileImports imports;

    @Autowired
    Ledger ledger;

    @Autowired
    ReconciliationItems items;

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

    private static String entry(String amount, String indicator, String reference, String status, String more) {
        return """
                <Ntry><Amt Ccy="SEK">%s</Amt><CdtDbtInd>%s</CdtDbtInd>%s<Sts><Cd>%s</Cd></Sts>
                  <BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-02</Dt></ValDt><AcctSvcrRef>%s</AcctSvcrRef>
                  <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>%s</Ntry>
                """.formatted(amount, indicator, more.contains("RvslInd") ? "<RvslInd>true</RvslInd>" : "", status, reference,
                more.contains("RvslInd") ? "" : more);
    }

    private static final String DEPOSIT_WITHOUT_DETAILS = "<NtryDtls><Btch><NbOfTxs>4</NbOfTxs></Btch></NtryDtls>";
    private static final String ONE_PAYER = "<NtryDtls><TxDtls><Refs><EndToEndId>E2E-IN-1</EndToEndId></Refs>"
            + "<Amt Ccy=\"SEK\">200.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
            + "<RltdPties><Dbtr><Pty><Nm>Payer AB</Nm></Pty></Dbtr></RltdPties></TxDtls></NtryDtls>";

    private Path file(String name, String type, String section, String balances, String... entries) throws IOException {
        String root = "053".equals(type) ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.%s.001.08">
                  <%s>
                    <GrpHdr><MsgId>MSG-%s</MsgId><CreDtTm>2026-03-02T20:00:00+01:00</CreDtTm></GrpHdr>
                    <%s><Id>%s</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>2026-03-02T20:00:00+01:00</CreDtTm>
                      <Acct><Id><IBAN>%s</IBAN></Id><Ccy>SEK</Ccy></Acct>
                      %s
                      %s
                    </%s>
                  </%s>
                </Document>
                """.formatted(type, root, name, section, "ID-" + name, ACCOUNT, balances, String.join("", entries), section, root);
        Path file = dir.resolve(name);
        Files.writeString(file, xml);
        return file;
    }

    private static String balance(String code, String amount) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + code + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"SEK\">" + amount
                + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>";
    }

    @Test
    void aBatchWithoutDetailsPostsAndReconcilesOnceAndNeitherAPendingEntryNorAReversalIsACredit() throws Exception {
        // given the day's notification: a deposit of 4 bank-giro payments without details, a payment, a pending credit
        // and the reversal of an earlier outgoing payment; and the statement: the deposit, the payment, its reversal
        Path notification = file("camt054.xml", "054", "Ntfctn", "",
                entry("4000.00", "CRDT", "BG-DEP-1", "BOOK", DEPOSIT_WITHOUT_DETAILS),
                entry("200.00", "CRDT", "IN-1", "BOOK", ONE_PAYER),
                entry("50.00", "CRDT", "PEND-1", "PDNG", ""),
                entry("150.00", "CRDT", "OUT-9-RVSL", "BOOK", "RvslInd"));
        Path statement = file("camt053.xml", "053", "Stmt", balance("OPBD", "0") + balance("CLBD", "4000.00"),
                entry("4000.00", "CRDT", "BG-DEP-1", "BOOK", DEPOSIT_WITHOUT_DETAILS),
                entry("200.00", "CRDT", "IN-1", "BOOK", ONE_PAYER),
                entry("200.00", "DBIT", "IN-1-RVSL", "BOOK", "RvslInd"));

        // when
        ImportOutcome payments = imports.importFile(notification, DAY);
        ImportOutcome balances = imports.importFile(statement, DAY);
        Reconciler.Result result = new Reconciler(new Reconciler.Settings(Money.ofMinor(0, "SEK"), 2),
                new SwedishBankingCalendar()).reconcile(items.bankItems(DAY, ACCOUNT, "SEK", new HashMap<>()),
                items.bookItems(DAY, ACCOUNT, "SEK", new HashMap<>()));

        // then the deposit is one payment of its whole amount, the pending credit and the reversal post nothing
        assertThat(payments.status()).as(payments.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(payments.summary()).contains("3 warnings: Ntfctn[1]/Ntry[1]: batch of 4 transactions without details:"
                + " its amount 4000.00 SEK stands for the batch", "Ntfctn[1]/Ntry[3]: status PDNG: not booked",
                "Ntfctn[1]/Ntry[4]: reversal (RvslInd) of 150.00 SEK (OUT-9-RVSL) is never posted as a payment");
        assertThat(jdbc.queryForList("SELECT CONCAT(bank_reference, ' ', amount_minor) FROM bank_transaction"
                + " WHERE is_payment = 1 ORDER BY entry_no", String.class)).containsExactly("BG-DEP-1 400000", "IN-1 20000");
        assertThat(ledger.debitBalance(LedgerAccount.bank(ACCOUNT), "SEK", DAY)).isEqualTo(Money.ofMinor(420_000, "SEK"));
        assertThat(balances.status()).as(balances.message()).isEqualTo(ImportOutcome.Status.IMPORTED);

        // and reconciliation matches the deposit and the payment by reference; the reversal is left as a break
        assertThat(result.matches()).extracting(match -> match.rule() + " " + match.bank().get(0).displayReference()
                + " " + match.books().get(0).amount()).containsExactlyInAnyOrder("REFERENCE BG-DEP-1 4000.00 SEK",
                "REFERENCE IN-1 200.00 SEK");
        assertThat(result.unmatchedBank()).extracting(item -> item.displayReference() + " " + item.amount())
                .containsExactly("IN-1-RVSL -200.00 SEK");
        assertThat(result.unmatchedBooks()).isEmpty();
        assertThat(result.differences()).isEmpty();
    }
    @Test
    void aBatchSentAgainInAnotherShapeIsNotPostedTwice() throws Exception {
        // given a deposit of 4 notified as one entry without details, and later the same deposit with its 4 details;
        // and another deposit notified first with its details, later as one entry without them
        String details = "<NtryDtls><Btch><NbOfTxs>4</NbOfTxs></Btch>" + ("<TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId>"
                + "</Refs><Amt Ccy=\"SEK\">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></TxDtls>").repeat(4) + "</NtryDtls>";
        Path lumpFirst = file("lump-first.xml", "054", "Ntfctn", "", entry("4000.00", "CRDT", "DEP-A", "BOOK", DEPOSIT_WITHOUT_DETAILS));
        Path detailsAfter = file("details-after.xml", "054", "Ntfctn", "", entry("4000.00", "CRDT", "DEP-A", "BOOK", details));
        Path detailsFirst = file("details-first.xml", "054", "Ntfctn", "", entry("4000.00", "CRDT", "DEP-B", "BOOK", details));
        Path lumpAfter = file("lump-after.xml", "054", "Ntfctn", "", entry("4000.00", "CRDT", "DEP-B", "BOOK", DEPOSIT_WITHOUT_DETAILS));
        // and the same with a lump that does not even say it is a batch (an entry without NtryDtls)
        Path plainFirst = file("plain-first.xml", "054", "Ntfctn", "", entry("4000.00", "CRDT", "DEP-C", "BOOK", ""));
        Path detailsAfterPlain = file("details-after-plain.xml", "054", "Ntfctn", "", entry("4000.00", "CRDT", "DEP-C", "BOOK", details));
        Path detailsBeforePlain = file("details-before-plain.xml", "054", "Ntfctn", "", entry("4000.00", "CRDT", "DEP-D", "BOOK", details));
        Path plainAfter = file("plain-after.xml", "054", "Ntfctn", "", entry("4000.00", "CRDT", "DEP-D", "BOOK", ""));
        // and one file holding one deposit in both shapes
        Path bothShapes = file("both-shapes.xml", "054", "Ntfctn", "", entry("4000.00", "CRDT", "DEP-E", "BOOK", DEPOSIT_WITHOUT_DETAILS),
                entry("4000.00", "CRDT", "DEP-E", "BOOK", details));

        // when
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (Path file : List.of(lumpFirst, detailsAfter, detailsFirst, lumpAfter, plainFirst, detailsAfterPlain,
                detailsBeforePlain, plainAfter)) {
            outcomes.add(imports.importFile(file, DAY));
        }
        ImportOutcome refused = imports.importFile(bothShapes, DAY);

        // then the file with both shapes is refused, naming the batch
        assertThat(refused.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(refused.message()).isEqualTo("both-shapes.xml: 1 payment problem; first: Ntfctn[1]/Ntry[1]: the batch"
                + " 'DEP-E' appears more than once in this file");

        // and every other file is imported, each deposit's money is posted once, and the second shape is reported
        assertThat(outcomes).extracting(ImportOutcome::status).containsOnly(ImportOutcome.Status.IMPORTED);
        assertThat(outcomes.get(5).summary()).contains("4 duplicate payments not posted again",
                "bank reference 'DEP-C/1' was already imported from plain-first.xml");
        assertThat(outcomes.get(7).summary()).contains("1 duplicate payment not posted again",
                "bank reference 'DEP-D' was already imported from details-before-plain.xml");
        assertThat(outcomes.get(1).summary()).contains("4 duplicate payments not posted again",
                "bank reference 'DEP-A/1' was already imported from lump-first.xml");
        assertThat(outcomes.get(3).summary()).contains("1 duplicate payment not posted again",
                "bank reference 'DEP-B' was already imported from details-first.xml");
        assertThat(jdbc.queryForList("SELECT CONCAT(f.file_name, ' ', t.bank_reference, ' ', t.amount_minor) FROM bank_transaction t"
                + " JOIN imported_file f ON f.id = t.import_id WHERE t.is_payment = 1 ORDER BY t.import_id, t.transaction_no",
                String.class)).containsExactly("lump-first.xml DEP-A 400000", "details-first.xml DEP-B/1 100000",
                "details-first.xml DEP-B/2 100000", "details-first.xml DEP-B/3 100000", "details-first.xml DEP-B/4 100000",
                "plain-first.xml DEP-C 400000", "details-before-plain.xml DEP-D/1 100000", "details-before-plain.xml DEP-D/2 100000",
                "details-before-plain.xml DEP-D/3 100000", "details-before-plain.xml DEP-D/4 100000");
        assertThat(ledger.debitBalance(LedgerAccount.bank(ACCOUNT), "SEK", DAY)).isEqualTo(Money.ofMinor(1_600_000, "SEK"));
    }
}
