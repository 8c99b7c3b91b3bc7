package se.clientfunds.reports;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.jobs.RecordedTimes;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.money.Money;
import se.clientfunds.monitoring.Alerts;
import se.clientfunds.monitoring.Filings;
import se.clientfunds.monitoring.PaymentHolds;
import se.clientfunds.outcome.InputError;
import se.clientfunds.reconciliation.ContinuityFinding;
import se.clientfunds.reconciliation.ReconciliationDay;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.reconciliation.Safeguarding;
import se.clientfunds.reconciliation.SafeguardingActions;
import se.clientfunds.reconciliation.SafeguardingCalculation;
import se.clientfunds.reconciliation.SafeguardingStatus;
import se.clientfunds.report.Amount;
import se.clientfunds.report.aml.AlertLine;
import se.clientfunds.report.aml.AlertStatus;
import se.clientfunds.report.aml.AmlAlertsReport;
import se.clientfunds.report.aml.FilingLine;
import se.clientfunds.report.aml.HeldPayment;
import se.clientfunds.report.aml.Severity;
import se.clientfunds.report.aml.SubjectKind;
import se.clientfunds.report.audit.AuditReport;
import se.clientfunds.report.audit.Filing;
import se.clientfunds.report.audit.ImportedFile;
import se.clientfunds.report.audit.JobRun;
import se.clientfunds.report.audit.OperatorAction;
import se.clientfunds.report.audit.OutputFile;
import se.clientfunds.report.monthly.AgedBreak;
import se.clientfunds.report.monthly.BreakTally;
import se.clientfunds.report.monthly.DayLine;
import se.clientfunds.report.monthly.MonthFigures;
import se.clientfunds.report.monthly.SafeguardingReturn;
import se.clientfunds.report.monthly.ShortfallDay;
import se.clientfunds.report.pdf.AccountReconciliation;
import se.clientfunds.report.pdf.AccountResource;
import se.clientfunds.report.pdf.BalanceProof;
import se.clientfunds.report.pdf.BreakStatus;
import se.clientfunds.report.pdf.BreakType;
import se.clientfunds.report.pdf.ContinuityProblem;
import se.clientfunds.report.pdf.ControlTotal;
import se.clientfunds.report.pdf.ControlTotalKind;
import se.clientfunds.report.pdf.Direction;
import se.clientfunds.report.pdf.MatchRule;
import se.clientfunds.report.pdf.Notice;
import se.clientfunds.report.pdf.ReconciliationBreak;
import se.clientfunds.report.pdf.ReconciliationReport;
import se.clientfunds.report.pdf.ReconciliationStatus;
import se.clientfunds.report.pdf.ReconcilingSchedule;
import se.clientfunds.report.pdf.ReportHeader;
import se.clientfunds.report.pdf.RollForward;
import se.clientfunds.report.pdf.SafeguardingAction;
import se.clientfunds.report.pdf.SafeguardingMethod;
import se.clientfunds.report.pdf.SafeguardingPosition;
import se.clientfunds.report.pdf.SafeguardingReport;
import se.clientfunds.report.positions.AccountKind;
import se.clientfunds.report.positions.ControlTotals;
import se.clientfunds.report.positions.DebtorCreditLine;
import se.clientfunds.report.positions.InputFile;
import se.clientfunds.report.positions.PositionLine;
import se.clientfunds.report.positions.PositionsReport;
import se.clientfunds.report.positions.UnallocatedLine;
import se.clientfunds.settings.SettlementProperties;

/**
 * Builds the report records of a version of a closed, reconciled day from the database (DESIGN §2.7). A version shows
 * the day as it stood when the version was first written: its reconciliation run (the breaks that run left open, its
 * safeguarding), the operator actions recorded up to then, the job executions started before it. Everything is read
 * in the order of a unique key and nothing depends on the clock, so the same books give the same records (and bytes).
 */
@Component
class DayReportRecords {

    /** Allocation reasons start with one of these codes (see {@code PaymentAllocator}); anything else is OTHER. */
    private static final List<String> REASON_CODES = List.of("INVALID_OCR", "UNKNOWN_OCR", "AMBIGUOUS_OCR", "CURRENCY_MISMATCH",
            "NO_REFERENCE", "SANCTIONS_HOLD");

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ReconciliationQueries reconciliation;
    private final Safeguarding safeguarding;
    private final SafeguardingActions actions;
    private final BusinessDays businessDays;
    private final BankingCalendar calendar;
    private final SettlementProperties properties;
    private final Alerts amlAlerts;
    private final PaymentHolds holds;
    private final Ledger ledger;

    DayReportRecords(JdbcTemplate jdbc, DataSource dataSource, ReconciliationQueries reconciliation, Safeguarding safeguarding,
                     SafeguardingActions actions, BusinessDays businessDays, BankingCalendar calendar,
                     SettlementProperties properties, Alerts amlAlerts, PaymentHolds holds, Ledger ledger) {
        this.ledger = ledger;
        this.amlAlerts = amlAlerts;
        this.holds = holds;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.reconciliation = reconciliation;
        this.safeguarding = safeguarding;
        this.actions = actions;
        this.businessDays = businessDays;
        this.calendar = calendar;
        this.properties = properties;
    }

    /** Refuses a day that is not closed and reconciled: its reports would be built from half a day. */
    void requireReconciled(LocalDate day) {
        Date date = Date.valueOf(day);
        List<String> status = jdbc.queryForList("SELECT status FROM business_day WHERE business_date = ?", String.class, date);
        if (status.isEmpty() || !"CLOSED".equals(status.get(0))) {
            throw new InputError("the reports of " + day + " need the day closed and reconciled; it is "
                    + (status.isEmpty() ? "not run" : status.get(0)) + " (run-day " + day + ")");
        }
        if (reconciliation.latestRun(day).isEmpty()) {
            throw new InputError("the reports of " + day + " need the day reconciled; reconcileJob has not completed"
                    + " for it (run-day " + day + ")");
        }
    }

    // --- positions.xlsx

    /** The version's positions report; its movements read from {@code movements}, which the caller opens and closes. */
    PositionsReport positions(ReportVersions.Version version, MovementCursor movements) {
        LocalDate day = version.businessDate();
        Date date = Date.valueOf(day);
        Map<String, String> clientNames = new HashMap<>();
        // the names as the clients extract had them when this version began
        jdbc.query("SELECT c.client_id, c.name FROM client c JOIN imported_file f ON f.id = c.import_id AND f.status = 'IMPORTED'"
                + " WHERE c.import_id <= ? ORDER BY c.client_id, c.import_id", rs -> {
            clientNames.put("CLIENT:" + rs.getString(1), rs.getString(2));
        }, version.importUpto());
        List<PositionLine> positions = jdbc.query("SELECT account, account_kind, currency, opening_minor, debit_minor,"
                + " credit_minor, closing_minor FROM account_position WHERE business_date = ? ORDER BY account, currency",
                (rs, row) -> {
                    String currency = rs.getString(3);
                    return new PositionLine(rs.getString(1), clientNames.getOrDefault(rs.getString(1), ""),
                            AccountKind.valueOf(rs.getString(2)), currency, new Amount(rs.getLong(4), currency),
                            new Amount(rs.getLong(5), currency), new Amount(rs.getLong(6), currency),
                            new Amount(rs.getLong(7), currency));
                }, date);
        // as the day left them: what operators allocated by hand on a later day is added back
        // with the payments a sanctions hit held, until the day an allocation took them (after their release)
        List<UnallocatedLine> unallocated = jdbc.query("SELECT * FROM (SELECT p.bank_reference, p.booking_date, p.currency,"
                + " p.amount_minor, p.unallocated_minor + COALESCE((SELECT SUM(a.amount_minor) FROM invoice_allocation a"
                + "   WHERE a.account_iban = p.account_iban AND a.bank_reference = p.bank_reference"
                + "   AND a.allocated_by IS NOT NULL AND a.allocated_on > ?), 0) AS open_minor,"
                // a payment held after its allocation found no invoice shows its hold while it lasted on the day
                + " COALESCE((SELECT h.reason FROM payment_hold h WHERE h.account_iban = p.account_iban"
                + "   AND h.bank_reference = p.bank_reference AND h.held_on <= ? AND (h.released_on IS NULL OR h.released_on > ?)),"
                + "   p.reason), p.debtor_name, p.payment_references, p.account_iban FROM payment_allocation p WHERE p.allocated_on <= ?"
                + " HAVING open_minor > 0"
                + " UNION ALL SELECT h.bank_reference, h.booking_date, h.currency, h.amount_minor, h.amount_minor,"
                + " CASE WHEN h.released_on <= ? THEN CONCAT('SANCTIONS_HOLD: released on ', h.released_on, ', the next allocation"
                + " takes it') ELSE h.reason END,"
                + " h.payer_name, h.payment_references, h.account_iban FROM payment_hold h"
                + " WHERE h.held_on <= ? AND NOT EXISTS (SELECT 1 FROM payment_allocation p2 WHERE p2.account_iban = h.account_iban"
                + "   AND p2.bank_reference = h.bank_reference AND p2.allocated_on <= ?)) u"
                + " ORDER BY booking_date, account_iban, bank_reference",
                (rs, row) -> {
                    String currency = rs.getString(3);
                    String reason = nonNull(rs.getString(6));
                    LocalDate booked = rs.getDate(2).toLocalDate();
                    return new UnallocatedLine(rs.getString(1), booked, new Amount(rs.getLong(4), currency),
                            new Amount(rs.getLong(5), currency), reasonCode(reason), reason, nonNull(rs.getString(7)),
                            nonNull(rs.getString(8)), age(booked, day));
                }, date, date, date, date, date, date, date);
        // what is owed back to payers, per payment: the excess or duplicate, less the refunds paid up to the day
        List<DebtorCreditLine> debtorCredit = jdbc.query("SELECT p.bank_reference, p.booking_date, p.currency, p.debtor_name,"
                + " p.payment_references, p.outcome, p.to_debtor_credit_minor - COALESCE((SELECT SUM(r.amount_minor)"
                + "   FROM refund_payment r WHERE r.account_iban = p.account_iban AND r.bank_reference = p.bank_reference"
                + "   AND r.status = 'PAID' AND r.business_date <= ?), 0) AS held_minor"
                + " FROM payment_allocation p WHERE p.allocated_on <= ? AND p.to_debtor_credit_minor > 0"
                + " HAVING held_minor > 0 ORDER BY p.booking_date, p.account_iban, p.bank_reference",
                (rs, row) -> {
                    LocalDate booked = rs.getDate(2).toLocalDate();
                    return new DebtorCreditLine(rs.getString(1), booked, nonNull(rs.getString(4)), nonNull(rs.getString(5)),
                            new Amount(rs.getLong(7), rs.getString(3)), nonNull(rs.getString(6)), age(booked, day));
                }, date, date);
        long[] postings = {0};
        List<Amount> debits = new ArrayList<>();
        for (Ledger.PostingTotal total : ledger.postingTotals(previousClose(day), day)) {
            postings[0] += total.lines();
            debits.add(new Amount(total.debitMinor(), total.currency()));
        }
        long recordsRead = jdbc.queryForObject("SELECT COALESCE(SUM(record_count), 0) FROM imported_file"
                + " WHERE status = 'IMPORTED' AND business_date = ? AND id <= ?", Long.class, date, version.importUpto());
        // the jobs have no skip policy: a record is posted, refused with its file, or fails the job
        ControlTotals totals = new ControlTotals(recordsRead, postings[0], 0, debits);
        List<InputFile> inputs = inputFiles(version).stream().map(file -> new InputFile(file.name(), file.sha256())).toList();
        return new PositionsReport(day, version.runId(), inputs, positions, movements, unallocated, totals, version.version(),
                notices(version), debtorCredit);
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

    private static String reasonCode(String reason) {
        int colon = reason.indexOf(':');
        String code = colon > 0 ? reason.substring(0, colon) : "";
        return REASON_CODES.contains(code) ? code : reason.contains("allocated by hand") ? "MANUAL" : "OTHER";
    }

    // --- reconciliation.pdf and .xlsx

    ReconciliationReport reconciliation(ReportVersions.Version version) {
        LocalDate day = version.businessDate();
        int run = version.reconciliationRun();
        List<ReconciliationDay> days = reconciliation.days(day, run);
        Map<String, List<ReconciliationBreak>> breaks = new TreeMap<>();
        Map<String, long[]> openPerCurrency = new TreeMap<>();
        for (ReconciliationQueries.Break item : reconciliation.breaks(day, run)) {
            String currency = item.amount().currency().getCurrencyCode();
            breaks.computeIfAbsent(item.accountIban(), iban -> new ArrayList<>()).add(new ReconciliationBreak(item.id(),
                    BreakType.valueOf(item.type().name()), Direction.valueOf(item.direction()), amount(item.amount()),
                    item.reference(), item.counterparty(), item.bookingDate(), (int) Math.max(0, item.ageDays()),
                    BreakStatus.valueOf(item.status()), item.timingItem(day), item.explanation()));
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
            BalanceProof proof = account.statementClosing() == null ? null : new BalanceProof(
                    amount(account.statementClosing()), amount(account.ledgerClosing()), amount(account.bankOnly()),
                    amount(account.booksOnly()), amount(account.residuals()), amount(account.resolvedByOperators()));
            accounts.add(new AccountReconciliation(account.accountIban(), currency, matches,
                    breaks.getOrDefault(account.accountIban(), List.of()),
                    new RollForward(account.openingBreaks(), account.newBreaks(), account.clearedBreaks(), account.closingBreaks()),
                    proof, account.continuity().stream().map(DayReportRecords::continuityProblem).toList(),
                    account.reconciled() && account.continuity().isEmpty() ? ReconciliationStatus.RECONCILED
                            : ReconciliationStatus.FAILED_RECONCILIATION));
        }
        List<ControlTotal> totals = new ArrayList<>();
        totals.add(ControlTotal.count(ControlTotalKind.ACCOUNTS_RECONCILED, days.size()));
        totals.add(ControlTotal.count(ControlTotalKind.MATCHES, matched));
        openPerCurrency.forEach((currency, open) -> totals.add(ControlTotal.sum(ControlTotalKind.OPEN_BREAKS, open[0],
                amount(open[1], currency))));
        return new ReconciliationReport(header(version, totals), accounts, properties.reconciliation().escalateAfterDays());
    }

    private static ContinuityProblem continuityProblem(ContinuityFinding finding) {
        return new ContinuityProblem(ContinuityProblem.Kind.valueOf(finding.kind().name()), finding.day(), finding.previousDay(),
                finding.nextDay(), finding.opening() == null ? null : amount(finding.opening()),
                finding.previousClosing() == null ? null : amount(finding.previousClosing()), finding.sequence(),
                finding.previousSequence());
    }

    // --- safeguarding.pdf

    SafeguardingReport safeguarding(ReportVersions.Version version) {
        LocalDate day = version.businessDate();
        int run = version.reconciliationRun();
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
        for (SafeguardingCalculation.Figures figures : safeguarding.figures(day, run)) {
            String currency = figures.currency();
            Map<String, Long> kinds = owed.getOrDefault(currency, Map.of());
            long client = kinds.getOrDefault("CLIENT", 0L);
            long unallocated = kinds.getOrDefault("UNALLOCATED", 0L);
            long debtorCredit = kinds.getOrDefault("DEBTOR_CREDIT", 0L);
            if (client + unallocated + debtorCredit != figures.clientMoney()) {
                throw new IllegalStateException("safeguarding of " + day + " in " + currency + " counts client money "
                        + figures.clientMoney() + " but the positions owe " + (client + unallocated + debtorCredit)
                        + " (minor units): the positions changed after reconciliation");
            }
            ReconcilingSchedule schedule = new ReconcilingSchedule(amount(figures.inTransit(), currency),
                    amount(figures.firmFees(), currency), amount(figures.receiptsNotOnStatement(), currency),
                    amount(figures.bankCreditsNotBooked(), currency), amount(figures.bankChargesNotBooked(), currency),
                    amount(figures.amountDifferences(), currency), amount(figures.otherBookEntries(), currency),
                    amount(figures.negativeBalances(), currency), amount(figures.residuals(), currency),
                    amount(figures.writtenOff(), currency), amount(figures.unexplained(), currency),
                    amount(figures.notConfirmed(), currency));
            positions.add(new SafeguardingPosition(amount(client, currency), amount(unallocated, currency),
                    amount(debtorCredit, currency), amount(figures.inTransit(), currency), figures.inTransitCount(),
                    amount(figures.resource(), currency), figures.resourceComplete(), schedule));
            totals.add(ControlTotal.sum(ControlTotalKind.ACCOUNTS_OWED, owingAccounts.getOrDefault(currency, 0L),
                    amount(figures.clientMoney(), currency)));
        }
        List<AccountResource> resources = resources(day, run);
        resources.stream().map(AccountResource::currency).distinct().sorted().forEach(currency -> {
            List<AccountResource> held = resources.stream().filter(resource -> resource.currency().equals(currency)).toList();
            long sum = held.stream().filter(resource -> resource.closing() != null).mapToLong(resource -> resource.closing().minor()).sum();
            totals.add(ControlTotal.sum(ControlTotalKind.CLIENT_FUNDS_ACCOUNTS, held.size(), amount(sum, currency)));
        });
        SafeguardingMethod method = SafeguardingMethod.valueOf(version.safeguardingMethod().toUpperCase(java.util.Locale.ROOT));
        return new SafeguardingReport(header(version, totals), positions, resources, method,
                safeguardingActions(day, version.operatorActionUpto()),
                safeguardingActions(calendar.previousBankingDay(day), version.operatorActionUpto()));
    }

    private List<AccountResource> resources(LocalDate day, int run) {
        return safeguarding.resources(day, run).stream().map(resource -> new AccountResource(resource.iban(), resource.name(),
                resource.bank(), resource.currency(), resource.closing() == null ? null : amount(resource.closing()),
                resource.asOf())).toList();
    }

    private List<SafeguardingAction> safeguardingActions(LocalDate day, long upto) {
        return actions.about(day, upto).stream().map(action -> new SafeguardingAction(action.day(),
                SafeguardingAction.Type.valueOf(action.type().name()), amount(action.amount()), action.operator(), action.at(),
                action.reason())).toList();
    }

    // --- safeguarding-return.xlsx and .pdf: the month up to its last banking day

    /**
     * The month of the version's day up to that day: each day's safeguarding as its latest reconciliation run before
     * this version left it (the last day as this version shows it); per currency the clients with funds at month end
     * and on the busiest day, the breaks opened, cleared and open at month end; the resources at month end; the breaks
     * open longer than the escalation threshold; the shortfall days with what was done; the files of the month.
     */
    SafeguardingReturn safeguardingReturn(ReportVersions.Version version) {
        LocalDate lastDay = version.businessDate();
        long runId = version.runId();
        YearMonth month = YearMonth.from(lastDay);
        Date first = Date.valueOf(month.atDay(1));
        Date last = Date.valueOf(lastDay);
        List<DayLine> days = jdbc.query("SELECT s.business_date, s.currency, s.requirement_minor, s.resource_minor,"
                + " s.resource_complete FROM safeguarding s WHERE s.business_date >= ? AND s.business_date <= ?"
                + " AND s.run_no = CASE WHEN s.business_date = ? THEN ? ELSE (SELECT MAX(r.run_no) FROM reconciliation_run r"
                + "   WHERE r.business_date = s.business_date AND r.job_execution_id < ?) END ORDER BY s.currency, s.business_date",
                (rs, row) -> new DayLine(rs.getDate(1).toLocalDate(), amount(rs.getLong(3), rs.getString(2)),
                        amount(rs.getLong(4), rs.getString(2)), rs.getInt(5) == 1), first, last, last,
                version.reconciliationRun(), runId);
        Map<String, long[]> clients = new TreeMap<>();
        days.forEach(day -> clients.computeIfAbsent(day.currency(), currency -> new long[2]));
        jdbc.query("SELECT currency, business_date, COUNT(*) FROM account_position WHERE business_date >= ? AND business_date <= ?"
                + " AND account_kind = 'CLIENT' AND closing_minor > 0 GROUP BY currency, business_date"
                + " ORDER BY currency, business_date", rs -> {
                    long[] count = clients.get(rs.getString(1));
                    if (count != null) {
                        count[0] = rs.getDate(2).toLocalDate().equals(lastDay) ? rs.getLong(3) : count[0];
                        count[1] = Math.max(count[1], rs.getLong(3));
                    }
                }, first, last);
        // from the breaks' history as it stood when this version began: a later run of a day of the month changes nothing here
        Map<String, BreakTally> opened = tallies("SELECT b.currency, COUNT(*), COALESCE(SUM(b.amount_minor), 0)"
                + " FROM reconciliation_break_event v JOIN reconciliation_break b ON b.id = v.break_id WHERE v.event = 'OPENED'"
                + " AND v.business_date >= ? AND v.business_date <= ? AND v.id <= ? GROUP BY b.currency ORDER BY b.currency",
                first, last, version.breakEventUpto());
        Map<String, BreakTally> cleared = tallies("SELECT b.currency, COUNT(*), COALESCE(SUM(b.amount_minor), 0)"
                + " FROM reconciliation_break_event v JOIN reconciliation_break b ON b.id = v.break_id"
                + " WHERE v.event IN ('CLEARED', 'RESOLVED') AND v.business_date >= ? AND v.business_date <= ? AND v.id <= ?"
                + " GROUP BY b.currency ORDER BY b.currency", first, last, version.breakEventUpto());
        List<ReconciliationQueries.Break> openAtEnd = reconciliation.breaks(lastDay, version.reconciliationRun());
        Map<String, long[]> open = new TreeMap<>();
        for (ReconciliationQueries.Break item : openAtEnd) {
            long[] sum = open.computeIfAbsent(item.amount().currency().getCurrencyCode(), c -> new long[2]);
            sum[0]++;
            sum[1] += item.amount().minorUnits();
        }
        List<MonthFigures> figures = new ArrayList<>();
        List<ControlTotal> totals = new ArrayList<>();
        clients.forEach((currency, count) -> {
            long[] openSum = open.getOrDefault(currency, new long[2]);
            BreakTally openedTally = opened.getOrDefault(currency, BreakTally.none(currency));
            figures.add(new MonthFigures(currency, count[0], count[1], openedTally, cleared.getOrDefault(currency,
                    BreakTally.none(currency)), new BreakTally(openSum[0], amount(openSum[1], currency))));
            totals.add(new ControlTotal(ControlTotalKind.SAFEGUARDING_DAYS, currency,
                    days.stream().filter(day -> day.currency().equals(currency)).count(), null));
            totals.add(ControlTotal.sum(ControlTotalKind.BREAKS_OPENED, openedTally.count(), openedTally.value()));
        });
        int escalateAfter = properties.reconciliation().escalateAfterDays();
        List<AgedBreak> aged = openAtEnd.stream().filter(item -> item.ageDays() > escalateAfter).map(item -> new AgedBreak(item.id(),
                item.accountIban(), BreakType.valueOf(item.type().name()), Direction.valueOf(item.direction()), amount(item.amount()),
                item.reference(), item.counterparty(), item.bookingDate(), (int) item.ageDays())).toList();
        List<ShortfallDay> shortfalls = days.stream().filter(DayLine::shortfall).map(day -> new ShortfallDay(day.date(),
                amount(-day.difference().minor(), day.currency()), safeguardingActions(day.date(), version.operatorActionUpto())
                        .stream().filter(action -> action.amount().currency().equals(day.currency())).toList())).toList();
        List<ImportedInput> inputs = inputFiles(month.atDay(1), lastDay, version.importUpto());
        totals.add(ControlTotal.count(ControlTotalKind.FILES_IMPORTED, inputs.size()));
        ReportHeader header = new ReportHeader(lastDay, runId, pdfInputs(inputs), totals, version.version(), notices(version));
        return new SafeguardingReturn(month, header, days, figures, resources(lastDay, version.reconciliationRun()), aged, shortfalls,
                escalateAfter);
    }

    private Map<String, BreakTally> tallies(String sql, Date first, Date last, long upto) {
        Map<String, BreakTally> tallies = new TreeMap<>();
        jdbc.query(sql, rs -> {
            tallies.put(rs.getString(1), new BreakTally(rs.getLong(2), amount(rs.getLong(3), rs.getString(1))));
        }, first, last, upto);
        return tallies;
    }

    // --- aml-alerts.xlsx

    /**
     * The version's alerts report: the alerts raised on the day and those still open, as they stood when the version was
     * first written (its alert and alert-history bounds), the payments held at the end of the day, and the day's
     * filings ({@code filings}).
     */
    AmlAlertsReport amlAlerts(ReportVersions.Version version, List<Filings.Made> filings) {
        LocalDate day = version.businessDate();
        List<AlertLine> alerts = amlAlerts.standingAt(day, version.alertUpto(), version.alertEventUpto()).stream()
                .map(alert -> new AlertLine(alert.id(), alert.rule().name(), Severity.valueOf(alert.severity().name()),
                        alert.businessDate(), SubjectKind.valueOf(alert.subjectKind().name()), alert.subject(),
                        alert.amount() == null ? null : amount(alert.amount()), AlertStatus.valueOf(alert.status().name()),
                        alert.analyst(), alert.explanation(), alert.payments().stream().map(payment -> {
                            // an IBAN has no slash; a bank reference may
                            int slash = payment.indexOf('/');
                            return new AlertLine.Payment(payment.substring(0, slash), payment.substring(slash + 1));
                        }).toList())).toList();
        List<HeldPayment> held = holds.heldAt(day).stream().map(hold -> new HeldPayment(hold.accountIban(), hold.bankReference(),
                hold.bookingDate(), amount(hold.amount()), hold.heldOn(), hold.alertId(), hold.payer(), hold.reason())).toList();
        List<FilingLine> filed = filings.stream().map(filing -> new FilingLine(filing.alertId(), filing.reportCode(), filing.file(),
                filing.sha256())).toList();
        ReportHeader header = header(version, List.of(ControlTotal.count(ControlTotalKind.FILES_IMPORTED,
                inputFiles(version).size())));
        return new AmlAlertsReport(header, alerts, held, filed);
    }

    // --- audit: what ran for the day, who did what, what came in and what went out

    /**
     * The version's audit records: every job execution for the day started before this version (imports of the day's
     * files and the date jobs, not the reports job itself, which cannot report its own end), each with its attempt, who
     * started it and why, and the root cause of a failure; the operator actions concerning the day recorded up to the
     * version; the files received for the day; the files that went out (the reports just written and the day's
     * pain.001); the goAML filings made on the day (by path and alert number, as the manifest lists them); and the
     * manifest written before this version's.
     */
    AuditReport audit(ReportVersions.Version version, List<OutputFile> reports, List<ReportChain.Filed> filings,
                      Optional<ReportChain.Link> previous) {
        LocalDate day = version.businessDate();
        long runId = version.runId();
        Date date = Date.valueOf(day);
        List<JobRun> runs = jdbc.query("SELECT i.JOB_NAME, e.JOB_EXECUTION_ID, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_CODE,"
                + " (SELECT COALESCE(MAX(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID),"
                + " (SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID),"
                + " (SELECT COALESCE(SUM(s.READ_SKIP_COUNT + s.WRITE_SKIP_COUNT + s.PROCESS_SKIP_COUNT), 0)"
                + "    FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID),"
                + " (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION o WHERE o.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + "    AND o.JOB_EXECUTION_ID <= e.JOB_EXECUTION_ID),"
                + " (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION o WHERE o.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + "    AND o.JOB_EXECUTION_ID < ?),"
                + " (SELECT GROUP_CONCAT(CONCAT(p.PARAMETER_NAME, '=', COALESCE(p.PARAMETER_VALUE, '')) ORDER BY p.PARAMETER_NAME"
                + "    SEPARATOR '\\n') FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID),"
                + " (SELECT f.record_count FROM imported_file f JOIN BATCH_JOB_EXECUTION_PARAMS h ON h.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                + "    AND h.PARAMETER_NAME = 'sha256' AND h.PARAMETER_VALUE = f.sha256 WHERE f.status = 'IMPORTED' LIMIT 1),"
                + " j.started_by, j.reason, j.root_cause,"
                + " (SELECT GROUP_CONCAT(CONCAT(s.STEP_NAME, '\\t', s.EXIT_MESSAGE) ORDER BY s.STEP_EXECUTION_ID SEPARATOR '\\f')"
                + "    FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STATUS <> 'COMPLETED'),"
                + " e.EXIT_MESSAGE"
                + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " LEFT JOIN job_start j ON j.job_execution_id = e.JOB_EXECUTION_ID"
                + " WHERE i.JOB_NAME <> 'reportsJob' AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p"
                + "   WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'businessDate' AND p.PARAMETER_VALUE = ?)"
                // what had run when this version of the reports was first written
                + " AND e.JOB_EXECUTION_ID < ?"
                + " ORDER BY e.START_TIME, e.JOB_EXECUTION_ID",
                (rs, row) -> {
                    String status = rs.getString(5);
                    Long imported = rs.getObject(13, Long.class);
                    return new JobRun(rs.getString(1), rs.getLong(2), parameters(rs.getString(12)),
                            RecordedTimes.withOffset(rs.getTimestamp(3)), RecordedTimes.withOffset(rs.getTimestamp(4)), status,
                            nonNull(rs.getString(6)), imported != null ? imported : rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            rs.getInt(10), Math.max(rs.getInt(10), rs.getInt(11)), nonNull(rs.getString(14)),
                            nonNull(rs.getString(15)), "COMPLETED".equals(status) ? ""
                                    : rs.getString(16) != null ? rs.getString(16) : rootCause(rs.getString(17), rs.getString(18)));
                }, runId, day.toString(), runId);
        List<OperatorAction> actionsOfTheDay = jdbc.query("SELECT acted_at, business_date, operator, action, subject, reason"
                + " FROM operator_action WHERE business_date = ? AND id <= ? ORDER BY acted_at, id",
                (rs, row) -> new OperatorAction(RecordedTimes.withOffset(rs.getTimestamp(1)), rs.getDate(2).toLocalDate(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), date, version.operatorActionUpto());
        // what arrived for the day, refused files too, and a statement of the day that came later (as the inputs list it)
        List<ImportedFile> received = jdbc.query("SELECT f.file_name, f.kind, f.sha256, f.size_bytes, f.status,"
                + " COALESCE(f.record_count, 0) FROM imported_file f WHERE f.id <= ? AND (f.business_date = ?"
                + " OR (f.status = 'IMPORTED' AND EXISTS (SELECT 1 FROM bank_section s WHERE s.import_id = f.id"
                + "   AND s.format IN ('CAMT_053', 'MT940') AND s.closing_date = ?))) ORDER BY f.file_name, f.id",
                (rs, row) -> new ImportedFile(fileName(rs.getString(1)), nonNull(rs.getString(2)), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getLong(6)), version.importUpto(), date, date);
        List<OutputFile> sent = new ArrayList<>(reports);
        jdbc.query("SELECT file_name, sha256 FROM outbox_file WHERE business_date = ? ORDER BY file_name", rs -> {
            sent.add(new OutputFile(fileName(rs.getString(1)), rs.getString(2)));
        }, date);
        AuditReport.PreviousManifest previousManifest = previous.map(link -> new AuditReport.PreviousManifest(link.businessDate(),
                link.version(), link.path(), link.sha256())).orElse(null);
        return new AuditReport(header(version, List.of(ControlTotal.count(ControlTotalKind.JOB_EXECUTIONS, runs.size()),
                ControlTotal.count(ControlTotalKind.FILES_RECEIVED, received.size()))), runs, actionsOfTheDay, received, sent,
                filings.stream().map(filing -> new Filing(filing.path(), filing.alertId(), filing.sha256())).toList(), previousManifest);
    }

    /** The job's parameters as the audit prints them: a file as its name only, never the folder it was imported from. */
    private static String parameters(String concatenated) {
        if (concatenated == null) {
            return "";
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : concatenated.split("\n")) {
            parameters.add(parameter.startsWith("file=") ? "file=" + fileName(parameter.substring(5)) : parameter);
        }
        return String.join(", ", parameters);
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    /**
     * Why an execution did not complete, in the words of its innermost cause: from the failed step's exit message (a
     * stack trace), the last "Caused by" or else its first line, without the exception's class name.
     */
    static String rootCause(String failedSteps, String jobExitMessage) {
        String step = null;
        String trace = jobExitMessage;
        if (failedSteps != null && !failedSteps.isBlank()) {
            String firstFailed = failedSteps.split("\f")[0];
            int tab = firstFailed.indexOf('\t');
            step = tab > 0 ? firstFailed.substring(0, tab) : null;
            String stepTrace = tab > 0 ? firstFailed.substring(tab + 1) : firstFailed;
            if (!stepTrace.isBlank()) {
                trace = stepTrace;
            }
        }
        if (trace == null || trace.isBlank()) {
            return step == null ? "ended without a message" : "step " + step + " ended without a message";
        }
        String cause = null;
        for (String line : trace.split("\n")) {
            String text = line.trim();
            if (text.startsWith("Caused by: ")) {
                cause = text.substring("Caused by: ".length());
            }
        }
        if (cause == null) {
            cause = trace.split("\n")[0].trim();
        }
        // "java.lang.IllegalStateException: message" → "message"
        cause = cause.replaceFirst("^[\\w.$]+(Exception|Error)(: )?", "").trim();
        cause = se.clientfunds.jobs.Causes.rootMessage(new IllegalStateException(cause.isEmpty() ? "failed" : cause));
        return step == null ? cause : "step " + step + ": " + cause;
    }

    // --- shared

    /** What every report of the version must say before its figures. */
    private List<Notice> notices(ReportVersions.Version version) {
        LocalDate day = version.businessDate();
        List<Notice> notices = new ArrayList<>();
        if (version.version() > 1) {
            notices.add(new Notice.LaterVersion(version.version(), switch (ReportVersions.ReasonCode.valueOf(version.reasonCode())) {
                case SAFEGUARDING_ACTION -> Notice.VersionReason.SAFEGUARDING_ACTION;
                case REWRITTEN -> Notice.VersionReason.REWRITTEN;
                case LATE_STATEMENT, FIRST -> Notice.VersionReason.LATE_STATEMENT;
            }, version.reconciliationRun()));
        }
        List<String> withoutStatement = businessDays.closedWithoutStatement(day);
        if (!withoutStatement.isEmpty()) {
            notices.add(new Notice.ClosedWithoutStatement(withoutStatement));
        }
        // an earlier day's shortfall left without an action by the banking day after it, still without one
        jdbc.query("SELECT s.business_date, s.currency, -s.difference_minor FROM safeguarding s WHERE s.business_date < ?"
                + " AND s.status = ? AND s.run_no = (SELECT MAX(r.run_no) FROM reconciliation_run r"
                + "   WHERE r.business_date = s.business_date AND r.job_execution_id < ?)"
                + " AND NOT EXISTS (SELECT 1 FROM safeguarding_action a WHERE a.business_date = s.business_date"
                + "   AND a.currency = s.currency AND a.operator_action_id <= ?)"
                + " ORDER BY s.business_date, s.currency", rs -> {
                    LocalDate shortDay = rs.getDate(1).toLocalDate();
                    if (!day.isBefore(calendar.nextBankingDay(shortDay))) {
                        notices.add(new Notice.ShortfallWithoutAction(shortDay, amount(rs.getLong(3), rs.getString(2))));
                    }
                }, Date.valueOf(day), SafeguardingStatus.SHORTFALL.name(), version.runId(),
                version.operatorActionUpto());
        return notices;
    }

    private int age(LocalDate booked, LocalDate day) {
        return (int) Math.max(0, calendar.bankingDaysBetween(booked, day));
    }

    /**
     * The files a version of the day's reports was built from, as every report of it lists them: those imported for the
     * day, and a statement of the day imported later (a late statement a later run reconciled), as of the version.
     */
    List<ImportedInput> inputFiles(ReportVersions.Version version) {
        Date day = Date.valueOf(version.businessDate());
        return jdbc.query("SELECT f.file_name, f.sha256 FROM imported_file f WHERE f.status = 'IMPORTED' AND f.id <= ?"
                + " AND (f.business_date = ? OR EXISTS (SELECT 1 FROM bank_section s WHERE s.import_id = f.id"
                + "   AND s.format IN ('CAMT_053', 'MT940') AND s.closing_date = ?)) ORDER BY f.file_name, f.id",
                (rs, row) -> new ImportedInput(fileName(rs.getString(1)), rs.getString(2)), version.importUpto(), day, day);
    }

    /** The files imported for the days from {@code first} to {@code last}, both included, as of an import id. */
    private List<ImportedInput> inputFiles(LocalDate first, LocalDate last, long upto) {
        return jdbc.query("SELECT file_name, sha256 FROM imported_file WHERE status = 'IMPORTED' AND business_date >= ?"
                + " AND business_date <= ? AND id <= ? ORDER BY file_name, id", (rs, row) -> new ImportedInput(fileName(rs.getString(1)),
                rs.getString(2)), Date.valueOf(first), Date.valueOf(last), upto);
    }

    private ReportHeader header(ReportVersions.Version version, List<ControlTotal> totals) {
        return new ReportHeader(version.businessDate(), version.runId(), pdfInputs(inputFiles(version)), totals,
                version.version(), notices(version));
    }

    private static List<se.clientfunds.report.pdf.InputFile> pdfInputs(List<ImportedInput> inputs) {
        return inputs.stream().map(file -> new se.clientfunds.report.pdf.InputFile(file.name(), file.sha256())).toList();
    }

    private static Amount amount(Money money) {
        return Amount.of(money.minorUnits(), money.currency().getCurrencyCode());
    }

    private static Amount amount(long minor, String currency) {
        return Amount.of(minor, currency);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** An input file of the day with its SHA-256. */
    record ImportedInput(String name, String sha256) {
    }
}
