package se.clientfunds.bank.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.camt.CamtSchemas;

/**
 * The hand-written camt files of {@code conformance/camt}, one per class of real-world variant or broken file (issue
 * 14), each with the verdict it must get: valid (with the warnings the operator sees), refused by validation (every
 * problem), or refused while parsing (the one-line reason). Valid files are also valid against the official schema,
 * so what is accepted here is what banks may send.
 */
class CamtConformanceCorpusTest {

    /** What a file must get: exactly one of {@code parseError} or a verdict with these problems and warnings. */
    record Expected(String parseError, List<String> problems, List<String> warnings) {

        static Expected valid(String... warnings) {
            return new Expected(null, List.of(), List.of(warnings));
        }

        static Expected refused(String... problems) {
            return new Expected(null, List.of(problems), List.of());
        }

        static Expected unreadable(String reason) {
            return new Expected(reason, List.of(), List.of());
        }
    }

    static final Map<String, Expected> EXPECTED = Map.ofEntries(
            // (4) batch entries: the entry's amount stands for a batch without details; present details must add up
            Map.entry("batch-without-details.xml", Expected.valid(
                    "Ntfctn[1]/Ntry[1]: batch of 4 transactions without details: its amount 4000.00 SEK stands for the batch")),
            Map.entry("batch-partial-details-adding-up.xml", Expected.valid(
                    "Ntfctn[1]/Ntry[1]: batch says 4 transactions, details are given for 2; they add up to the entry's"
                            + " 300.00 SEK and are posted as given")),
            Map.entry("batch-partial-details-short.xml", Expected.refused(
                    "Ntfctn[1]/Ntry[1]: batch transactions add up to 300.00 SEK, the entry says 4000.00 SEK"
                            + " (details of 2 of 4 transactions)")),
            Map.entry("batch-more-details-than-count.xml", Expected.refused(
                    "Ntfctn[1]/Ntry[1]: batch says 1 transactions, holds 2")),
            // (8) declared control totals, each named by its element, to the öre
            Map.entry("totals-all-agree.xml", Expected.valid()),
            Map.entry("totals-sum-off-by-one-ore.xml", Expected.refused(
                    "Ntfctn[1]/TxsSummry/TtlNtries/Sum: says 300.01 SEK, the entries add up to 300.00 SEK")),
            Map.entry("totals-credit-count-wrong.xml", Expected.refused(
                    "Ntfctn[1]/TxsSummry/TtlCdtNtries/NbOfNtries: says 2 credit entries, the section holds 1")),
            Map.entry("totals-debit-sum-wrong.xml", Expected.refused(
                    "Ntfctn[1]/TxsSummry/TtlDbtNtries/Sum: says 100.10 SEK, the debit entries add up to 100.00 SEK")),
            Map.entry("totals-net-wrong-sign.xml", Expected.refused(
                    "Stmt[1]/TxsSummry/TtlNtries/TtlNetNtry: says the entries net -100.00 SEK, they net 100.00 SEK")),
            // (10, 5) amounts
            Map.entry("amount-leading-dot.xml", Expected.valid()),
            Map.entry("amount-extra-zero-decimals.xml", Expected.valid()),
            Map.entry("amount-extra-decimal.xml", Expected.unreadable(
                    "amount-extra-decimal.xml Ntfctn[1]/Ntry[1]/Amt: amount '12.505' has more than 2 decimals for SEK")),
            Map.entry("amount-thousands-of-digits.xml", Expected.unreadable(
                    "amount-thousands-of-digits.xml Ntfctn[1]/Ntry[1]/Amt: amount '999999999999999999999999…' has 3003"
                            + " characters; an ISO 20022 amount has at most 18 digits")),
            // (11, 5) a statement's booked balances
            Map.entry("statement-without-closing-balance.xml", Expected.refused(
                    "Stmt[1]: statement STMT-1 has no closing booked balance (CLBD), only OPBD: its money cannot be checked")),
            Map.entry("statement-only-available-balances.xml", Expected.refused(
                    "Stmt[1]: statement STMT-1 has neither an opening (OPBD or PRCD) nor a closing booked balance (CLBD),"
                            + " only OPAV, CLAV: its money cannot be checked")),
            Map.entry("statement-opening-as-prcd.xml", Expected.valid()),
            Map.entry("statement-without-balances-no-entries.xml", Expected.refused(
                    "Stmt[1]: statement STMT-1 has neither an opening (OPBD or PRCD) nor a closing booked balance (CLBD):"
                            + " its money cannot be checked")),
            // (12) pending, information and reversed entries
            Map.entry("pending-and-info-entries.xml", Expected.valid(
                    "Stmt[1]/Ntry[2]: status PDNG: not booked; 50.00 SEK is neither posted nor counted in the balances",
                    "Stmt[1]/Ntry[3]: status INFO: not booked; 75.00 SEK is neither posted nor counted in the balances")),
            Map.entry("reversal-of-a-payment.xml", Expected.valid(
                    "Ntfctn[1]/Ntry[2]: reversal (RvslInd) of -200.00 SEK (IN-1-RVSL) is never posted as a payment;"
                            + " on the statement it is a break until it is corrected")),
            Map.entry("reversal-credit.xml", Expected.valid(
                    "Ntfctn[1]/Ntry[1]: reversal (RvslInd) of 150.00 SEK (OUT-9-RVSL) is never posted as a payment;"
                            + " on the statement it is a break until it is corrected")),
            // (7) encodings
            Map.entry("utf16le-with-bom.xml", Expected.valid()),
            Map.entry("latin1-bytes-declared-utf8.xml", Expected.unreadable(
                    "latin1-bytes-declared-utf8.xml: line 15, column 39: byte C5 is not valid UTF-8")),
            // (9) the format's field lengths
            Map.entry("acctsvcrref-too-long.xml", Expected.unreadable(
                    "acctsvcrref-too-long.xml Ntfctn[1]/Ntry[1]/AcctSvcrRef: '" + "R".repeat(36)
                            + "' has 36 characters, more than the 35 of Max35Text")),
            Map.entry("ustrd-too-long.xml", Expected.unreadable(
                    "ustrd-too-long.xml Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]/RmtInf/Ustrd: '" + "x".repeat(40)
                            + "…' has 141 characters, more than the 140 of Max140Text")),
            Map.entry("name-too-long.xml", Expected.unreadable(
                    "name-too-long.xml Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]/RltdPties/Dbtr/Pty/Nm: '" + "Å".repeat(40)
                            + "…' has 141 characters, more than the 140 of Max140Text")));

    private static Path corpus() {
        try {
            return Path.of(CamtConformanceCorpusTest.class.getResource("/conformance/camt").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> files() throws IOException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void everyFileHasItsVerdict() throws IOException {
        assertThat(files()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void getsItsVerdict(String name) throws Exception {
        // given
        Path file = corpus().resolve(name);
        Expected expected = EXPECTED.get(name);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            // when / then
            if (expected.parseError() != null) {
                assertThatThrownBy(() -> validate(file, name)).isInstanceOf(BankFileException.class)
                        .hasMessage(expected.parseError());
            } else {
                BankFileVerdict verdict = validate(file, name);
                assertThat(verdict.problems()).map(BankFileVerdict.Problem::toString).as(name)
                        .containsExactlyElementsOf(expected.problems());
                assertThat(verdict.warnings()).map(BankFileVerdict.Problem::toString).as(name)
                        .containsExactlyElementsOf(expected.warnings());
                assertThat(verdict.valid()).isEqualTo(expected.problems().isEmpty());
                if (verdict.valid()) {
                    CamtSchemas.validate(verdict.version() + ".xsd", Files.readAllBytes(file));
                }
            }
        } finally {
            System.setErr(originalErr);
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as(name + ": standard error").isEmpty();
    }

    private static BankFileVerdict validate(Path file, String name) throws IOException {
        try (CamtParser parser = CamtParser.open(file)) {
            return BankFileValidation.validate(name, parser);
        }
    }
}
