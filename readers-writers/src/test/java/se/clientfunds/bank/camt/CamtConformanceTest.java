package se.clientfunds.bank.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import se.clientfunds.bank.AccountId;
import se.clientfunds.bank.BankBalance;
import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Direction;
import se.clientfunds.camt.CamtSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every camt sample in {@code shared/samples/camt} against the genkgo/camt oracle beside it, then through validation.
 * The oracle is a PHP object dump: a value already printed elsewhere is replaced by {@code "__RECURSIVITY__"}, so
 * only values it spells out are compared. genkgo signs a transaction's amount with its entry's CdtDbtInd, we take the
 * transaction's own CdtDbtInd, so transaction amounts are compared without their sign.
 */
class CamtConformanceTest {

    private static final String SEEN_BEFORE = "__RECURSIVITY__";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** genkgo's balance type names for the ISO codes. */
    private static final Map<String, List<String>> BALANCE_TYPES = Map.of(
            "opening", List.of("OPBD", "PRCD"), "closing", List.of("CLBD"), "opening_available", List.of("OPAV"),
            "closing_available", List.of("CLAV"), "forward_available", List.of("FWAV"), "information", List.of("INFO"),
            "interim_available", List.of("ITAV"), "interim", List.of("ITBD"), "expected_credit", List.of("XPCD"));

    static Stream<Path> samplesWithOracle() throws IOException {
        try (Stream<Path> files = Files.list(CamtSchemas.samples("camt"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml"))
                    .filter(f -> Files.exists(oracleOf(f))).sorted().toList().stream();
        }
    }

    private static Path oracleOf(Path xml) {
        String name = xml.getFileName().toString();
        return xml.resolveSibling(name.substring(0, name.length() - ".xml".length()) + ".json");
    }

    @Test
    void everySampleIsCovered() throws IOException {
        // given
        List<String> withoutOracle;
        try (Stream<Path> files = Files.list(CamtSchemas.samples("camt"))) {
            withoutOracle = files.filter(f -> f.getFileName().toString().endsWith(".xml"))
                    .filter(f -> !Files.exists(oracleOf(f))).map(f -> f.getFileName().toString()).toList();
        }

        // then: the one file without an oracle is the one that must be refused, tested below
        assertThat(withoutOracle).containsExactly("camt053.v2.wrong.xml");
        assertThat(samplesWithOracle().map(f -> f.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(EXPECTED_VERDICTS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesWithOracle")
    void parsesEveryValueTheOracleLists(Path xml) throws IOException {
        // given
        JsonNode oracle = JSON.readTree(oracleOf(xml));
        String name = xml.getFileName().toString();

        // when
        ParsedFile parsed = ParsedFile.of(xml);

        // then
        assertThat(parsed.format()).isEqualTo(name.startsWith("camt053") ? BankFileFormat.CAMT_053 : BankFileFormat.CAMT_054);
        assertThat(parsed.version()).matches(name.startsWith("camt053") ? "camt\\.053\\.001\\.0\\d" : "camt\\.054\\.001\\.0\\d");
        assertThat(parsed.version()).endsWith("0" + name.charAt(name.indexOf(".v") + 2));
        int compared = 0;
        BankSection section = null;
        for (JsonNode entry : oracle.get("getEntries")) {
            JsonNode record = entry.get("getRecord");
            if (record.isObject()) {
                section = parsed.section(record.get("getId").asString());
                assertSection(name, record, section);
            }
            assertThat(section).as(name + ": an oracle entry before any record").isNotNull();
            BankEntry ours = parsed.entries(section).get(entry.get("getIndex").asInt());
            assertEntry(name, entry, ours);
            compared++;
        }
        assertThat(compared).as(name + ": entries compared").isPositive();
        assertThat(oracle.get("getRecords").size()).as(name + ": number of statements or notifications")
                .isEqualTo(parsed.sections().size());
    }

    private static void assertSection(String file, JsonNode record, BankSection section) {
        String where = file + " " + section.location();
        JsonNode account = record.get("getAccount");
        assertThat(section.account().value()).as(where + " account").isEqualTo(account.get("getIdentification").asString());
        assertThat(section.account().scheme()).as(where + " account scheme").isEqualTo(
                account.get("__CLASS__").asString().endsWith("IbanAccount") ? AccountId.Scheme.IBAN : AccountId.Scheme.OTHER);
        JsonNode sequence = record.get("getElectronicSequenceNumber");
        assertThat(section.sequenceNumber()).as(where + " ElctrncSeqNb")
                .isEqualTo(sequence.isNull() ? null : Long.valueOf(sequence.asString()));
        JsonNode balances = record.path("getBalances");
        List<BankBalance> ours = section.balances();
        assertThat(ours).as(where + " balances").hasSize(balances.size());
        for (int i = 0; i < balances.size(); i++) {
            JsonNode balance = balances.get(i);
            BankBalance our = ours.get(i);
            assertThat(BALANCE_TYPES.get(balance.get("getType").asString())).as(where + " balance " + i + " type")
                    .contains(our.type());
            assertMoney(where + " balance " + our.type(), balance.get("getAmount"), our.amount().minorUnits(),
                    our.amount().currency().getCurrencyCode());
            assertThat(our.date()).as(where + " balance " + our.type() + " date").isEqualTo(date(balance.get("getDate")));
        }
    }

    private static void assertEntry(String file, JsonNode entry, BankEntry ours) {
        String where = file + " " + ours.location();
        assertMoney(where + " amount", entry.get("getAmount"), ours.signedAmount().minorUnits(),
                ours.amount().currency().getCurrencyCode());
        assertThat(ours.direction().name().substring(0, 1)).as(where + " direction")
                .isEqualTo(entry.get("getCreditDebitIndicator").asString().substring(0, 1));
        assertThat(ours.status()).as(where + " status").isEqualTo(entry.get("getStatus").asString());
        assertThat(ours.bookingDate()).as(where + " booking date").isEqualTo(date(entry.get("getBookingDate")));
        assertThat(ours.valueDate()).as(where + " value date").isEqualTo(date(entry.get("getValueDate")));
        assertThat(ours.accountServicerReference()).as(where + " AcctSvcrRef")
                .isEqualTo(text(entry.get("getAccountServicerReference")));
        assertThat(ours.bankTransactionCode()).as(where + " bank transaction code")
                .isEqualTo(transactionCode(entry.get("getBankTransactionCode")));
        assertThat(ours.paymentInformationId()).as(where + " Btch/PmtInfId")
                .isEqualTo(text(entry.get("getBatchPaymentId")));
        JsonNode details = entry.path("getTransactionDetails");
        assertThat(ours.transactions()).as(where + " transactions").hasSize(details.size());
        for (int i = 0; i < details.size(); i++) {
            JsonNode detail = resolve(details.get(i), entry.get("getTransactionDetail"));
            assertTransaction(file, detail, ours.transactions().get(i));
        }
    }

    private static void assertTransaction(String file, JsonNode detail, BankTransaction ours) {
        String where = file + " " + ours.location();
        JsonNode amount = detail.get("getAmount");
        if (amount.isObject()) {
            assertThat(ours.amount().minorUnits()).as(where + " amount")
                    .isEqualTo(Math.abs(Long.parseLong(amount.get("getAmount").asString())));
            assertThat(ours.amount().currency().getCurrencyCode()).as(where + " currency")
                    .isEqualTo(amount.get("getCurrency").get("getCode").asString());
        }
        JsonNode reference = detail.get("getReference");
        if (reference.isObject()) {
            assertThat(ours.endToEndId()).as(where + " EndToEndId").isEqualTo(text(reference.get("getEndToEndId")));
            assertThat(ours.accountServicerReference()).as(where + " Refs/AcctSvcrRef")
                    .isEqualTo(text(reference.get("getAccountServicerReference")));
        }
        JsonNode remittance = detail.get("getRemittanceInformation");
        if (remittance.isObject()) {
            List<String> references = new ArrayList<>();
            JsonNode blocks = remittance.path("getStructuredBlocks");
            if (blocks.isEmpty() && remittance.path("getStructuredBlock").isObject()) {
                blocks = JSON.createArrayNode().add(remittance.get("getStructuredBlock"));
            }
            for (int i = 0; i < blocks.size(); i++) {
                JsonNode block = resolve(blocks.get(i), remittance.get("getStructuredBlock"));
                JsonNode creditor = resolve(block.get("getCreditorReferenceInformation"),
                        remittance.get("getCreditorReferenceInformation"));
                if (creditor.isObject() && text(creditor.get("getRef")) != null) {
                    references.add(creditor.get("getRef").asString());
                }
            }
            assertThat(ours.references()).as(where + " creditor references").containsAll(references);
            List<String> unstructured = new ArrayList<>();
            JsonNode lines = remittance.path("getUnstructuredBlocks");
            for (int i = 0; i < lines.size(); i++) {
                unstructured.add(resolve(lines.get(i), remittance.get("getUnstructuredBlock")).get("getMessage").asString());
            }
            assertThat(ours.remittanceText()).as(where + " unstructured remittance")
                    .isEqualTo(unstructured.isEmpty() ? null : String.join(" ", unstructured));
        }
        // the counterparty of a credit is its debtor, of a debit its creditor
        String role = ours.direction() == Direction.CREDIT ? "Debtor" : "Creditor";
        for (JsonNode party : detail.path("getRelatedParties")) {
            JsonNode type = party.path("getRelatedPartyType");
            if (!type.path("__CLASS__").asString("").endsWith("\\" + role)) {
                continue;
            }
            if (text(type.get("getName")) != null) {
                assertThat(ours.counterparty().name()).as(where + " " + role + " name").isEqualTo(type.get("getName").asString());
            }
            if (party.path("getAccount").isObject()) {
                assertThat(ours.counterparty().account()).as(where + " " + role + " account")
                        .isEqualTo(party.get("getAccount").get("getIdentification").asString());
            }
            if (type.path("getAddress").isObject() && text(type.get("getAddress").get("getCountry")) != null) {
                assertThat(ours.counterparty().country()).as(where + " " + role + " country")
                        .isEqualTo(type.get("getAddress").get("getCountry").asString());
            }
        }
    }

    private static void assertMoney(String what, JsonNode money, long minorUnits, String currency) {
        assertThat(minorUnits).as(what).isEqualTo(Long.parseLong(money.get("getAmount").asString()));
        assertThat(currency).as(what + " currency").isEqualTo(money.get("getCurrency").get("getCode").asString());
    }

    private static String transactionCode(JsonNode code) {
        JsonNode domain = code.get("getDomain");
        if (domain.isObject()) {
            JsonNode family = domain.get("getFamily");
            return domain.get("getCode").asString() + "/" + family.get("getCode").asString() + "/"
                    + family.get("getSubFamilyCode").asString();
        }
        JsonNode proprietary = code.get("getProprietary");
        return proprietary.isObject() ? proprietary.get("getCode").asString() : null;
    }

    /** A value printed earlier stands as a marker; the caller knows where it was printed. */
    private static JsonNode resolve(JsonNode node, JsonNode printedEarlier) {
        return node.isString() && SEEN_BEFORE.equals(node.asString()) ? printedEarlier : node;
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.get("0").asString().substring(0, 10));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    // ---- validation ----

    /** Per sample: the problems validation must report, none for a file fit for import. */
    static final Map<String, List<String>> EXPECTED_VERDICTS = Map.ofEntries(
            Map.entry("camt053.v2.all-balance-types.xml", List.of(
                    "Stmt[1]: opening + entries != closing: 1.01 EUR + 8.85 EUR = 9.86 EUR, the closing balance says 4.04 EUR")),
            Map.entry("camt053.v2.five.decimals.xml", List.of(
                    "Stmt[1]: opening + entries != closing: 18.15 EUR + 8.85 EUR = 27.00 EUR, the closing balance says 27.05 EUR")),
            Map.entry("camt053.v2.minimal.xml", List.of(
                    "Stmt[1]: CLBD balance -27.00 SEK is not in the account currency EUR")),
            Map.entry("camt053.v2.minimal.ultimate.xml", List.of(
                    "Stmt[1]: CLBD balance -27.00 SEK is not in the account currency EUR")),
            Map.entry("camt053.v2.multi.statement.xml", List.of()),
            // only an available balance (CLAV): nothing about the statement's money can be checked
            Map.entry("camt053.v2.with-account-name.xml", List.of(
                    "Stmt[1]: statement 253EURCH2801234000123456789 has neither an opening (OPBD or PRCD) nor a closing"
                            + " booked balance (CLBD), only CLAV: its money cannot be checked")),
            Map.entry("camt053.v2.with-party-ids.xml", List.of(
                    "Stmt[1]: CLBD balance -27.00 SEK is not in the account currency EUR")),
            Map.entry("camt053.v3.xml", List.of(
                    "Stmt[1]/Ntry[1]: its transaction says 105.75 EUR, the entry says 8.85 EUR",
                    "Stmt[1]: CLBD balance -27.00 SEK is not in the account currency EUR")),
            Map.entry("camt053.v4.xml", List.of(
                    "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]: amount 0.00 SEK is not in the entry's currency EUR",
                    "Stmt[1]: opening + entries != closing: 18.15 EUR + 8.85 EUR = 27.00 EUR, the closing balance says -27.00 SEK")),
            Map.entry("camt053.v8.xml", List.of(
                    "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]: amount 0.00 SEK is not in the entry's currency EUR",
                    "Stmt[1]: opening + entries != closing: 18.15 EUR + 8.85 EUR = 27.00 EUR, the closing balance says -27.00 SEK")),
            Map.entry("camt054.v2.xml", List.of(
                    "Ntfctn[1]/Ntry[1]: batch transactions add up to 600000.00 SEK, the entry says 200000.00 SEK")),
            Map.entry("camt054.v2.with-account-name.xml", List.of()),
            Map.entry("camt054.v4.xml", List.of(
                    "Ntfctn[1]/Ntry[1]: batch says 2 transactions, holds 3",
                    "Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]: amount 3.10 CHF is not in the entry's currency SEK")),
            Map.entry("camt054.v8.xml", List.of(
                    "Ntfctn[1]/Ntry[1]: batch says 2 transactions, holds 3",
                    "Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]: amount 3.10 CHF is not in the entry's currency SEK")),
            Map.entry("camt054.v8-with-UETR.xml", List.of()),
            Map.entry("camt054.v8-with-financial-institution.xml", List.of()));

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesWithOracle")
    void validationRefusesTheSamplesWhoseMoneyDoesNotAddUpNamingTheReason(Path xml) throws IOException {
        // given
        String name = xml.getFileName().toString();

        // when
        BankFileVerdict verdict;
        try (CamtParser parser = CamtParser.open(xml)) {
            verdict = BankFileValidation.validate(name, parser);
        }

        // then
        assertThat(verdict.problems()).map(BankFileVerdict.Problem::toString).as(name)
                .containsExactlyElementsOf(EXPECTED_VERDICTS.get(name));
        assertThat(verdict.valid()).isEqualTo(EXPECTED_VERDICTS.get(name).isEmpty());
    }

    @Test
    void theWrongSampleIsRefusedBecauseItsStatementMessageHoldsNoStatement() {
        // given
        Path wrong = CamtSchemas.samples("camt/camt053.v2.wrong.xml");

        // when / then
        assertThatThrownBy(() -> ParsedFile.of(wrong)).isInstanceOf(BankFileException.class)
                .hasMessage("camt053.v2.wrong.xml BkToCstmrStmt: BkToCstmrStmt holds no Stmt");
    }
}
