package se.clientfunds.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.app.Console;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayJobs;
import se.clientfunds.jobs.JobName;
import se.clientfunds.monitoring.AlertRule;
import se.clientfunds.monitoring.MonitoringSettings;
import se.clientfunds.monitoring.StructuringRule;
import se.clientfunds.reference.Iban;
import se.clientfunds.settings.SettlementHome;

/**
 * Stage {@code monitor}: {@code monitorJob} run for each of {@value #DAYS} banking days holding N incoming payments
 * between them (allocated to the invoices of their clients), against the set-based baseline: one {@code INSERT … SELECT}
 * per rule over the whole month computing the same alerts (rule, business day, subject). The rules are those the
 * bench home's configuration has in force, in SEK; the list of high-risk countries names IR.
 * <p>
 * The data (not timed) is loaded with {@code LOAD DATA LOCAL INFILE}: each payment from one of N/5 payers (a few pay
 * amounts just under the structuring threshold, and a new payer every three days pays such an amount each day), one in 997 large, one in 1,009 a round amount over its invoice, ten a
 * day in 50,000 from one payer to ten clients, one debtor in 2,003 of a high-risk country, and from the sixth day forty
 * payments a day to one client (a spike). The job's alerts must equal the baseline's, or the stage fails.
 */
final class MonitorBenchmark {

    static final int DAYS = 21;
    static final LocalDate START = LocalDate.of(2026, 1, 2);

    private static final String ACCOUNT = BankImportBenchmark.ACCOUNT.value();
    private static final List<String> EMPTIED = List.of("journal_line", "journal_entry", "journal_batch", "business_day",
            "account_position", "payment_allocation", "invoice_allocation", "bank_transaction", "bank_entry", "bank_section",
            "accepted_bank_reference", "invoice", "client", "imported_file", "aml_alert", "aml_alert_payment", "payment_hold",
            "refund_payment", "sanctions_rescreen");
    /** The rules the baseline computes: the sanctions screening has its own stage, and no refunds are paid here. */
    private static final List<AlertRule> RULES = List.of(AlertRule.LARGE_PAYMENT, AlertRule.STRUCTURING, AlertRule.ROUND_AMOUNT,
            AlertRule.ONE_PAYER_MANY_CLIENTS, AlertRule.HIGH_RISK_COUNTRY, AlertRule.VELOCITY);

    private final JdbcTemplate jdbc;
    private final DayJobs dayJobs;
    private final MonitoringSettings settings;
    private final SettlementHome home;
    private final List<LocalDate> days;
    private final long payments;
    private final long perDay;
    private final long payers;
    private final int clients;
    private String counts = "";

    MonitorBenchmark(JdbcTemplate jdbc, DayJobs dayJobs, MonitoringSettings settings, SettlementHome home,
                     BankingCalendar calendar, long payments) {
        this.jdbc = jdbc;
        this.dayJobs = dayJobs;
        this.settings = settings;
        this.home = home;
        this.payments = payments;
        this.perDay = (payments + DAYS - 1) / DAYS;
        this.payers = Math.max(100, payments / 5);
        this.clients = (int) Math.max(10, Math.min(10_000, payments / 100));
        List<LocalDate> month = new ArrayList<>();
        for (LocalDate day = calendar.onOrAfter(START); month.size() < DAYS; day = calendar.nextBankingDay(day)) {
            month.add(day);
        }
        this.days = List.copyOf(month);
    }

    /** The alerts raised per rule, for the note beside the table. */
    String counts() {
        return counts;
    }

    private int dayOf(long i) {
        return (int) (i / perDay);
    }

    private long payerOf(long i) {
        return (i * 7_919) % payers;
    }

    /** Writes the set-up rows into {@code work}; {@link #load} reads them. */
    void writeRows(Path work) throws IOException {
        long structuringLow = settings.inForce(AlertRule.STRUCTURING, START).map(StructuringRule::new)
                .map(rule -> rule.lowest(rule.thresholds().get(java.util.Currency.getInstance("SEK"))).minorUnits()).orElse(0L);
        try (BufferedWriter out = Files.newBufferedWriter(work.resolve("mb_client.tsv"), StandardCharsets.UTF_8)) {
            for (int c = 0; c < clients; c++) {
                out.append("MC").append(Integer.toString(c)).append('\t').append(Integer.toString(c + 1))
                        .append("\t556000-0000\tBench client ").append(Integer.toString(c)).append("\tSEK\t")
                        .append(Iban.of("SE", String.format("5000%016d", c)).value()).append("\tDAILY\t0\t0\n");
            }
        }
        try (BufferedWriter invoices = Files.newBufferedWriter(work.resolve("mb_invoice.tsv"), StandardCharsets.UTF_8);
             BufferedWriter transactions = Files.newBufferedWriter(work.resolve("mb_bank_transaction.tsv"), StandardCharsets.UTF_8);
             BufferedWriter allocations = Files.newBufferedWriter(work.resolve("mb_invoice_allocation.tsv"), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            for (long i = 0; i < payments; i++) {
                int day = dayOf(i);
                LocalDate date = days.get(day);
                long payer = payerOf(i);
                String name = "Bench Payer " + payer;
                String account = Iban.of("SE", String.format("7000%016d", payer)).value();
                long amount = 10_000 + (i * 7_919) % 4_000_000;
                long invoiced = amount;
                int client = (int) (i % clients);
                if ((payer % 2_000 == 17 || i % perDay == 300) && structuringLow > 0) {
                    amount = structuringLow + i % 1_000;
                    invoiced = amount;
                }
                if (i % perDay == 300) {
                    // a new structurer every three days, paying just under the threshold on each of them
                    name = "Bench Structurer " + day / 3;
                    account = Iban.of("SE", String.format("9000%016d", day / 3)).value();
                }
                if (i % 997 == 0) {
                    amount = 20_000_000;
                    invoiced = amount;
                } else if (i % 1_009 == 1) {
                    amount = 7_000_000;
                    invoiced = 6_900_000;
                }
                if (i % 50_000 >= 20 && i % 50_000 < 30) {
                    name = "Bench Many " + i / 50_000;
                    account = Iban.of("SE", String.format("8000%016d", i / 50_000)).value();
                }
                if (day >= 5 && i % perDay >= 200 && i % perDay < 240) {
                    client = day % clients;
                }
                String country = i % 2_003 == 5 ? "IR" : "SE";
                line.setLength(0);
                line.append("MI").append(i).append('\t').append(i + 1).append("\tMC").append(client).append('\t').append(i)
                        .append("\tSEK\t").append(invoiced).append('\t').append(date.minusDays(30)).append('\t').append(date)
                        .append('\t').append(name).append("\tD").append(payer).append('\t').append(country).append('\n');
                invoices.append(line);
                line.setLength(0);
                line.append(day).append('\t').append(i).append('\t').append(ACCOUNT).append("\tSEK\tC\t").append(amount)
                        .append('\t').append(date).append("\tMB").append(i).append('\t').append(name).append('\t')
                        .append(account).append("\tSE\t1\n");
                transactions.append(line);
                line.setLength(0);
                line.append(ACCOUNT).append("\tMB").append(i).append("\tMI").append(i).append("\tMC").append(client)
                        .append('\t').append(country).append('\t').append(Math.min(amount, invoiced)).append('\t').append(date).append('\n');
                allocations.append(line);
            }
        }
    }

    /** Empties the tables, loads the rows, and writes the list of high-risk countries into the home. */
    void load(Path work) throws IOException {
        BenchmarkTables.empty(jdbc, EMPTIED, "bench_alert, bench_day, bench_inflow");
        long clientsFile = BenchmarkTables.registerImported(jdbc, "mb_clients.csv", "CLIENTS", START, clients);
        long invoicesFile = BenchmarkTables.registerImported(jdbc, "mb_invoices.csv", "INVOICES", START, payments);
        List<Long> dayFiles = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            dayFiles.add(BenchmarkTables.registerImported(jdbc, "mb_camt054-" + days.get(d) + ".xml", "CAMT_054", days.get(d),
                    0));
            jdbc.update("INSERT INTO business_day (business_date, status) VALUES (?, 'CLOSED')", Date.valueOf(days.get(d)));
        }
        BenchmarkTables.loadRows(jdbc, work.resolve("mb_client.tsv"), "client", "(client_id, line_no, org_number, name,"
                + " currency, payout_account, payout_schedule, fee_fixed_minor, fee_percent) SET import_id = " + clientsFile);
        BenchmarkTables.loadRows(jdbc, work.resolve("mb_invoice.tsv"), "invoice", "(invoice_id, line_no, client_id, ocr,"
                + " currency, amount_minor, issue_date, due_date, debtor_name, debtor_id, debtor_country) SET import_id = " + invoicesFile);
        // the day's file: its import id found from the day's number
        jdbc.execute("CREATE TABLE bench_day (n INT NOT NULL PRIMARY KEY, business_date DATE NOT NULL UNIQUE,"
                + " import_id BIGINT NOT NULL)");
        for (int d = 0; d < DAYS; d++) {
            jdbc.update("INSERT INTO bench_day VALUES (?, ?, ?)", d + 1, Date.valueOf(days.get(d)), dayFiles.get(d));
        }
        BenchmarkTables.loadRows(jdbc, work.resolve("mb_bank_transaction.tsv"), "bank_transaction", "(@day, entry_no,"
                + " account_iban, currency, direction, amount_minor, booking_date, bank_reference, counterparty_name, counterparty_account,"
                + " counterparty_country, is_payment) SET import_id = (SELECT import_id FROM bench_day WHERE n = @day + 1),"
                + " transaction_no = 1, location = 'bench'");
        BenchmarkTables.loadRows(jdbc, work.resolve("mb_invoice_allocation.tsv"), "invoice_allocation", "(account_iban,"
                + " bank_reference, invoice_id, client_id, debtor_country, amount_minor, allocated_on) SET allocation_no = 1, currency = 'SEK', fee_minor = 0");
        jdbc.execute("ANALYZE TABLE client, invoice, bank_transaction, invoice_allocation, imported_file");
        Path countries = home.root().resolve(settings.highRiskCountries());
        Files.createDirectories(countries.getParent());
        Files.writeString(countries, "country,listed-from,delisted-from\nIR,2016-09-23,\n");
    }

    BenchmarkResult run() {
        jdbc.execute("CREATE TABLE bench_alert (rule VARCHAR(30) NOT NULL, business_date DATE NOT NULL,"
                + " subject VARCHAR(200) NOT NULL)");
        long baselineStart = System.nanoTime();
        baseline();
        long baselineNanos = System.nanoTime() - baselineStart;

        HeapPeak.reset();
        long start = System.nanoTime();
        for (LocalDate day : days) {
            DayJobOutcome outcome = dayJobs.run(JobName.MONITOR, day);
            if (outcome.status() != DayJobOutcome.Status.COMPLETED) {
                throw new IllegalStateException("monitorJob for " + day + " did not complete: " + outcome.summary());
            }
        }
        long nanos = System.nanoTime() - start;
        long peak = HeapPeak.peakBytes();

        String rules = String.join(", ", RULES.stream().map(rule -> "'" + rule.name() + "'").toList());
        List<String> raised = jdbc.queryForList("SELECT CONCAT(rule, '|', business_date, '|', subject) FROM aml_alert"
                + " WHERE rule IN (" + rules + ") ORDER BY 1", String.class);
        List<String> expected = jdbc.queryForList("SELECT CONCAT(rule, '|', business_date, '|', subject) FROM bench_alert"
                + " ORDER BY 1", String.class);
        if (!raised.equals(expected)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(raised);
            List<String> extra = new ArrayList<>(raised);
            extra.removeAll(expected);
            throw new IllegalStateException("monitorJob raised " + raised.size() + " alerts, the baseline " + expected.size()
                    + "; not raised: " + missing.stream().limit(5).toList() + "; not in the baseline: "
                    + extra.stream().limit(5).toList());
        }
        counts = "monitor: " + jdbc.queryForList("SELECT CONCAT(rule, ' ', COUNT(*)) FROM aml_alert WHERE rule IN (" + rules
                + ") GROUP BY rule ORDER BY rule", String.class).stream().reduce((a, b) -> a + ", " + b).orElse("no alerts")
                + String.format(Locale.ROOT, " over %d banking days of %,d payments, the same as the set-based baseline", DAYS,
                payments);
        return new BenchmarkResult("monitor", payments, nanos, baselineNanos, peak);
    }

    /** The newest imported version of invoice {@code i}, as {@code current_invoice} has it (and as the job asks). */
    private static final String NEWEST_INVOICE = " i.import_id = (SELECT MAX(i2.import_id) FROM invoice i2"
            + " JOIN imported_file f2 ON f2.id = i2.import_id AND f2.status = 'IMPORTED' WHERE i2.invoice_id = i.invoice_id)";

    /** The same alerts as set-based SQL over the whole month, one statement per rule. */
    private void baseline() {
        String payments = " FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
                + " JOIN bench_day x ON x.business_date = f.business_date"
                + " WHERE t.is_payment = 1 AND t.direction = 'C' AND t.amount_minor > 0 AND t.currency = 'SEK'";
        inForce(AlertRule.LARGE_PAYMENT).ifPresent(rule -> jdbc.update("INSERT INTO bench_alert SELECT 'LARGE_PAYMENT',"
                + " f.business_date, COALESCE(t.counterparty_name, CONCAT('(no name) ', t.account_iban, '/', t.bank_reference))"
                + payments + " AND t.amount_minor >= ?", sek(rule.thresholds())));
        inForce(AlertRule.ROUND_AMOUNT).ifPresent(rule -> jdbc.update("INSERT INTO bench_alert SELECT 'ROUND_AMOUNT',"
                + " f.business_date, COALESCE(t.counterparty_name, CONCAT('(no name) ', t.account_iban, '/', t.bank_reference))"
                + payments + " AND t.amount_minor >= ? AND MOD(t.amount_minor, ?) = 0 AND NOT EXISTS (SELECT 1"
                + " FROM invoice_allocation a JOIN invoice i ON i.invoice_id = a.invoice_id"
                + " WHERE a.account_iban = t.account_iban AND a.bank_reference = t.bank_reference"
                + " AND i.amount_minor = t.amount_minor AND" + NEWEST_INVOICE + ")", sek(rule.minimums()), sek(rule.multiples())));
        inForce(AlertRule.STRUCTURING).ifPresent(setting -> {
            StructuringRule rule = new StructuringRule(setting);
            long threshold = sek(rule.thresholds());
            long lowest = rule.lowest(rule.thresholds().get(java.util.Currency.getInstance("SEK"))).minorUnits();
            jdbc.update("INSERT INTO bench_alert SELECT 'STRUCTURING', d.business_date, b.name FROM bench_day d"
                    + " JOIN (SELECT t.counterparty_name AS name, COALESCE(t.counterparty_account, '') AS account,"
                    + "   t.amount_minor AS amount, x.n" + payments + " AND t.counterparty_name IS NOT NULL"
                    + "   AND t.amount_minor >= ? AND t.amount_minor < ?) b ON b.n BETWEEN d.n - ? AND d.n"
                    + " GROUP BY d.business_date, b.name, b.account HAVING COUNT(*) >= ? AND SUM(b.amount) >= ?"
                    + " AND MAX(b.n) = MAX(d.n)", lowest, threshold, setting.windowDays() - 1, setting.minCount(), threshold);
        });
        inForce(AlertRule.ONE_PAYER_MANY_CLIENTS).ifPresent(setting -> jdbc.update("INSERT INTO bench_alert"
                + " SELECT 'ONE_PAYER_MANY_CLIENTS', d.business_date, s.name FROM bench_day d"
                + " JOIN (SELECT t.counterparty_name AS name, COALESCE(t.counterparty_account, '') AS account, a.client_id, x.n"
                + "   FROM invoice_allocation a JOIN bank_transaction t ON t.account_iban = a.account_iban"
                + "   AND t.bank_reference = a.bank_reference AND t.is_payment = 1 AND t.direction = 'C'"
                + "   JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
                + "   JOIN bench_day x ON x.business_date = a.allocated_on WHERE t.counterparty_name IS NOT NULL) s"
                + " ON s.n BETWEEN d.n - ? AND d.n GROUP BY d.business_date, s.name, s.account"
                + " HAVING COUNT(DISTINCT s.client_id) >= ? AND MAX(s.n) = MAX(d.n)", setting.windowDays() - 1,
                setting.minClients()));
        inForce(AlertRule.HIGH_RISK_COUNTRY).ifPresent(setting -> jdbc.update("INSERT INTO bench_alert"
                + " SELECT 'HIGH_RISK_COUNTRY', a.allocated_on, MIN(i.debtor_name) FROM invoice_allocation a"
                + " JOIN invoice i ON i.invoice_id = a.invoice_id JOIN bench_day x ON x.business_date = a.allocated_on"
                + " WHERE a.debtor_country = 'IR' AND" + NEWEST_INVOICE + " GROUP BY a.allocated_on, i.debtor_id, a.debtor_country, a.currency"));
        inForce(AlertRule.VELOCITY).ifPresent(setting -> {
            // each client's inflow by day; the median of the look-back's days, a day without inflow as 0
            jdbc.execute("CREATE TABLE bench_inflow (client_id VARCHAR(64) NOT NULL, n INT NOT NULL, total BIGINT NOT NULL,"
                    + " PRIMARY KEY (client_id, n)) SELECT a.client_id, x.n, SUM(a.amount_minor) AS total FROM invoice_allocation a"
                    + " JOIN bench_day x ON x.business_date = a.allocated_on WHERE a.currency = 'SEK' GROUP BY a.client_id, x.n");
            jdbc.update("INSERT INTO bench_alert SELECT 'VELOCITY', d.business_date, c.client_id FROM bench_inflow c"
                    + " JOIN bench_day d ON d.n = c.n"
                    + " JOIN (SELECT client_id, n, AVG(v) AS median FROM (SELECT c2.client_id, c2.n, COALESCE(h.total, 0) AS v,"
                    + "     ROW_NUMBER() OVER (PARTITION BY c2.client_id, c2.n ORDER BY COALESCE(h.total, 0)) AS rn,"
                    + "     COUNT(*) OVER (PARTITION BY c2.client_id, c2.n) AS days"
                    + "   FROM bench_inflow c2 JOIN bench_day l ON l.n BETWEEN GREATEST(1, c2.n - ?) AND c2.n - 1"
                    + "   LEFT JOIN bench_inflow h ON h.client_id = c2.client_id AND h.n = l.n WHERE c2.total >= ?) r"
                    + "   WHERE rn IN (FLOOR((days + 1) / 2), CEIL((days + 1) / 2)) GROUP BY client_id, n) m"
                    + " ON m.client_id = c.client_id AND m.n = c.n WHERE c.total >= ? AND c.total > ? * m.median",
                    setting.lookbackDays(), sek(setting.floors()), sek(setting.floors()), setting.factor());
        });
    }

    private Optional<MonitoringSettings.RuleSetting> inForce(AlertRule rule) {
        return settings.inForce(rule, START);
    }

    private static long sek(java.util.Map<java.util.Currency, se.clientfunds.money.Money> amounts) {
        se.clientfunds.money.Money amount = amounts.get(java.util.Currency.getInstance("SEK"));
        return amount == null ? Long.MAX_VALUE : amount.minorUnits();
    }
}
