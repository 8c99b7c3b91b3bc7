package se.clientfunds.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.calendar.SwedishBankingCalendar;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class DemoDataGeneratorTest {

    private final DemoDataGenerator generator = new DemoDataGenerator(new SwedishBankingCalendar());

    @TempDir
    Path tmp;

    private static DemoDataSettings small(Path out) {
        // a high anomaly rate so that every kind shows up in a few hundred payments
        return DemoDataSettings.of(out, 7, 4, 150, 42L).withAnomalyPerMille(300);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDifferentOnes() throws Exception {
        // given
        DemoDataSettings settings = small(tmp.resolve("a"));

        // when
        generator.generate(settings);
        generator.generate(settings.withOut(tmp.resolve("b")));
        generator.generate(settings.withOut(tmp.resolve("c")).withSeed(43L));

        // then
        Map<String, String> first = GeneratedFiles.sha256OfEveryFile(tmp.resolve("a"));
        Map<String, String> second = GeneratedFiles.sha256OfEveryFile(tmp.resolve("b"));
        Map<String, String> otherSeed = GeneratedFiles.sha256OfEveryFile(tmp.resolve("c"));
        assertThat(first).hasSize(3 + 2 * 4 + 1).isEqualTo(second);
        assertThat(otherSeed.keySet()).isEqualTo(first.keySet());
        first.forEach((file, hash) -> assertThat(otherSeed.get(file)).as(file).isNotEqualTo(hash));
    }

    @Test
    void everyCamtFileValidatesAgainstTheOfficialSchema() throws Exception {
        // given
        Path out = tmp.resolve("out");
        generator.generate(small(out));
        Schema camt054 = GeneratedFiles.schema("camt.054.001.08.xsd");
        Schema camt053 = GeneratedFiles.schema("camt.053.001.08.xsd");
        List<Path> notifications = GeneratedFiles.filesStartingWith(out, "camt054-");
        List<Path> statements = GeneratedFiles.filesStartingWith(out, "camt053-");

        // when
        for (Path file : notifications) {
            camt054.newValidator().validate(new StreamSource(file.toFile()));
        }
        for (Path file : statements) {
            camt053.newValidator().validate(new StreamSource(file.toFile()));
        }

        // then
        assertThat(notifications).hasSize(4);
        assertThat(statements).hasSize(4);
    }

    @Test
    void statementsAddUpAndEachOpensWithThePreviousClosingBalance() throws Exception {
        // given
        Path out = tmp.resolve("out");
        generator.generate(small(out));

        // when
        List<GeneratedFiles.Statement> statements = new ArrayList<>();
        for (Path file : GeneratedFiles.filesStartingWith(out, "camt053-")) {
            statements.add(GeneratedFiles.statement(file));
        }

        // then
        long previousClosing = 0;
        for (int i = 0; i < statements.size(); i++) {
            GeneratedFiles.Statement statement = statements.get(i);
            long credits = statement.entries().stream().filter(e -> e.direction().equals("CRDT"))
                    .mapToLong(GeneratedFiles.Entry::minorUnits).sum();
            long debits = statement.entries().stream().filter(e -> e.direction().equals("DBIT"))
                    .mapToLong(GeneratedFiles.Entry::minorUnits).sum();
            assertThat(statement.sequenceNumber()).isEqualTo(i + 1);
            assertThat(statement.opening()).as("opening of statement %d", i + 1).isEqualTo(previousClosing);
            assertThat(statement.opening() + credits - debits).as("closing of statement %d", i + 1)
                    .isEqualTo(statement.closing());
            previousClosing = statement.closing();
        }
        assertThat(previousClosing).isPositive();
    }

    @Test
    void notificationsMatchTheControlTotalsInTruth() throws Exception {
        // given
        Path out = tmp.resolve("out");
        generator.generate(small(out));

        // when
        JsonNode truth = readTruth(out);

        // then
        assertThat(truth.get("days")).hasSize(4);
        for (JsonNode day : truth.get("days")) {
            List<GeneratedFiles.Entry> entries = GeneratedFiles.notificationEntries(out.resolve(day.get("camt054").get("file").asString()));
            assertThat(entries).hasSize(day.get("camt054").get("count").asInt()).hasSize(150);
            assertThat(entries.stream().mapToLong(GeneratedFiles.Entry::minorUnits).sum())
                    .isEqualTo(GeneratedFiles.minor(day.get("camt054").get("sum").asString()));
            GeneratedFiles.Statement statement = GeneratedFiles.statement(out.resolve(day.get("camt053").get("file").asString()));
            assertThat(statement.closing()).isEqualTo(GeneratedFiles.minor(day.get("camt053").get("closing").asString()));
        }
    }

    @Test
    void everyAnomalyInTruthCanBeFoundInTheFiles() throws Exception {
        // given
        Path out = tmp.resolve("out");
        GenerationSummary summary = generator.generate(small(out));
        JsonNode truth = readTruth(out);
        Map<String, GeneratedFiles.Entry> notified = new HashMap<>();
        Map<String, GeneratedFiles.Entry> booked = new HashMap<>();
        for (Path file : GeneratedFiles.filesStartingWith(out, "camt054-")) {
            GeneratedFiles.notificationEntries(file).forEach(e -> notified.put(e.ref(), e));
        }
        for (Path file : GeneratedFiles.filesStartingWith(out, "camt053-")) {
            GeneratedFiles.statement(file).entries().forEach(e -> booked.put(e.ref(), e));
        }
        Map<String, CSVRecord> invoicesById = csv(out.resolve("invoices.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("invoice_id"), Function.identity()));
        Set<String> invoiceOcrs = invoicesById.values().stream().map(r -> r.get("ocr")).collect(Collectors.toSet());
        Map<String, CSVRecord> refundsByPayment = csv(out.resolve("refunds.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("payment_ref"), Function.identity()));

        // when
        Set<AnomalyType> seen = EnumSet.noneOf(AnomalyType.class);
        for (JsonNode anomaly : truth.get("anomalies")) {
            AnomalyType type = AnomalyType.valueOf(anomaly.get("type").asString());
            seen.add(type);
            String ref = anomaly.get("paymentRef").asString();
            long amount = GeneratedFiles.minor(anomaly.get("amount").asString());
            GeneratedFiles.Entry payment = notified.get(ref);
            assertThat(anomaly.get("expected").asString()).isEqualTo(type.expected());

            // then
            switch (type) {
                case INVALID_OCR -> {
                    assertThat(OcrReference.isValid(payment.ocr())).as(ref).isFalse();
                    assertThat(booked).containsKey(ref);
                    assertThat(anomaly.has("invoiceId")).isFalse();
                }
                case UNKNOWN_OCR -> {
                    assertThat(OcrReference.isValid(payment.ocr())).as(ref).isTrue();
                    assertThat(invoiceOcrs).doesNotContain(payment.ocr());
                }
                case UNDERPAYMENT -> assertThat(payment.minorUnits()).isEqualTo(amount)
                        .isLessThan(invoiceAmount(invoicesById, anomaly, payment));
                case OVERPAYMENT -> {
                    long invoiceAmount = invoiceAmount(invoicesById, anomaly, payment);
                    assertThat(payment.minorUnits()).isEqualTo(amount).isGreaterThan(invoiceAmount);
                    if (anomaly.has("refundId")) {
                        CSVRecord refund = refundsByPayment.get(ref);
                        assertThat(refund.get("refund_id")).isEqualTo(anomaly.get("refundId").asString());
                        assertThat(GeneratedFiles.minor(refund.get("amount"))).isEqualTo(amount - invoiceAmount);
                        assertThat(refund.get("to_account")).isEqualTo(payment.debtorIban());
                    }
                }
                case DUPLICATE_PAYMENT -> {
                    GeneratedFiles.Entry original = notified.get(anomaly.get("relatedPaymentRef").asString());
                    assertThat(original.ocr()).isEqualTo(payment.ocr());
                    assertThat(original.minorUnits()).isEqualTo(payment.minorUnits())
                            .isEqualTo(invoiceAmount(invoicesById, anomaly, payment));
                    assertThat(booked).containsKeys(ref, original.ref());
                }
                case BANK_FEE_ON_STATEMENT_ONLY -> {
                    assertThat(notified).doesNotContainKey(ref);
                    assertThat(booked.get(ref).direction()).isEqualTo("DBIT");
                    assertThat(booked.get(ref).minorUnits()).isEqualTo(amount).isEqualTo(2_500);
                }
                case PAYMENT_MISSING_FROM_STATEMENT -> {
                    assertThat(payment.minorUnits()).isEqualTo(amount);
                    assertThat(booked).doesNotContainKey(ref);
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(AnomalyType.values());
        assertThat(summary.anomalies()).isEqualTo(truth.get("anomalies").size())
                .isEqualTo(truth.get("totals").get("anomalies").asLong());
        // everything not planted as an anomaly is on both files, so the statement has nothing else to explain
        long missing = summary.anomaliesByType().get(AnomalyType.PAYMENT_MISSING_FROM_STATEMENT);
        long fees = summary.anomaliesByType().get(AnomalyType.BANK_FEE_ON_STATEMENT_ONLY);
        assertThat(booked).hasSize((int) (notified.size() - missing + fees));
    }

    private static long invoiceAmount(Map<String, CSVRecord> invoicesById, JsonNode anomaly, GeneratedFiles.Entry payment) {
        CSVRecord invoice = invoicesById.get(anomaly.get("invoiceId").asString());
        assertThat(invoice.get("ocr")).isEqualTo(payment.ocr());
        return GeneratedFiles.minor(invoice.get("amount"));
    }

    @Test
    void extractsHaveTheExactHeadersAndValidValues() throws Exception {
        // given
        Path out = tmp.resolve("out");

        // when
        generator.generate(small(out));

        // then
        assertThat(firstLine(out.resolve("clients.csv"))).isEqualTo(DemoDataGenerator.CLIENTS_HEADER)
                .isEqualTo("client_id,org_number,name,currency,payout_account,payout_schedule,fee_fixed,fee_percent");
        assertThat(firstLine(out.resolve("invoices.csv"))).isEqualTo(
                "invoice_id,client_id,ocr,currency,amount,issue_date,due_date,debtor_name,debtor_id,debtor_country");
        assertThat(firstLine(out.resolve("refunds.csv")))
                .isEqualTo("refund_id,payment_ref,amount,currency,to_account,to_name,approved_by");
        String clientsText = Files.readString(out.resolve("clients.csv"), StandardCharsets.UTF_8);
        assertThat(clientsText).doesNotContain("\r").contains("\"").containsPattern("[åäöÅÄÖ]");

        List<CSVRecord> clients = csv(out.resolve("clients.csv"));
        assertThat(clients).hasSize(7);
        assertThat(clients).anySatisfy(c -> assertThat(c.get("name")).contains(","));
        assertThat(clients).anySatisfy(c -> assertThat(c.get("name")).contains("\""));
        for (CSVRecord client : clients) {
            assertThat(Iban.isValid(client.get("payout_account"))).isTrue();
            assertThat(client.get("payout_schedule")).isIn("DAILY", "WEEKLY");
            assertThat(client.get("fee_fixed")).matches("\\d+\\.\\d{2}");
            assertThat(client.get("fee_percent")).matches("\\d+\\.\\d{2}");
        }

        List<CSVRecord> invoices = csv(out.resolve("invoices.csv"));
        assertThat(invoices).hasSize(4 * 150);
        Set<String> clientIds = clients.stream().map(c -> c.get("client_id")).collect(Collectors.toSet());
        Set<String> ocrs = new HashSet<>();
        for (CSVRecord invoice : invoices) {
            assertThat(OcrReference.isValid(invoice.get("ocr"))).isTrue();
            assertThat(ocrs.add(invoice.get("ocr"))).as("unique OCR %s", invoice.get("ocr")).isTrue();
            assertThat(clientIds).contains(invoice.get("client_id"));
            assertThat(Money.parse(invoice.get("amount"), DemoDataSettings.DEFAULT_CURRENCY).isPositive()).isTrue();
            assertThat(LocalDate.parse(invoice.get("due_date"))).isAfter(LocalDate.parse(invoice.get("issue_date")));
        }
        for (CSVRecord refund : csv(out.resolve("refunds.csv"))) {
            assertThat(Iban.isValid(refund.get("to_account"))).isTrue();
            assertThat(refund.get("amount")).matches("\\d+\\.\\d{2}");
        }
    }

    @Test
    void writesFilesForSwedishBankingDaysOnly() throws Exception {
        // given midsummer eve 2026 is Friday 19 June, a bank holiday
        Path out = tmp.resolve("out");
        DemoDataSettings settings = DemoDataSettings.of(out, 2, 3, 5, 1L).withStart(LocalDate.of(2026, 6, 18));

        // when
        generator.generate(settings);

        // then
        assertThat(GeneratedFiles.filesStartingWith(out, "camt053-")).extracting(p -> p.getFileName().toString())
                .containsExactly("camt053-20260618.xml", "camt053-20260622.xml", "camt053-20260623.xml");
        assertThat(GeneratedFiles.filesStartingWith(out, "camt054-")).extracting(p -> p.getFileName().toString())
                .containsExactly("camt054-20260618.xml", "camt054-20260622.xml", "camt054-20260623.xml");
    }

    @Test
    void startsOnTheFirstBankingDayOnOrAfterTheStartDate() throws Exception {
        // given 2026-01-01 is New Year's Day; the default start 2026-01-02 is a Friday
        Path out = tmp.resolve("out");

        // when
        generator.generate(DemoDataSettings.of(out, 1, 2, 1, 1L).withStart(LocalDate.of(2026, 1, 1)));

        // then
        assertThat(GeneratedFiles.filesStartingWith(out, "camt053-")).extracting(p -> p.getFileName().toString())
                .containsExactly("camt053-20260102.xml", "camt053-20260105.xml");
    }

    @Test
    void generatesTwentyThousandPaymentsAndReportsProgress() throws Exception {
        // given
        Path out = tmp.resolve("out");
        List<Long> progress = new ArrayList<>();

        // when
        GenerationSummary summary = generator.generate(DemoDataSettings.of(out, 50, 4, 5_000, 7L), progress::add);

        // then
        assertThat(summary.payments()).isEqualTo(20_000);
        assertThat(summary.invoices()).isEqualTo(20_000);
        assertThat(summary.files()).hasSize(3 + 2 * 4 + 1).allSatisfy(f -> assertThat(f).isRegularFile());
        // 50 per mille by default: about 1,000 anomalies
        assertThat(summary.anomalies()).isBetween(800L, 1_200L);
        assertThat(progress).isSorted().doesNotHaveDuplicates().contains(10_000L).last().isEqualTo(20_000L);
        assertThat(csv(out.resolve("refunds.csv"))).hasSize((int) summary.refunds());
    }

    @Test
    void refusesAnAnomalyRateAboveAThousandPerMille() {
        // when / then
        assertThatThrownBy(() -> DemoDataSettings.of(tmp, 1, 1, 1, 1L).withAnomalyPerMille(1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("anomalyPerMille")
                .hasMessageContaining("1001");
    }

    private static JsonNode readTruth(Path out) throws Exception {
        try (InputStream in = Files.newInputStream(out.resolve("truth.json"))) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static String firstLine(Path file) throws Exception {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElseThrow();
        }
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
