package se.clientfunds.reconciliation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import se.clientfunds.money.Money;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementProperties;

/**
 * Safeguarding, the internal reconciliation (DESIGN §2.5), per currency: the requirement (CLIENT + UNALLOCATED +
 * DEBTOR_CREDIT at the day's close, each account's balance counted only when it is owed, never netted against one
 * that is negative) against the resource (the closing booked balance of the client-funds accounts on
 * the day's statements); the difference is EXCESS, OK or SHORTFALL.
 */
@Service
public class Safeguarding {

    /** One currency's safeguarding position on a day. */
    public record Position(LocalDate businessDate, Money requirement, Money resource, Money difference, String status,
                          boolean resourceComplete) {
    }

    private final JdbcTemplate jdbc;
    private final SettlementProperties properties;

    public Safeguarding(JdbcTemplate jdbc, SettlementProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Computes and stores the positions of a reconciliation run of the day (replacing an earlier computation of it). */
    public List<Position> compute(LocalDate day, int run) {
        Date date = Date.valueOf(day);
        List<String> dayStatus = jdbc.queryForList("SELECT status FROM business_day WHERE business_date = ?", String.class, date);
        if (dayStatus.isEmpty() || !"CLOSED".equals(dayStatus.get(0))) {
            throw new IllegalStateException("safeguarding of " + day + " needs the day closed (its positions); it is "
                    + (dayStatus.isEmpty() ? "not run" : dayStatus.get(0)));
        }
        Map<String, Long> requirement = new TreeMap<>();
        // what is owed is owed per account: a negative balance (money owed to us) does not make up for another's
        jdbc.query("SELECT currency, SUM(GREATEST(closing_minor, 0)) FROM account_position WHERE business_date = ?"
                + " AND account_kind IN ('CLIENT', 'UNALLOCATED', 'DEBTOR_CREDIT') GROUP BY currency",
                rs -> {
                    requirement.put(rs.getString(1), rs.getLong(2));
                }, date);
        Map<String, Long> resource = new TreeMap<>();
        Map<String, Boolean> complete = new TreeMap<>();
        for (ClientFundsAccount account : properties.accounts()) {
            List<Long> closing = jdbc.queryForList("SELECT closing_minor FROM imported_bank_section WHERE account_iban = ?"
                    + " AND format IN ('CAMT_053', 'MT940') AND closing_date = ? AND closing_minor IS NOT NULL"
                    + " ORDER BY import_id DESC, section_no DESC LIMIT 1", Long.class, account.iban(), date);
            resource.merge(account.currency(), closing.isEmpty() ? 0L : closing.get(0), Long::sum);
            complete.merge(account.currency(), !closing.isEmpty(), Boolean::logicalAnd);
            requirement.putIfAbsent(account.currency(), 0L);
        }
        jdbc.update("DELETE FROM safeguarding WHERE business_date = ? AND run_no = ?", date, run);
        List<Position> positions = new ArrayList<>();
        requirement.forEach((currency, required) -> {
            long held = resource.getOrDefault(currency, 0L);
            long difference = held - required;
            String status = difference == 0 ? "OK" : difference > 0 ? "EXCESS" : "SHORTFALL";
            boolean whole = complete.getOrDefault(currency, false);
            jdbc.update("INSERT INTO safeguarding (business_date, currency, run_no, requirement_minor, resource_minor, difference_minor,"
                    + " status, resource_complete) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", date, currency, run, required, held, difference, status,
                    whole ? 1 : 0);
            positions.add(new Position(day, Money.ofMinor(required, currency), Money.ofMinor(held, currency),
                    Money.ofMinor(difference, currency), status, whole));
        });
        return positions;
    }

    public List<Position> of(LocalDate day) {
        return jdbc.query("SELECT currency, requirement_minor, resource_minor, difference_minor, status, resource_complete"
                + " FROM safeguarding s WHERE business_date = ? AND run_no = (SELECT MAX(run_no) FROM safeguarding l"
                + " WHERE l.business_date = s.business_date) ORDER BY currency", (rs, row) -> new Position(day,
                Money.ofMinor(rs.getLong(2), rs.getString(1)), Money.ofMinor(rs.getLong(3), rs.getString(1)),
                Money.ofMinor(rs.getLong(4), rs.getString(1)), rs.getString(5), rs.getInt(6) == 1), Date.valueOf(day));
    }
}
