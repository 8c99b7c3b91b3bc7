package se.clientfunds.payouts;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.close.Positions;
import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.ledger.JournalLine;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.money.Money;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementProperties;

/**
 * Pays out each client whose payout schedule falls on the business date (DAILY: every banking day; WEEKLY: the last
 * banking day of the ISO week) its CLIENT balance after the day's allocations, when positive: CLIENT to BANK on the
 * business date, recorded for the day's pain.001 file. In the caller's transaction; a client paid out on a date is
 * not paid again on that date.
 */
@Component
class ClientPayouts {


    /** What a run paid, for the day's summary. */
    record Result(int clients, List<String> totals) {
    }

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final BankingCalendar calendar;
    private final SettlementProperties properties;
    private final Positions positions;

    ClientPayouts(JdbcTemplate jdbc, Ledger ledger, BankingCalendar calendar, SettlementProperties properties,
                  Positions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.ledger = ledger;
        this.calendar = calendar;
        this.properties = properties;
    }

    Result payOut(LocalDate businessDate) {
        List<String> schedules = new ArrayList<>(List.of("DAILY"));
        if (calendar.isLastBankingDayOfIsoWeek(businessDate)) {
            schedules.add("WEEKLY");
        }
        String day = businessDate.format(DateTimeFormatter.BASIC_ISO_DATE);
        // the sequence continues after payouts already made on this date (a restart after a partial run cannot
        // happen, the step is one transaction, but an id is never reused)
        int sequence = jdbc.queryForObject("SELECT COUNT(*) FROM payout WHERE business_date = ?", Integer.class,
                Date.valueOf(businessDate));
        // what each client is owed after the day's allocations: the last close's positions plus what was booked since
        java.util.NavigableMap<String, Money> owed = positions.clientBalances(businessDate);
        java.util.Set<String> paidAlready = new java.util.HashSet<>(jdbc.queryForList("SELECT CONCAT(client_id, ' ', currency)"
                + " FROM payout WHERE business_date = ?", String.class, Date.valueOf(businessDate)));
        List<Object[]> due = new ArrayList<>();
        jdbc.query("SELECT client_id, name, payout_account FROM current_client WHERE payout_schedule IN ("
                + String.join(", ", schedules.stream().map(schedule -> "'" + schedule + "'").toList()) + ") ORDER BY client_id",
                rs -> {
                    String clientId = rs.getString(1);
                    String prefix = "CLIENT:" + clientId + " ";
                    // a client holds one currency; the loop keeps to the general case of several
                    for (var balance : owed.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
                        String currency = balance.getValue().currency().getCurrencyCode();
                        if (balance.getValue().isPositive() && !paidAlready.contains(clientId + " " + currency)) {
                            due.add(new Object[] {clientId, rs.getString(2), rs.getString(3), currency,
                                    balance.getValue().minorUnits()});
                        }
                    }
                });
        List<JournalEntry> entries = new ArrayList<>(due.size());
        List<Object[]> rows = new ArrayList<>(due.size());
        java.util.Map<String, Money> totals = new java.util.TreeMap<>();
        for (Object[] client : due) {
            String clientId = (String) client[0];
            Money amount = Money.ofMinor((Long) client[4], (String) client[3]);
            ClientFundsAccount from = payingAccount(amount.currency().getCurrencyCode());
            String endToEndId = "PO-" + day + "-" + String.format("%07d", ++sequence);
            String batch = batchId(businessDate, from.iban());
            entries.add(JournalEntry.of(businessDate, LedgerEvent.PAYOUT, endToEndId, "payout to " + clientId,
                    JournalLine.debit(LedgerAccount.client(clientId), amount),
                    JournalLine.credit(LedgerAccount.bank(from.iban()), amount)));
            rows.add(new Object[] {Date.valueOf(businessDate), clientId, amount.currency().getCurrencyCode(), amount.minorUnits(),
                    from.iban(), client[2], client[1], endToEndId, batch});
            totals.merge(amount.currency().getCurrencyCode(), amount, Money::plus);
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO payout (business_date, client_id, currency, amount_minor, from_iban, to_account, to_name,"
                    + " end_to_end_id, payment_batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            ledger.post(entries);
        }
        return new Result(rows.size(), totals.values().stream().map(Money::toString).toList());
    }

    /** Payouts in a currency leave from the first configured client-funds account in that currency. */
    private ClientFundsAccount payingAccount(String currency) {
        return properties.accounts().stream().filter(account -> account.currency().equals(currency)).findFirst()
                .orElseThrow(() -> new IllegalStateException("a client is owed money in " + currency
                        + " but no client-funds account in " + currency + " is configured (settlement.accounts)"));
    }

    /** One payout batch (PmtInfId) per business date and paying account. */
    static String batchId(LocalDate businessDate, String accountIban) {
        return "PO-" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + accountIban.substring(accountIban.length() - 10);
    }
}
