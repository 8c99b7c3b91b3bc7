package se.clientfunds.reports;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.clientfunds.money.Money;
import se.clientfunds.report.audit.AuditReport;
import se.clientfunds.report.audit.ImportedFile;
import se.clientfunds.report.audit.JobRun;
import se.clientfunds.report.audit.OperatorAction;
import se.clientfunds.report.audit.OutputFile;
import se.clientfunds.report.monthly.DayLine;
import se.clientfunds.report.monthly.MonthFigures;
import se.clientfunds.report.monthly.SafeguardingReturn;
import se.clientfunds.reconciliation.ReconciliationDay;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.report.pdf.AccountReconciliation;
import se.clientfunds.report.pdf.BalanceProof;
import se.clientfunds.report.pdf.BreakStatus;
import se.clientfunds.report.pdf.BreakType;
import se.clientfunds.report.pdf.ControlTotal;
import se.clientfunds.report.pdf.MatchRule;
import se.clientfunds.report.pdf.ReconciliationBreak;
import se.clientfunds.report.pdf.ReconciliationReport;
import se.clientfunds.report.pdf.ReportHeader;
import se.clientfunds.report.pdf.RollForward;
import se.clientfunds.report.pdf.SafeguardingPosition;
import se.clientfunds.report.pdf.SafeguardingReport;
import se.clientfunds.report.positions.AccountKind;
import se.clientfunds.report.positions.Amount;
import se.clientfunds.report.positions.ControlTotals;
import se.clientfunds.report.positions.InputFile;
import se.clientfunds.report.positions.PositionLine;
import se.clientfunds.report.positions.PositionsReport;
import se.clientfunds.report.positions.UnallocatedLine;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementProperties;

/**
 * Builds the report records of a closed, reconciled day from the database. Everything is read in the order of a
 * unique key and nothing depends on the clock, so the same books give the same records (and the same bytes).
 */
@Component
class DayReportRecords {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ReconciliationQueries reconciliation;
    private final SettlementProperties properties;

    DayReportRecords(JdbcTemplate jdbc, DataSource dataSource, ReconciliationQueries reconciliation,
                     SettlementProperties properties) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.reconciliation = reconciliation;
        this.properties = properties;
    }

    /** Refuses a day that is not closed and reconciled: its reports would be built from half a day. */
    void requireReconciled(LocalDate day) {
        Date date = Date.valueOf(day);
        List<String> status = jdbc.queryForList("SELECT status FROM business_day WHERE business_date = ?", String.class, date);
        if (status.isEmpty() || !"CLOSED".equals(status.get(0))) {
            throw new IllegalStateException("the reports of " + day + " need the day closed and reconciled; it is "
                    + (status.isEmpty() ? "not run" : status.get(0)) + " (run-day " + day + ")");
        }
        if (jdbc.queryForObject("SELECT COUNT(*) FROM safeguarding WHERE business_date = ?", Integer.class, date) == 0) {
            throw new IllegalStateException("the reports of " + day + " need the day reconciled; reconcileJob has not completed"
                    + " for it (run-day " + day + ")");
        }
    }

    // --- positions.xlsx

    /** The day's positions report; its movements read from {@code movements}, which the caller opens and closes. */
    PositionsReport positions(ReportVersions.Version version, MovementCursor movements) {
        LocalDate day = version.businessDate();
        long runId = version.runId();
        Date date = Date.valueOf(day);
        List<PositionLine> positions = jdbc.query("SELECT account, account_kind, currency, opening_minor, debit_minor,"
                + " credit_minor, closing_minor FROM account_position WHERE business_date = ? ORDER BY account, currency",
                (rs, row) -> {
                    String currency = rs.getString(3);
                    return new PositionLine(rs.getString(1), AccountKind.valueOf(rs.getString(2)), currency,
                            new Amount(rs.getLong(4), currency), new Amount(rs.getLong(5), currency),
                            new Amount(rs.getLong(6), currency), new Amount(rs.getLong(7), currency));
                }, date);
        // as the day left them: what operators allocated by hand on a later day is added back
        List<UnallocatedLine> unallocated = jdbc.query("SELECT p.bank_reference, p.booking_date, p.currency, p.amount_minor,"
                + " p.unallocated_minor + COALESCE((SELECT SUM(a.amount_minor) FROM invoice_allocation a"
                + "   WHERE a.account_iban = p.account_iban AND a.bank_reference = p.bank_reference"
                + "   AND a.allocated_by IS NOT NULL AND a.allocated_on > ?), 0) AS open_minor,"
                + " p.reason, p.debtor_name FROM payment_allocation p WHERE p.allocated_on <= ?"
                + " HAVING open_minor > 0 ORDER BY p.booking_date, p.account_iban, p.bank_reference",
                (rs, row) -> {
                    String currency = rs.getString(3);
                    return new UnallocatedLine(rs.getString(1), rs.getDate(2).toLocalDate(), new Amount(rs.getLong(4), currency),
                            new Amount(rs.getLong(5), currency), nonNull(rs.getString(6)), nonNull(rs.getString(7)));
                }, date, date);
        long[] postings = {0};
        List<Amount> debits = new ArrayList<>();
        jdbc.query("SELECT l.currency, COUNT(*), COALESCE(SUM(CASE WHEN l.side = 'D' THEN l.amount_minor ELSE 0 END), 0)"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.posted = 1 AND e.booking_date > ? AND e.booking_date <= ? GROUP BY l.currency ORDER BY l.currency",
                rs -> {
                    postings[0] += rs.getLong(2);
                    debits.add(new Amount(rs.getLong(3), rs.getString(1)));
                }, Date.valueOf(previousClose(day)), date);
        long recordsRead = jdbc.queryForObject("SELECT COALESCE(SUM(record_count), 0) FROM imported_file"
                + " WHERE status = 'IMPORTED' AND business_date = ?", Long.class, date);
        // the jobs have no skip policy: a record is posted, refused with its file, or fails the job
        ControlTotals totals = new ControlTotals(recordsRead, postings[0], 0, debits);
        List<InputFile> inputs = inputFiles(day).stream().map(file -> new InputFile(file.name(), file.sha256())).toList();
        return new PositionsReport(day, runId, inputs, positions, movements, unallocated, totals);
    }

    /** A cursor over the journal lines the day's positions count. */
    MovementCursor movements(LocalDate day) {
        return new MovementCursor(dataSource, previousClose(day), day);
    }

    private LocalDate previousClose(LocalDate day) {
        Date previous = jdbc.queryForObject("SELECT MAX(business_date) FROM business_day WHERE status = 'CLOSED'"
                + " AND business_date < ?", Date.class, Date.valueOf(day));
        return previous == null ? LocalDate.of(1, 1, 1) : previous.toLocalDate();
    }

    // --- reconciliation.pdf

    ReconciliationReport reconciliation(ReportVersions.Version version) {
        LocalDate day = version.businessDate();
        long runId = version.runId();
        List<ReconciliationDay> days = reconciliation.days(day, version.reconciliationRun());
        Map<String, List<ReconciliationBreak>> breaks = new TreeMap<>();
        Map<String, long[]> openPerCurrency = new TreeMap<>();
        for (ReconciliationQueries.Break item : reconciliation.breaks(day, version.reconciliationRun())) {
            String currency = item.amount().currency().getCurrencyCode();
            breaks.computeIfAbsent(item.accountIban(), iban -> new ArrayList<>()).add(new ReconciliationBreak(item.id(),
                    BreakType.valueOf(item.type().name()), pdfAmount(item.amount()), item.reference(), item.bookingDate(),
                    (int) Math.max(0, item.ageDays()), BreakStatus.valueOf(item.status())));
            long[] open = openPerCurrency.computeIfAbsent(currency, c -> new long[2]);
            open[0]++;
            open[1] += item.amount().minorUnits();
        }
        List<AccountReconciliation> accounts = new ArrayList<>();
        long matched = 0;
        for (ReconciliationDay account : days) {
            String currency = account.ledgerClosing().currency().getCurrencyCode();
            Map<MatchRule, Integer> matches = new EnumMap<>(MatchRule.class);
            account.matches().forEach((rule, count) -> matches.put(MatchRule.valueOf(rule.name()), count));
            matched += matches.values().stream().mapToInt(Integer::intValue).sum();
            // the report's proof has no line of its own for breaks resolved by operators (written off with who and
            // why): they are explained differences, so they are counted with the residuals
            BalanceProof proof = account.statementClosing() == null ? null : new BalanceProof(
                    pdfAmount(account.statementClosing()), pdfAmount(account.ledgerClosing()), pdfAmount(account.bankOnly()),
                    pdfAmount(account.booksOnly()), pdfAmount(account.residuals().plus(account.resolvedByOperators())));
            accounts.add(new AccountReconciliation(account.accountIban(), currency, matches,
                    breaks.getOrDefault(account.accountIban(), List.of()),
                    new RollForward(account.openingBreaks(), account.newBreaks(), account.clearedBreaks(), account.closingBreaks()),
                    proof, account.continuity()));
        }
        List<ControlTotal> totals = new ArrayList<>();
        totals.add(new ControlTotal("accounts reconciled", days.size(), null));
        totals.add(new ControlTotal("matches", matched, null));
        openPerCurrency.forEach((currency, open) -> totals.add(new ControlTotal("open breaks " + currency, open[0],
                se.clientfunds.report.pdf.Amount.of(open[1], currency))));
        return new ReconciliationReport(header(day, runId, totals), accounts);
    }

    // --- safeguarding.pdf

    SafeguardingReport safeguarding(ReportVersions.Version version) {
        LocalDate day = version.businessDate();
        long runId = version.runId();
        Date date = Date.valueOf(day);
        // what is owed per kind, each account counted only when it is owed, as the safeguarding step computed it
        Map<String, Map<String, Long>> owed = new TreeMap<>();
        Map<String, Long> owingAccounts = new TreeMap<>();
        jdbc.query("SELECT currency, account_kind, SUM(GREATEST(closing_minor, 0)), SUM(closing_minor > 0) FROM account_position"
                + " WHERE business_date = ? AND account_kind IN ('CLIENT', 'UNALLOCATED', 'DEBTOR_CREDIT')"
                + " GROUP BY currency, account_kind ORDER BY currency, account_kind", rs -> {
                    owed.computeIfAbsent(rs.getString(1), c -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                    owingAccounts.merge(rs.getString(1), rs.getLong(4), Long::sum);
                }, date);
        List<SafeguardingPosition> positions = new ArrayList<>();
        List<ControlTotal> totals = new ArrayList<>();
        jdbc.query("SELECT currency, requirement_minor, resource_minor, resource_complete FROM safeguarding"
                + " WHERE business_date = ? AND run_no = ? ORDER BY currency", rs -> {
                    String currency = rs.getString(1);
                    Map<String, Long> kinds = owed.getOrDefault(currency, Map.of());
                    long client = kinds.getOrDefault("CLIENT", 0L);
                    long unallocated = kinds.getOrDefault("UNALLOCATED", 0L);
                    long debtorCredit = kinds.getOrDefault("DEBTOR_CREDIT", 0L);
                    if (client + unallocated + debtorCredit != rs.getLong(2)) {
                        throw new IllegalStateException("safeguarding of " + day + " in " + currency + " says requirement "
                                + rs.getLong(2) + " but the positions owe " + (client + unallocated + debtorCredit)
                                + " (minor units): the positions changed after reconciliation");
                    }
                    positions.add(new SafeguardingPosition(pdfAmount(client, currency), pdfAmount(unallocated, currency),
                            pdfAmount(debtorCredit, currency), pdfAmount(rs.getLong(3), currency), rs.getInt(4) == 1));
                    totals.add(new ControlTotal("accounts owed " + currency, owingAccounts.getOrDefault(currency, 0L),
                            pdfAmount(rs.getLong(2), currency)));
                    long accounts = properties.accounts().stream().map(ClientFundsAccount::currency).filter(currency::equals).count();
                    totals.add(new ControlTotal("client-funds accounts " + currency, accounts, pdfAmount(rs.getLong(3), currency)));
                }, date, version.reconciliationRun());
        return new SafeguardingReport(header(day, runId, totals), positions);
    }

    // --- safeguarding-return.xlsx and .pdf: the month up to its last banking day

    /**
     * The month of {@code lastDay} up to that day: the {@code safeguarding} rows; per currency the clients with funds
     * (CLIENT accounts with a positive closing balance) at month end and on the busiest day, the breaks opened in the
     * month and those still open at its end; the files imported for the month's days.
     */
    SafeguardingReturn safeguardingReturn(ReportVersions.Version version) {
        LocalDate lastDay = version.businessDate();
        long runId = version.runId();
        YearMonth month = YearMonth.from(lastDay);
        Date first = Date.valueOf(month.atDay(1));
        Date last = Date.valueOf(lastDay);
        // each day as its latest reconciliation run before this version left it; the last day as this version shows it
        List<DayLine> days = jdbc.query("SELECT s.business_date, s.currency, s.requirement_minor, s.resource_minor,"
                + " s.resource_complete FROM safeguarding s WHERE s.business_date >= ? AND s.business_date <= ?"
                + " AND s.run_no = CASE WHEN s.business_date = ? THEN ? ELSE (SELECT MAX(r.run_no) FROM reconciliation_run r"
                + "   WHERE r.business_date = s.business_date AND r.job_execution_id < ?) END ORDER BY s.currency, s.business_date",
                (rs, row) -> new DayLine(rs.getDate(1).toLocalDate(), pdfAmount(rs.getLong(3), rs.getString(2)),
                        pdfAmount(rs.getLong(4), rs.getString(2)), rs.getInt(5) == 1), first, last, last,
                version.reconciliationRun(), runId);
        // per currency: clients with funds at month end, the most on one day, breaks opened, breaks open at month end
        Map<String, long[]> counts = new TreeMap<>();
        days.forEach(day -> counts.computeIfAbsent(day.currency(), currency -> new long[4]));
        jdbc.query("SELECT currency, business_date, COUNT(*) FROM account_position WHERE business_date >= ? AND business_date <= ?"
                + " AND account_kind = 'CLIENT' AND closing_minor > 0 GROUP BY currency, business_date"
                + " ORDER BY currency, business_date", rs -> {
                    long[] count = counts.get(rs.getString(1));
                    if (count != null) {
                        count[0] = rs.getDate(2).toLocalDate().equals(lastDay) ? rs.getLong(3) : count[0];
                        count[1] = Math.max(count[1], rs.getLong(3));
                    }
                }, first, last);
        List<ControlTotal> totals = new ArrayList<>();
        jdbc.query("SELECT currency, COUNT(*), COALESCE(SUM(amount_minor), 0) FROM reconciliation_break"
                + " WHERE opened_on >= ? AND opened_on <= ? GROUP BY currency ORDER BY currency", rs -> {
                    long[] count = counts.get(rs.getString(1));
                    if (count != null) {
                        count[2] = rs.getLong(2);
                    }
                    totals.add(new ControlTotal("breaks opened " + rs.getString(1), rs.getLong(2),
                            pdfAmount(rs.getLong(3), rs.getString(1))));
                }, first, last);
        jdbc.query("SELECT currency, COUNT(*) FROM reconciliation_break WHERE opened_on <= ?"
                + " AND (cleared_on IS NULL OR cleared_on > ?) GROUP BY currency ORDER BY currency", rs -> {
                    long[] count = counts.get(rs.getString(1));
                    if (count != null) {
                        count[3] = rs.getLong(2);
                    }
                }, last, last);
        List<MonthFigures> figures = new ArrayList<>();
        counts.forEach((currency, count) -> {
            List<DayLine> lines = days.stream().filter(day -> day.currency().equals(currency)).toList();
            totals.add(new ControlTotal("safeguarding days " + currency, lines.size(), pdfAmount(lines.stream()
                    .mapToLong(day -> day.requirement().minor()).reduce(0, Math::addExact), currency)));
            figures.add(new MonthFigures(currency, count[0], count[1], count[2], count[3]));
        });
        List<ImportedInput> inputs = inputFiles(month.atDay(1), lastDay);
        totals.add(new ControlTotal("files imported", inputs.size(), null));
        return new SafeguardingReturn(month, new ReportHeader(lastDay, runId, pdfInputs(inputs), totals), days, figures);
    }

    // --- audit: what ran for the day, who did what, what came in and what went out

    /**
     * The day's audit records: every job execution for the date (imports of the day's files and the date jobs, but
     * not the reports job itself, which cannot report its own end), the operator actions recorded on the date, the
     * files received for the day, and the files that went out (the reports just written and the day's pain.001).
     */
    AuditReport audit(ReportVersions.Version version, List<OutputFile> reports, java.util.Optional<ReportChain.Link> previous) {
        LocalDate day = version.businessDate();
        long runId = version.runId();
        Date date = Date.valueOf(day);
        List<JobRun> runs = jdbc.query("SELECT i.JOB_NAME, e.JOB_EXECUTION_ID, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_CODE,"
                + " (SELECT COALESCE(SUM(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID),"
                + " (SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID),"
                + " (SELECT COALESCE(SUM(s.READ_SKIP_COUNT + s.WRITE_SKIP_COUNT + s.PROCESS_SKIP_COUNT), 0)"
                + "    FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID),"
                + " (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION o WHERE o.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID),"
                + " (SELECT GROUP_CONCAT(CONCAT(p.PARAMETER_NAME, '=', COALESCE(p.PARAMETER_VALUE, '')) ORDER BY p.PARAMETER_NAME"
                + "    SEPARATOR ', ') FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID)"
                + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " WHERE i.JOB_NAME <> 'reportsJob' AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p"
                + "   WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'businessDate' AND p.PARAMETER_VALUE = ?)"
                // what had run when this version of the reports was first written
                + " AND e.JOB_EXECUTION_ID < ?"
                + " ORDER BY e.START_TIME, e.JOB_EXECUTION_ID",
                (rs, row) -> new JobRun(rs.getString(1), rs.getLong(2), nonNull(rs.getString(11)),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toLocalDateTime(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toLocalDateTime(), rs.getString(5),
                        nonNull(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getInt(10)),
                day.toString(), runId);
        List<OperatorAction> actions = jdbc.query("SELECT acted_at, operator, action, subject, reason FROM operator_action"
                + " WHERE business_date = ? AND id <= ? ORDER BY acted_at, id",
                (rs, row) -> new OperatorAction(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), date, version.operatorActionUpto());
        List<ImportedFile> received = jdbc.query("SELECT file_name, kind, sha256, size_bytes, status, COALESCE(record_count, 0)"
                + " FROM imported_file WHERE business_date = ? ORDER BY file_name, id",
                (rs, row) -> new ImportedFile(rs.getString(1), nonNull(rs.getString(2)), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getLong(6)), date);
        List<OutputFile> sent = new ArrayList<>(reports);
        jdbc.query("SELECT file_name, sha256 FROM outbox_file WHERE business_date = ? ORDER BY file_name", rs -> {
            sent.add(new OutputFile(rs.getString(1), rs.getString(2)));
        }, date);
        return new AuditReport(header(day, runId, List.of(new ControlTotal("job executions", runs.size(), null),
                new ControlTotal("files received", received.size(), null))), runs, actions, received, sent);
    }

    // --- shared

    /** The files imported for the day, as every report lists them. */
    List<ImportedInput> inputFiles(LocalDate day) {
        return inputFiles(day, day);
    }

    /** The files imported for the days from {@code first} to {@code last}, both included. */
    private List<ImportedInput> inputFiles(LocalDate first, LocalDate last) {
        return jdbc.query("SELECT file_name, sha256 FROM imported_file WHERE status = 'IMPORTED' AND business_date >= ?"
                + " AND business_date <= ? ORDER BY file_name, id", (rs, row) -> new ImportedInput(rs.getString(1),
                rs.getString(2)), Date.valueOf(first), Date.valueOf(last));
    }

    private ReportHeader header(LocalDate day, long runId, List<ControlTotal> totals) {
        return new ReportHeader(day, runId, pdfInputs(inputFiles(day)), totals);
    }

    private static List<se.clientfunds.report.pdf.InputFile> pdfInputs(List<ImportedInput> inputs) {
        return inputs.stream().map(file -> new se.clientfunds.report.pdf.InputFile(file.name(), file.sha256())).toList();
    }

    private static se.clientfunds.report.pdf.Amount pdfAmount(Money money) {
        return se.clientfunds.report.pdf.Amount.of(money.minorUnits(), money.currency().getCurrencyCode());
    }

    private static se.clientfunds.report.pdf.Amount pdfAmount(long minor, String currency) {
        return se.clientfunds.report.pdf.Amount.of(minor, currency);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** An input file of the day with its SHA-256. */
    record ImportedInput(String name, String sha256) {
    }
}
