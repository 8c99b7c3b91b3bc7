package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.app.Console;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' commands ({@code positions}, {@code unallocated}, {@code invoices}, {@code allocate}) on a home that
 * has run a generated business day with many anomalies, checked against the generator's truth.json. One home for the
 * class, because every command starts the embedded database; the allocation changes the books, so it runs after the
 * queries that read the day as run-day left it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorCommandsIT {

    private static final String DAY = "2026-01-02";
    private static final String NEXT_BANKING_DAY = "2026-01-05";
    private static final String BANK = "BANK:SE4550000000058398257466";
    private static final String POSITIONS_HEADER = "account,currency,opening,debit,credit,closing";

    @TempDir
    static Path dir;

    private static Path home;
    private static List<JsonNode> anomalies;
    private static List<Map<String, String>> clients;

    @BeforeAll
    static void runAGeneratedDayWithManyAnomalies() throws IOException {
        Path generated = dir.resolve("generated");
        Run generate = settle("generate", "--out", generated.toString(), "--clients", "4", "--days", "1",
                "--payments-per-day", "40", "--anomaly-rate", "300");
        assertThat(generate.exitCode).as(generate.err).isZero();
        home = dir.resolve("home");
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        for (String file : List.of("clients.csv", "invoices.csv", "refunds.csv", "camt054-20260102.xml", "camt053-20260102.xml")) {
            Files.copy(generated.resolve(file), inbox.resolve(file));
        }
        Run day = settle("--home", home.toString(), "run-day", DAY);
        // the planted receipts that never reach the statement leave the day short of what it owes: it says so
        assertThat(day.exitCode).as(day.out + day.err).isEqualTo(SettleCommand.NEEDS_ATTENTION);
        assertThat(day.err).contains("NEEDS ATTENTION: " + DAY + ": safeguarding shortfall of ");
        anomalies = new ArrayList<>();
        JsonMapper.builder().build().readTree(Files.readString(generated.resolve("truth.json"))).get("anomalies")
                .forEach(anomalies::add);
        clients = csv(Files.readString(generated.resolve("clients.csv")));
    }

    @Test
    @Order(1)
    void positionsOfTheClosedDayHaveARowPerAccountAndBankEqualsWhatIsOwed() throws Exception {
        // when
        Run csv = settle("--home", home.toString(), "positions", DAY, "--format", "csv");
        Run json = settle("--home", home.toString(), "positions", DAY, "--format", "json");

        // then
        assertThat(csv.exitCode).as(csv.err).isZero();
        assertThat(csv.err).as("a closed day is not provisional").isEmpty();
        assertThat(csv.out.lines().findFirst()).contains(POSITIONS_HEADER);
        Map<String, Map<String, String>> positions = byColumn(csv(csv.out), "account");
        Set<String> expectedAccounts = clients.stream().map(client -> "CLIENT:" + client.get("client_id"))
                .collect(Collectors.toCollection(TreeSet::new));
        expectedAccounts.addAll(List.of(BANK, "UNALLOCATED", "DEBTOR_CREDIT", "PLATFORM_FEES"));
        assertThat(positions.keySet()).containsExactlyInAnyOrderElementsOf(expectedAccounts);
        assertThat(positions.values()).allSatisfy(row -> {
            assertThat(row.get("currency")).isEqualTo("SEK");
            assertThat(row.get("closing")).matches("-?[0-9]+\\.[0-9]{2}");
        });
        BigDecimal bank = sum(positions.values(), row -> row.get("account").startsWith("BANK:"), "closing");
        BigDecimal owed = sum(positions.values(), row -> !row.get("account").startsWith("BANK:"), "closing");
        assertThat(bank).isPositive().isEqualByComparingTo(owed);
        BigDecimal waiting = anomalies.stream().filter(OperatorCommandsIT::leftUnallocated)
                .map(anomaly -> new BigDecimal(anomaly.get("amount").asString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(positions.get("UNALLOCATED").get("closing"))).isPositive().isEqualByComparingTo(waiting);

        assertThat(json.exitCode).as(json.err).isZero();
        JsonNode rows = JsonMapper.builder().build().readTree(json.out);
        assertThat(rows.size()).isEqualTo(positions.size());
        assertThat(rows.get(0).get("account").asString()).isEqualTo(BANK);
        assertThat(rows.get(0).get("closing").asString()).isEqualTo(positions.get(BANK).get("closing"));
    }

    @Test
    @Order(2)
    void unallocatedListsThePaymentsWithAnInvalidOrUnknownOcrWithTheirAmountsAndWhy() {
        // given
        List<JsonNode> expected = anomalies.stream().filter(OperatorCommandsIT::leftUnallocated).toList();
        assertThat(expected).as("the generated day plants invalid and unknown OCRs").hasSizeGreaterThanOrEqualTo(2);

        // when
        Run run = settle("--home", home.toString(), "unallocated", "--format", "csv");

        // then
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out.lines().findFirst())
                .contains("payment,booking_date,currency,amount,unallocated,reason,debtor_name,references");
        Map<String, Map<String, String>> payments = byColumn(csv(run.out), "payment");
        assertThat(payments).hasSize(expected.size());
        for (JsonNode anomaly : expected) {
            Map<String, String> row = payments.get("SE4550000000058398257466/" + anomaly.get("paymentRef").asString());
            assertThat(row).as(anomaly.toString()).isNotNull();
            assertThat(row.get("booking_date")).isEqualTo(DAY);
            assertThat(row.get("currency")).isEqualTo(anomaly.get("currency").asString());
            assertThat(row.get("amount")).isEqualTo(anomaly.get("amount").asString());
            assertThat(row.get("unallocated")).isEqualTo(anomaly.get("amount").asString());
            assertThat(row.get("reason")).startsWith(anomaly.get("type").asString() + ":");
            assertThat(row.get("references")).isEqualTo(anomaly.get("ocr").asString());
        }
    }

    @Test
    @Order(3)
    void invoicesPartialHoldTheUnderpaidInvoicesWithWhatIsOutstanding() {
        // given
        List<JsonNode> underpaid = anomalies.stream().filter(anomaly -> anomaly.get("type").asString().equals("UNDERPAYMENT")).toList();
        assertThat(underpaid).isNotEmpty();

        // when
        Run run = settle("--home", home.toString(), "invoices", "--status", "partial", "--format", "csv");

        // then
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out.lines().findFirst())
                .contains("invoice_id,client_id,ocr,currency,amount,paid,outstanding,due_date,debtor_name");
        Map<String, Map<String, String>> invoices = byColumn(csv(run.out), "invoice_id");
        for (JsonNode anomaly : underpaid) {
            Map<String, String> row = invoices.get(anomaly.get("invoiceId").asString());
            assertThat(row).as(anomaly.toString()).isNotNull();
            assertThat(row.get("ocr")).isEqualTo(anomaly.get("ocr").asString());
            assertThat(row.get("amount")).isEqualTo(anomaly.get("invoiceAmount").asString());
            assertThat(row.get("paid")).isEqualTo(anomaly.get("amount").asString());
            assertThat(row.get("outstanding")).isEqualTo(anomaly.get("outstanding").asString());
        }
    }

    @Test
    @Order(4)
    void anOperatorAllocatesAWaitingPaymentToAnOpenInvoiceBookedOnTheNextBankingDay() {
        // given a payment waiting in UNALLOCATED and an invoice nothing has been paid on
        String bankReference = anomalies.stream().filter(OperatorCommandsIT::leftUnallocated).findFirst().orElseThrow()
                .get("paymentRef").asString();
        String payment = "SE4550000000058398257466/" + bankReference;
        Map<String, String> waiting = byColumn(csv(settle("--home", home.toString(), "unallocated", "--format", "csv").out),
                "payment").get(payment);
        Map<String, String> invoice = csv(settle("--home", home.toString(), "invoices", "--status", "open", "--format", "csv").out)
                .get(0);
        String invoiceId = invoice.get("invoice_id");
        BigDecimal outstanding = new BigDecimal(invoice.get("outstanding"));
        BigDecimal unallocatedBefore = new BigDecimal(waiting.get("unallocated"));
        BigDecimal allocated = unallocatedBefore.min(outstanding);
        BigDecimal unallocatedAccountBefore = new BigDecimal(byColumn(csv(settle("--home", home.toString(), "positions", DAY,
                "--format", "csv").out), "account").get("UNALLOCATED").get("closing"));

        // when
        Run allocate = settle("--home", home.toString(), "allocate", bankReference, invoiceId, "--reason", "phoned the payer",
                "--operator", "anna");

        // then
        assertThat(allocate.exitCode).as(allocate.err).isZero();
        assertThat(allocate.out).contains("payment " + payment + ": " + allocated.toPlainString() + " SEK allocated to invoice "
                + invoiceId + " by anna", "still unallocated: " + unallocatedBefore.subtract(allocated).toPlainString() + " SEK",
                "booked on:         " + NEXT_BANKING_DAY);

        Map<String, String> waitingAfter = byColumn(csv(settle("--home", home.toString(), "unallocated", "--format", "csv").out),
                "payment").get(payment);
        if (allocated.compareTo(unallocatedBefore) == 0) {
            assertThat(waitingAfter).isNull();
        } else {
            assertThat(new BigDecimal(waitingAfter.get("unallocated"))).isEqualByComparingTo(unallocatedBefore.subtract(allocated));
        }

        String statusAfter = allocated.compareTo(outstanding) == 0 ? "paid" : "partial";
        Map<String, String> invoiceAfter = byColumn(csv(settle("--home", home.toString(), "invoices", "--status", statusAfter,
                "--format", "csv").out), "invoice_id").get(invoiceId);
        assertThat(invoiceAfter).as(invoiceId + " " + statusAfter).isNotNull();
        assertThat(new BigDecimal(invoiceAfter.get("paid"))).isEqualByComparingTo(allocated);

        Run nextDay = settle("--home", home.toString(), "positions", NEXT_BANKING_DAY, "--format", "csv");
        assertThat(nextDay.exitCode).as(nextDay.err).isZero();
        assertThat(nextDay.err).contains("business day " + NEXT_BANKING_DAY + " is not closed", "provisional");
        Map<String, Map<String, String>> provisional = byColumn(csv(nextDay.out), "account");
        assertThat(new BigDecimal(provisional.get("UNALLOCATED").get("opening"))).isEqualByComparingTo(unallocatedAccountBefore);
        assertThat(new BigDecimal(provisional.get("UNALLOCATED").get("closing")))
                .isEqualByComparingTo(unallocatedAccountBefore.subtract(allocated));
        assertThat(sum(provisional.values(), row -> row.get("account").startsWith("BANK:"), "closing"))
                .isEqualByComparingTo(sum(provisional.values(), row -> !row.get("account").startsWith("BANK:"), "closing"));
    }

    @Test
    @Order(5)
    void brokenInputExitsTwoNamingTheCause() {
        // when
        Run unknownPayment = settle("--home", home.toString(), "allocate", "NO-SUCH-REF", "INV0000000001", "--reason", "x");
        List<JsonNode> waiting = anomalies.stream().filter(OperatorCommandsIT::leftUnallocated).toList();
        Run unknownInvoice = settle("--home", home.toString(), "allocate",
                waiting.get(waiting.size() - 1).get("paymentRef").asString(), "INV-NONE", "--reason", "x");
        Run noReason = settle("--home", home.toString(), "allocate", "BK20260102-0000005", "INV0000000001");
        Run badDate = settle("--home", home.toString(), "positions", "2026-13-01");
        Run badStatus = settle("--home", home.toString(), "invoices", "--status", "overdue");
        Run badFormat = settle("--home", home.toString(), "unallocated", "--format", "xml");

        // then
        assertThat(unknownPayment.exitCode).isEqualTo(2);
        assertThat(unknownPayment.err).contains("allocate: payment NO-SUCH-REF: no allocated payment has that reference");
        assertThat(unknownInvoice.exitCode).isEqualTo(2);
        assertThat(unknownInvoice.err).contains("invoice INV-NONE: no imported invoice has that id");
        assertThat(noReason.exitCode).isEqualTo(2);
        assertThat(noReason.err).contains("Missing required option: '--reason=TEXT'");
        assertThat(badDate.exitCode).isEqualTo(2);
        assertThat(badDate.err).contains("2026-13-01", "DATE");
        assertThat(badStatus.exitCode).isEqualTo(2);
        assertThat(badStatus.err).contains("status 'overdue' is not one of open, partial, paid");
        assertThat(badFormat.exitCode).isEqualTo(2);
        assertThat(badFormat.err).contains("format 'xml' is not one of table, csv, json");
    }

    @Test
    @Order(6)
    void aLargeAllocationOnTheCommandLineIsRefusedAndProposalsAreDecidedOnlyByALogin() throws IOException {
        try {
            // given a settlement.yml that is not YAML Spring takes (a key twice), then every command says where, in one line
            Files.writeString(home.resolve("settlement.yml"), "settlement:\n  approvals:\n    allocate-above: { SEK: 1.00 }\n"
                    + "settlement:\n  reports:\n    locale: sv\n");
            Run twice = settle("--home", home.toString(), "approvals");
            assertThat(twice.exitCode).isEqualTo(2);
            assertThat(twice.err.strip()).isEqualTo("approvals: " + home.toAbsolutePath().normalize().resolve("settlement.yml")
                    + " line 4, column 1: found duplicate key settlement (while constructing a mapping); write each key once,"
                    + " e.g. one settlement: with every section under it");
            // and an amount with more decimals than the currency has is refused naming the key
            Files.writeString(home.resolve("settlement.yml"), "settlement:\n  approvals:\n    allocate-above: { SEK: 1.001 }\n");
            Run decimals = settle("--home", home.toString(), "approvals");
            assertThat(decimals.exitCode).isEqualTo(2);
            assertThat(decimals.err).contains("settlement.approvals.allocate-above.SEK: '1.001' has more decimals than SEK or is too large");

            // given four eyes above 1.00 SEK, a payment still waiting and an open invoice
            Files.writeString(home.resolve("settlement.yml"), "settlement:\n  approvals:\n    allocate-above: { SEK: 1.00 }\n");
            Map<String, String> waiting = csv(settle("--home", home.toString(), "unallocated", "--format", "csv").out).get(0);
            String payment = waiting.get("payment");
            String invoiceId = csv(settle("--home", home.toString(), "invoices", "--status", "open", "--format", "csv").out).get(0)
                    .get("invoice_id");

            // when anna allocates it on the command line, then it is refused, exit 2 (four eyes need both people known by a
            // login), and nothing changes
            Run refused = settle("--home", home.toString(), "allocate", payment, invoiceId, "--reason", "phoned the payer",
                    "--operator", "anna");
            assertThat(refused.exitCode).isEqualTo(2);
            assertThat(refused.err).contains(" is above 1.00 SEK, so a second person approves it; propose it in the console or the"
                    + " API, where who proposes and who approves are known by their logins");
            assertThat(byColumn(csv(settle("--home", home.toString(), "unallocated", "--format", "csv").out), "payment").get(payment)
                    .get("unallocated")).isEqualTo(waiting.get("unallocated"));
            assertThat(csv(settle("--home", home.toString(), "approvals", "--all", "--format", "csv").out)).isEmpty();
            // and deciding a proposal on the command line is refused too, naming where it is done
            Run approve = settle("--home", home.toString(), "approvals", "approve", "1", "--reason", "fine", "--operator", "bertil");
            assertThat(approve.exitCode).isEqualTo(2);
            assertThat(approve.err).contains("approval 1 is approved by a logged-in user in the console or the API");
            Run reject = settle("--home", home.toString(), "approvals", "reject", "1", "--reason", "no", "--operator", "bertil");
            assertThat(reject.exitCode).isEqualTo(2);
            assertThat(reject.err).contains("approval 1 is rejected or withdrawn by a logged-in user in the console or the API");
        } finally {
            Files.delete(home.resolve("settlement.yml"));
        }
    }

    @Test
    void everyOperatorCommandHasHelp() {
        // when
        Run settleHelp = settle("--help");

        // then
        assertThat(settleHelp.out).contains("positions", "invoices", "unallocated", "allocate");
        for (String command : new String[] {"positions", "invoices", "unallocated", "allocate"}) {
            Run run = settle(command, "--help");
            assertThat(run.exitCode).as(command).isZero();
            assertThat(run.out).as(command).contains("Usage: settle " + command);
        }
    }

    private static boolean leftUnallocated(JsonNode anomaly) {
        String type = anomaly.get("type").asString();
        return anomaly.get("businessDate").asString().equals(DAY) && (type.equals("INVALID_OCR") || type.equals("UNKNOWN_OCR"));
    }

    private static BigDecimal sum(Iterable<Map<String, String>> rows, Predicate<Map<String, String>> which, String column) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, String> row : rows) {
            if (which.test(row)) {
                total = total.add(new BigDecimal(row.get(column)));
            }
        }
        return total;
    }

    private static Map<String, Map<String, String>> byColumn(List<Map<String, String>> rows, String column) {
        Map<String, Map<String, String>> keyed = new LinkedHashMap<>();
        rows.forEach(row -> assertThat(keyed.put(row.get(column), row)).as("one row per " + column).isNull());
        return keyed;
    }

    /** RFC 4180 as the commands write it: one record a line, quoted cells may hold commas and doubled quotes. */
    private static List<Map<String, String>> csv(String text) {
        List<String> lines = text.lines().toList();
        List<String> header = cells(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            assertThat(cells).as(line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static Run settle(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SettleCommand.execute(args, new Console(new PrintWriter(out, true), new PrintWriter(err, true), false));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
