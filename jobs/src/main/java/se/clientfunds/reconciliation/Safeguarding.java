package se.clientfunds.reconciliation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import se.clientfunds.bankfiles.BankStatements;
import se.clientfunds.close.Positions;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.money.Money;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementProperties;

/**
 * Safeguarding, the internal reconciliation (DESIGN §2.5), per currency and reconciliation run: the requirement
 * (client money owed + payments in transit) against the resource (the statements' closing balances), the difference
 * EXCESS, OK or SHORTFALL, and the reconciling schedule that explains it ({@link SafeguardingCalculation}); the resource
 * per account and bank at the statement's closing time.
 */
@Service
public class Safeguarding {

    /** One currency's safeguarding position on a day, as the command line shows it. */
    public record Position(LocalDate businessDate, Money requirement, Money resource, Money difference, SafeguardingStatus status,
                          boolean resourceComplete, Money inTransit) {

        /** What a person must look at: a shortfall, or a resource no statement confirms; empty when OK or EXCESS. */
        public Optional<String> attention() {
            String currency = requirement.currency().getCurrencyCode();
            return switch (status) {
                case OK, EXCESS -> Optional.empty();
                case SHORTFALL -> Optional.of("safeguarding shortfall of " + difference.negate());
                case UNCONFIRMED -> Optional.of("safeguarding of " + currency + " is UNCONFIRMED: a statement is missing,"
                        + " the resource is not what the bank holds");
            };
        }
    }

    /** A currency whose safeguarding needs a person (a shortfall, or a resource no statement confirms), as stored. */
    public record Flagged(Money difference, SafeguardingStatus status) {
    }

    /** One client-funds account's part of the resource: its statement's closing balance (null without one) and when. */
    public record Resource(String iban, String currency, String name, String bank, Money closing, String asOf) {
    }

    private final JdbcTemplate jdbc;
    private final SettlementProperties properties;
    private final BankStatements statements;

    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final ReconciliationStore store;
    private final Positions dayPositions;
    private final BusinessDays businessDays;

    public Safeguarding(JdbcTemplate jdbc, SettlementProperties properties, BankStatements statements,
                        org.springframework.transaction.PlatformTransactionManager transactionManager, ReconciliationStore store,
                        Positions dayPositions, BusinessDays businessDays) {
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.properties = properties;
        this.statements = statements;
        this.store = store;
        this.dayPositions = dayPositions;
        this.businessDays = businessDays;
    }

    /** Computes and stores the positions of a reconciliation run of the day (replacing an earlier computation of it). */
    public List<Position> compute(LocalDate day, int run) {
        Date date = Date.valueOf(day);
        Optional<BusinessDays.Status> dayStatus = businessDays.status(day);
        if (dayStatus.filter(BusinessDays.Status.CLOSED::equals).isEmpty()) {
            throw new IllegalStateException("safeguarding of " + day + " needs the day closed (its positions); it is "
                    + dayStatus.map(BusinessDays.Status::name).orElse("not run"));
        }
        List<SafeguardingCalculation.AccountPosition> positions = dayPositions.closed(day).stream()
                .map(position -> new SafeguardingCalculation.AccountPosition(position.kind(), position.account(),
                        position.currency(), position.closing().minorUnits())).toList();
        Map<String, SafeguardingCalculation.AccountRun> runs = new TreeMap<>();
        store.accountRuns(day, run).forEach(reconciled -> runs.put(reconciled.iban(), reconciled));
        List<SafeguardingCalculation.AccountRun> accounts = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        for (ClientFundsAccount account : properties.accounts()) {
            currencies.add(account.currency());
            SafeguardingCalculation.AccountRun reconciled = runs.get(account.iban());
            if (reconciled != null) {
                accounts.add(reconciled);
            } else if (statements.inUse(account.iban(), day)) {
                // in use but not reconciled in this run: nothing the bank said about it is counted
                long books = positions.stream().filter(position -> position.account().equals("BANK:" + account.iban()))
                        .mapToLong(SafeguardingCalculation.AccountPosition::closing).sum();
                accounts.add(new SafeguardingCalculation.AccountRun(account.iban(), account.currency(), null, 0, 0, null, books));
            }
        }
        List<SafeguardingCalculation.OpenItem> open = store.openItems(day, run);

        List<SafeguardingCalculation.Figures> figures = SafeguardingCalculation.compute(positions, accounts, open, currencies);
        jdbc.update("DELETE FROM safeguarding WHERE business_date = ? AND run_no = ?", date, run);
        List<Position> result = new ArrayList<>();
        for (SafeguardingCalculation.Figures sum : figures) {
            jdbc.update("INSERT INTO safeguarding (business_date, currency, run_no, requirement_minor, resource_minor,"
                    + " difference_minor, status, resource_complete, client_money_minor, in_transit_minor, in_transit_count,"
                    + " firm_fees_minor, receipts_not_on_statement_minor, bank_credits_not_booked_minor,"
                    + " bank_charges_not_booked_minor, amount_differences_minor, other_book_entries_minor, negative_balances_minor,"
                    + " residuals_minor, written_off_minor, unexplained_minor, not_confirmed_minor)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    date, sum.currency(), run, sum.requirement(), sum.resource(), sum.difference(), sum.safeguardingStatus().name(),
                    sum.resourceComplete() ? 1 : 0, sum.clientMoney(), sum.inTransit(), sum.inTransitCount(), sum.firmFees(),
                    sum.receiptsNotOnStatement(), sum.bankCreditsNotBooked(), sum.bankChargesNotBooked(), sum.amountDifferences(),
                    sum.otherBookEntries(), sum.negativeBalances(), sum.residuals(), sum.writtenOff(), sum.unexplained(),
                    sum.notConfirmed());
            result.add(position(day, sum));
        }
        jdbc.update("DELETE FROM safeguarding_resource WHERE business_date = ? AND run_no = ?", date, run);
        for (ClientFundsAccount account : properties.accounts()) {
            SafeguardingCalculation.AccountRun reconciled = runs.get(account.iban());
            Long closing = reconciled == null ? null : reconciled.statementClosing();
            String asOf = closing == null ? null : statements.asOf(account.iban(), day).orElse(null);
            jdbc.update("INSERT INTO safeguarding_resource (business_date, run_no, account_iban, currency, account_name, bank,"
                    + " closing_minor, as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", date, run, account.iban(), account.currency(),
                    account.name(), account.bank(), closing, asOf);
        }
        return result;
    }

    /** The figures of a reconciliation run of the day per currency, in currency order. */
    public List<SafeguardingCalculation.Figures> figures(LocalDate day, int run) {
        return jdbc.query("SELECT currency, client_money_minor, in_transit_minor, in_transit_count, resource_minor,"
                + " resource_complete, firm_fees_minor, receipts_not_on_statement_minor, bank_credits_not_booked_minor,"
                + " bank_charges_not_booked_minor, amount_differences_minor, other_book_entries_minor, negative_balances_minor,"
                + " residuals_minor, written_off_minor, unexplained_minor, not_confirmed_minor, requirement_minor"
                + " FROM safeguarding WHERE business_date = ? AND run_no = ? ORDER BY currency", (rs, row) -> {
                    // the breakdown of client money by kind is in the positions; the figures keep it whole under CLIENT
                    long clientMoney = rs.getLong(2);
                    return new SafeguardingCalculation.Figures(rs.getString(1), clientMoney, 0, 0, rs.getLong(3), rs.getInt(4),
                            rs.getLong(5), rs.getInt(6) == 1, rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                            rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16),
                            rs.getLong(17));
                }, Date.valueOf(day), run);
    }

    /**
     * Books from before the reconciling schedule: every such day's safeguarding is worked out again once, when the
     * application starts on them, from the same positions and breaks (never while a report is read).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void completeSchedulesWrittenBefore() {
        List<ReconciliationStore.RunOfDay> legacy = jdbc.query("SELECT DISTINCT business_date, run_no FROM safeguarding"
                + " WHERE schedule_complete = 0 ORDER BY business_date, run_no",
                (rs, row) -> new ReconciliationStore.RunOfDay(rs.getDate(1).toLocalDate(), rs.getInt(2)));
        for (ReconciliationStore.RunOfDay legacyRun : legacy) {
            transaction.executeWithoutResult(status -> compute(legacyRun.day(), legacyRun.run()));
        }
    }

    /** The currencies whose safeguarding in a run of the day needs a person, in currency order. */
    public List<Flagged> flagged(LocalDate day, int run) {
        return jdbc.query("SELECT currency, difference_minor, status FROM safeguarding WHERE business_date = ? AND run_no = ?"
                + " ORDER BY currency", (rs, row) -> new Flagged(Money.ofMinor(rs.getLong(2), rs.getString(1)),
                SafeguardingStatus.valueOf(rs.getString(3))), Date.valueOf(day), run)
                .stream().filter(flagged -> flagged.status().needsAttention()).toList();
    }

    /** Each client-funds account's part of the resource in a run of the day, in IBAN order. */
    public List<Resource> resources(LocalDate day, int run) {
        return jdbc.query("SELECT account_iban, currency, account_name, bank, closing_minor, as_of FROM safeguarding_resource"
                + " WHERE business_date = ? AND run_no = ? ORDER BY account_iban", (rs, row) -> new Resource(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5) == null ? null : Money.ofMinor(rs.getLong(5), rs.getString(2)), rs.getString(6)),
                Date.valueOf(day), run);
    }

    /** The day's positions as its latest completed reconciliation run left them. */
    public List<Position> of(LocalDate day) {
        return store.latestRun(day).map(latest -> figures(day, latest).stream().map(sum -> position(day, sum)).toList()).orElse(List.of());
    }

    private static Position position(LocalDate day, SafeguardingCalculation.Figures sum) {
        String currency = sum.currency();
        return new Position(day, Money.ofMinor(sum.requirement(), currency), Money.ofMinor(sum.resource(), currency),
                Money.ofMinor(sum.difference(), currency), sum.safeguardingStatus(), sum.resourceComplete(), Money.ofMinor(sum.inTransit(), currency));
    }
}
