package se.clientfunds.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import se.clientfunds.allocation.AllocationQueries;
import se.clientfunds.allocation.AllocationQueries.UnallocatedPayment;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.close.Position;
import se.clientfunds.close.Positions;
import se.clientfunds.outcome.InputError;
import se.clientfunds.outcome.NeedsAttention;
import se.clientfunds.reconciliation.ContinuityFinding;
import se.clientfunds.reconciliation.MatchRule;
import se.clientfunds.reconciliation.ReconciliationDay;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.reconciliation.Safeguarding;

/**
 * A day's figures as rows of text in fixed columns, the one shape the command line prints (table, CSV, JSON) and the
 * API answers with: the same column names, the same decimal text, so the two never disagree.
 */
@Component
public class DayTables {

    public static final List<String> POSITIONS = List.of("account", "currency", "opening", "debit", "credit", "closing");
    public static final List<String> BREAKS = List.of("id", "account", "type", "amount", "currency", "reference", "booking_date",
            "age_days", "status");
    public static final List<String> SAFEGUARDING = List.of("currency", "requirement", "resource", "difference", "status");
    public static final List<String> RECONCILIATION = List.of("account", "currency", "matched_reference", "matched_batch",
            "matched_counterparty", "matched_tolerance", "opening_breaks", "new_breaks", "cleared_breaks", "closing_breaks",
            "aged_0_1", "aged_2_5", "aged_6_10", "aged_over_10", "statement_closing", "books_closing", "bank_only",
            "books_only", "residuals", "resolved", "unexplained", "status", "continuity");
    public static final List<String> UNALLOCATED = List.of("payment", "booking_date", "currency", "amount", "unallocated", "reason",
            "debtor_name", "references");

    /**
     * @param notices   what to read the figures with (provisional figures, payments in transit), one line each
     * @param attention what needs a person (a shortfall, an unexplained difference)
     */
    public record Table(List<String> columns, List<List<String>> rows, List<String> notices, List<String> attention)
            implements NeedsAttention {

        public Table {
            rows = List.copyOf(rows);
            notices = List.copyOf(notices);
            attention = List.copyOf(attention);
        }
    }

    private final BankingCalendar calendar;
    private final Positions positions;
    private final ReconciliationQueries reconciliation;
    private final Safeguarding safeguarding;
    private final AllocationQueries allocation;

    public DayTables(BankingCalendar calendar, Positions positions, ReconciliationQueries reconciliation,
                     Safeguarding safeguarding, AllocationQueries allocation) {
        this.calendar = calendar;
        this.positions = positions;
        this.reconciliation = reconciliation;
        this.safeguarding = safeguarding;
        this.allocation = allocation;
    }

    /** Each account's position: as the day closed, or provisional (said) when it has not. */
    public Table positions(LocalDate day) {
        calendar.requireBankingDay(day);
        Positions.DayPositions ofDay = positions.ofDay(day);
        List<List<String>> rows = new ArrayList<>();
        for (Position position : ofDay.positions()) {
            rows.add(row(position.account(), position.currency(), position.opening().toDecimalString(),
                    position.debit().toDecimalString(), position.credit().toDecimalString(), position.closing().toDecimalString()));
        }
        return new Table(POSITIONS, rows, ofDay.provisional() == null ? List.of() : List.of(ofDay.provisional()), List.of());
    }

    /** The day's open breaks with their age. */
    public Table breaks(LocalDate day) {
        calendar.requireBankingDay(day);
        List<List<String>> rows = new ArrayList<>();
        for (ReconciliationQueries.Break item : reconciliation.breaks(day)) {
            rows.add(row(Long.toString(item.id()), item.accountIban(), item.type().name(), item.amount().toDecimalString(),
                    item.amount().currency().getCurrencyCode(), item.reference(), item.bookingDate().toString(),
                    Long.toString(item.ageDays()), item.status()));
        }
        return new Table(BREAKS, rows, List.of(), List.of());
    }

    /** Safeguarding per currency on a reconciled day; refused for a day not reconciled. */
    public Table safeguarding(LocalDate day) {
        calendar.requireBankingDay(day);
        List<Safeguarding.Position> positions = safeguarding.of(day);
        if (positions.isEmpty()) {
            throw new InputError("business day " + day + " has not been reconciled (run-day " + day + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (Safeguarding.Position position : positions) {
            String currency = position.requirement().currency().getCurrencyCode();
            rows.add(row(currency, position.requirement().toDecimalString(), position.resource().toDecimalString(),
                    position.difference().toDecimalString(), position.status().name()));
            if (position.inTransit().isPositive()) {
                notices.add(currency + ": the requirement includes " + position.inTransit() + " of payments in transit (paid in"
                        + " the books, not yet debited by the bank)");
            }
            if (!position.resourceComplete()) {
                notices.add(currency + ": a client-funds account has no statement for the day; the resource is incomplete");
            }
        }
        return new Table(SAFEGUARDING, rows, notices, positions.stream().flatMap(position -> position.attention().stream())
                .toList());
    }

    /** The reconciliation per account; refused for a day not reconciled. */
    public Table reconciliation(LocalDate day) {
        calendar.requireBankingDay(day);
        List<ReconciliationDay> days = reconciliation.days(day);
        if (days.isEmpty()) {
            throw new InputError("business day " + day + " has not been reconciled (run-day " + day + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ReconciliationDay account : days) {
            rows.add(row(account.accountIban(), account.ledgerClosing().currency().getCurrencyCode(),
                    count(account, MatchRule.REFERENCE), count(account, MatchRule.BATCH_TOTAL),
                    count(account, MatchRule.AMOUNT_AND_COUNTERPARTY), count(account, MatchRule.TOLERANCE),
                    Integer.toString(account.openingBreaks()), Integer.toString(account.newBreaks()),
                    Integer.toString(account.clearedBreaks()), Integer.toString(account.closingBreaks()),
                    Integer.toString(account.ageing()[0]), Integer.toString(account.ageing()[1]),
                    Integer.toString(account.ageing()[2]), Integer.toString(account.ageing()[3]),
                    account.statementClosing() == null ? "" : account.statementClosing().toDecimalString(),
                    account.ledgerClosing().toDecimalString(), account.bankOnly().toDecimalString(),
                    account.booksOnly().toDecimalString(), account.residuals().toDecimalString(),
                    account.resolvedByOperators().toDecimalString(),
                    account.unexplained() == null ? "" : account.unexplained().toDecimalString(),
                    account.reconciled() && account.continuity().isEmpty() ? "RECONCILED" : "FAILED_RECONCILIATION",
                    String.join("; ", account.continuity().stream().map(ContinuityFinding::describe).toList())));
        }
        return new Table(RECONCILIATION, rows, List.of(), reconciliation.attention(day));
    }

    /** What waits in UNALLOCATED, oldest first, with why. */
    public Table unallocated() {
        List<List<String>> rows = new ArrayList<>();
        for (UnallocatedPayment payment : allocation.unallocated()) {
            rows.add(row(payment.accountIban() + "/" + payment.bankReference(), payment.bookingDate().toString(),
                    payment.amount().currency().getCurrencyCode(), payment.amount().toDecimalString(),
                    payment.unallocated().toDecimalString(), payment.reason(), payment.debtorName(), payment.references()));
        }
        return new Table(UNALLOCATED, rows, List.of(), List.of());
    }

    /** A row; a value not recorded (null) is shown empty. */
    private static List<String> row(String... cells) {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(cells));
    }

    private static String count(ReconciliationDay day, MatchRule rule) {
        return Integer.toString(day.matches().getOrDefault(rule, 0));
    }
}
