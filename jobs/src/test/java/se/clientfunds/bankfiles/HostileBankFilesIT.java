package se.clientfunds.bankfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.camt.BankTransactionCode;
import se.clientfunds.camt.Camt054Writer;
import se.clientfunds.camt.CamtEntry;
import se.clientfunds.camt.Counterparty;
import se.clientfunds.camt.CreditDebit;
import se.clientfunds.camt.NotificationHeader;
import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/**
 * Broken and hostile bank files, generated from good ones: each is refused, leaves the ledger, the staging tables
 * and the claimed bank references exactly as they were, and says why in one line naming the file, the record and
 * the field. A home with a known ledger (one notification imported) receives them one after the other.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class HostileBankFilesIT {

    private static final String ACCOUNT = "SE4550000000058398257466";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** What a refused file must not change. */
    private static final String TABLES = "journal_entry, journal_line, bank_section, bank_entry, bank_transaction,"
            + " accepted_bank_reference";

    @Autowired
    FileImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SettlementHome home;

    @TempDir
    Path dir;

    @BeforeEach
    void knownLedger() throws Exception {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.quarantine(), home.archive());
        Path known = notification("known.xml", entry("KNOWN-1", 10_000), entry("KNOWN-2", 25_050));
        assertThat(imports.importFile(known, DAY).status()).isEqualTo(ImportOutcome.Status.IMPORTED);
    }

    @Test
    void everyBrokenOrHostileFileIsRefusedAndChangesNothing() throws Exception {
        // given good files of each format, and broken copies of them
        String camt = Files.readString(notification("base.xml", entry("BK-1", 10_000), entry("BK-2", 20_000)));
        String mt940 = """
                :20:STMT-1
                :25:SE4550000000058398257466
                :28C:1/1
                :60F:C260227SEK1000,00
                :61:2603020302C250,00NTRFNONREF//M1
                :86:Invoice 4711
                :62F:C260302SEK1250,00
                -
                """.replace("\n", "\r\n");
        String bgmax = Files.readString(Path.of("../../shared/samples/bgmax/minimal.txt"), StandardCharsets.ISO_8859_1);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("truncated.xml", utf8(camt.substring(0, camt.length() / 2)));
        files.put("flipped-digit.xml", utf8(camt.replaceFirst("(<Ntry>\\s*<Amt Ccy=\"SEK\">)100\\.00", "$1190.00")));
        files.put("totals-off-by-one-ore.xml", utf8(camt.replaceFirst("<Ntry>", "<TxsSummry><TtlNtries><NbOfNtries>2</NbOfNtries>"
                + "<Sum>300.01</Sum></TtlNtries></TxsSummry><Ntry>")));
        files.put("duplicated-entry.xml", utf8(camt.replaceFirst("(?s)(<Ntry>.*?</Ntry>)", "$1$1")));
        files.put("wrong-currency.xml", utf8(camt.replace("Ccy=\"SEK\"", "Ccy=\"EUR\"").replace("<Ccy>SEK</Ccy>", "<Ccy>EUR</Ccy>")));
        files.put("unknown-account.xml", utf8(camt.replace(ACCOUNT, "SE3550000000054910000003")));
        files.put("oversize-reference.xml", utf8(camt.replace(">BK-1<", ">" + "R".repeat(200) + "<")));
        files.put("latin1-in-utf8.xml", latin1(camt.replace("Payer AB", "Payer Åkesson AB")));
        files.put("doctype.xml", utf8(camt.replaceFirst("\\?>", "?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")));
        files.put("empty.xml", new byte[0]);
        files.put("binary.bin", random(4096));
        files.put("truncated.sta", utf8(mt940.substring(0, mt940.indexOf(":62F:"))));
        files.put("oversize-reference.sta", utf8(mt940.replace("//M1", "//" + "M".repeat(200))));
        files.put("off-by-one-ore.sta", utf8(mt940.replace("SEK1250,00", "SEK1250,01")));
        files.put("flipped-digit-bgmax.txt", latin1(bgmax.replaceFirst("110000", "190000")));
        String before = snapshot();

        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.write(path, file.getValue());

            // when
            ImportOutcome outcome = imports.importFile(path, DAY);

            // then it is refused, in one line that names the file, and nothing changed
            assertThat(outcome.status()).as(file.getKey() + ": " + outcome.message()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(outcome.message()).as(file.getKey()).startsWith(file.getKey()).doesNotContain("\n", "Exception");
            assertThat(snapshot()).as(file.getKey() + " changed the ledger or the staging").isEqualTo(before);
            assertThat(home.quarantine().resolve(file.getKey())).as(file.getKey() + " quarantined").exists();
            refusals.add(outcome.message());
        }

        // and each reason names the record and the field (or what the file is)
        assertThat(refusals).satisfiesExactly(
                m -> assertThat(m).contains("line").contains("column"),
                m -> assertThat(m).contains("Ntry[1]").contains("190.00 SEK"),
                m -> assertThat(m).contains("TtlNtries/Sum").contains("300.01").contains("300.00"),
                m -> assertThat(m).contains("BK-1"),
                m -> assertThat(m).contains("EUR").contains("SEK"),
                m -> assertThat(m).contains("SE3550000000054910000003"),
                m -> assertThat(m).contains("Ntry[1]/AcctSvcrRef").contains("200 characters").contains("Max35Text"),
                m -> assertThat(m).contains("UTF-8"),
                m -> assertThat(m).containsIgnoringCase("DOCTYPE"),
                m -> assertThat(m).isEqualTo("empty.xml: file is empty"),
                m -> assertThat(m).contains("line 1").contains("column 2").contains("UTF-8"),
                m -> assertThat(m).contains("line").contains("truncated"),
                m -> assertThat(m).contains("line 5").contains("entry reference").contains("200 characters long")
                        .contains("bank_entry.entry_reference keeps 140"),
                m -> assertThat(m).contains("opening + entries != closing").contains("1250.01"),
                m -> assertThat(m).contains("TK15").contains("1900.00 SEK"));
    }

    @Test
    void aFileWithAByteOrderMarkAndWindowsLineEndingsIsReadLikeAnyOther() throws Exception {
        // given the same notification as an editor on Windows saves it: a UTF-8 byte order mark and CRLF line ends
        String camt = Files.readString(notification("plain.xml", entry("BOM-1", 12_345), entry("BOM-2", 1)));
        Path saved = dir.resolve("saved.xml");
        Files.write(saved, utf8("\uFEFF" + camt.replace("\r\n", "\n").replace("\n", "\r\n")));

        // when
        ImportOutcome outcome = imports.importFile(saved, DAY);

        // then both payments are posted, exactly
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForList("SELECT CONCAT(bank_reference, ' ', amount_minor) FROM bank_transaction t"
                + " JOIN imported_file f ON f.id = t.import_id WHERE f.file_name = 'saved.xml' ORDER BY 1", String.class))
                .containsExactly("BOM-1 12345", "BOM-2 1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE reference LIKE '%/BOM-%'", Long.class)).isEqualTo(2);
    }

    @Test
    void aBatchWithoutDetailsOnAnAccountABankgiroPaysIntoIsLeftToTheBgMaxFile() throws Exception {
        // given a notification reporting a bankgiro deposit of 4 as one entry without its transactions, and the
        // BGMax file of the same deposit (here its one payment)
        String camt = Files.readString(notification("lump.xml", entry("LUMP-1", 110_000)));
        Path lump = dir.resolve("lump-without-details.xml");
        Files.write(lump, utf8(camt.replaceFirst("(?s)<NtryDtls>.*</NtryDtls>",
                "<NtryDtls><Btch><NbOfTxs>4</NbOfTxs></Btch></NtryDtls>")));
        Path bgmax = dir.resolve("bgmax.txt");
        Files.copy(Path.of("../../shared/samples/bgmax/minimal.txt"), bgmax);

        // when
        ImportOutcome notified = imports.importFile(lump, DAY);
        ImportOutcome deposit = imports.importFile(bgmax, DAY);

        // then the lump is kept for reconciliation, not posted, and the import says why; the BGMax payment is posted
        assertThat(notified.status()).as(notified.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(notified.message()).contains("Ntfctn[1]/Ntry[1]: a batch of 4 for 1100.00 SEK without its transactions,"
                + " on an account bankgiro 9912346 pays into: not posted from this file");
        assertThat(deposit.status()).as(deposit.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForList("SELECT CONCAT(f.file_name, ' ', t.amount_minor, ' ', t.is_payment) FROM bank_transaction t"
                + " JOIN imported_file f ON f.id = t.import_id WHERE f.file_name IN ('lump-without-details.xml', 'bgmax.txt')"
                + " ORDER BY 1", String.class)).containsExactly("bgmax.txt 110000 1", "lump-without-details.xml 110000 0");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class)).isEqualTo(3);
    }

    @Test
    void aQuirkTheReaderToleratesIsImportedWithItsWarningKept() throws Exception {
        // given a statement with a German bank's own :NS: field
        Path statement = dir.resolve("with-ns.sta");
        Files.writeString(statement, String.join("\r\n", ":20:STMT-NS", ":25:" + ACCOUNT, ":28C:4/1", ":60F:C260227SEK1000,00",
                ":61:2603020302C250,00NTRFNONREF//NS1", ":86:Invoice 4711", ":NS:22Kalles", ":62F:C260302SEK1250,00", "-", ""));

        // when
        ImportOutcome outcome = imports.importFile(statement, DAY);

        // then it is imported, and the operator is told what was not read, now and in the file's record
        String warning = "1 warning: line 7: :NS: is a bank's own field, not SWIFT's; it and every other :NS: of the file"
                + " are not read";
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(outcome.message()).isEqualTo(warning);
        assertThat(jdbc.queryForObject("SELECT reason FROM imported_file WHERE file_name = 'with-ns.sta'", String.class))
                .isEqualTo(warning);
    }

    /** Every row of the tables a refused file must leave alone, as one comparable text. */
    private String snapshot() {
        StringBuilder text = new StringBuilder();
        for (String table : TABLES.split(",\\s*")) {
            text.append(table).append(": ").append(jdbc.queryForList("SELECT * FROM " + table).stream()
                    .map(Object::toString).sorted().toList()).append('\n');
        }
        return text.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(14).nextBytes(bytes);
        return bytes;
    }

    private Path notification(String name, CamtEntry... entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
             Camt054Writer writer = new Camt054Writer(out, new NotificationHeader("MSG-" + name,
                     OffsetDateTime.of(2026, 3, 2, 18, 0, 0, 0, ZoneOffset.ofHours(1)), "NTF-" + name, Iban.parse(ACCOUNT),
                     java.util.Currency.getInstance("SEK"), null))) {
            for (CamtEntry entry : entries) {
                writer.write(entry);
            }
        }
        return file;
    }

    private static CamtEntry entry(String reference, long minor) {
        return new CamtEntry(Money.ofMinor(minor, "SEK"), CreditDebit.CRDT, DAY, DAY, reference, "E2E-" + reference,
                BankTransactionCode.RECEIVED_CREDIT_TRANSFER, new Counterparty("Payer AB", "SE", null), "7350");
    }
}
