package se.clientfunds.close;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import se.clientfunds.ledger.AccountKind;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.ledger.JournalQueries;
import se.clientfunds.money.Money;

/**
 * Positions per account and currency (DESIGN §2.4): the previous closed day's closing plus the postings booked after
 * it up to the day. Closing a day writes them, checks the invariant and locks the day, in the caller's transaction.
 */
@Repository
public class Positions {

    private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    /**
     * Opening from the previous closed day's positions, movements from the ledger ({@link JournalQueries}), grouped per
     * account; parameters: the previous closed day, then after it (exclusive) up to the day.
     */
    private static final String POSITIONS = "SELECT account, account_kind, currency, SUM(opening) AS opening,"
            + " SUM(debit) AS debit, SUM(credit) AS credit FROM ("
            + " SELECT account, account_kind, currency, closing_minor AS opening, 0 AS debit, 0 AS credit"
            + " FROM account_position WHERE business_date = ?"
            + " UNION ALL"
            + " SELECT account, account_kind, currency, 0, debit, credit FROM (" + JournalQueries.movementsByAccount() + ") m"
            + ") movements GROUP BY account, account_kind, currency";

    private final JdbcTemplate jdbc;
    private final BusinessDays businessDays;

    public Positions(JdbcTemplate jdbc, BusinessDays businessDays) {
        this.jdbc = jdbc;
        this.businessDays = businessDays;
    }

    /**
     * Writes the day's positions, checks {@code BANK = CLIENT + UNALLOCATED + DEBTOR_CREDIT + PLATFORM_FEES} per
     * currency (refusing with the difference) and locks the day. The previous banking day must be closed already.
     */
    public int close(LocalDate day) {
        return close(day, List.of());
    }

    /** As {@link #close(LocalDate)}, for a day closing without the statements of the accounts named (IBANs). */
    public int close(LocalDate day, List<String> withoutStatement) {
        LocalDate previous = businessDays.lastClosed().orElse(BEGINNING);
        if (!previous.isBefore(day)) {
            throw new IllegalStateException("business day " + previous + " is closed already: " + day + " cannot close after it");
        }
        // positions of a day that is not closed are not final: a failed attempt's rows (if any) are replaced
        jdbc.update("DELETE FROM account_position WHERE business_date = ?", Date.valueOf(day));
        int rows = jdbc.update("INSERT INTO account_position (business_date, account, account_kind, currency, opening_minor,"
                + " debit_minor, credit_minor, closing_minor)"
                + " SELECT ?, account, account_kind, currency, opening, debit, credit, "
                + AccountKind.closingSql("account_kind", "opening", "debit", "credit")
                + " FROM (" + POSITIONS + ") p", Date.valueOf(day), Date.valueOf(previous), Date.valueOf(previous), Date.valueOf(day));
        List<String> broken = jdbc.query("SELECT currency,"
                + " SUM(CASE account_kind WHEN 'BANK' THEN closing_minor ELSE 0 END) AS bank,"
                + " SUM(CASE account_kind WHEN 'BANK' THEN 0 ELSE closing_minor END) AS owed"
                + " FROM account_position WHERE business_date = ? GROUP BY currency"
                + " HAVING SUM(CASE account_kind WHEN 'BANK' THEN closing_minor ELSE -closing_minor END) <> 0 ORDER BY currency",
                (rs, row) -> {
                    String currency = rs.getString(1);
                    Money bank = Money.ofMinor(rs.getLong(2), currency);
                    Money owed = Money.ofMinor(rs.getLong(3), currency);
                    return currency + ": BANK " + bank.toDecimalString() + " but CLIENT + UNALLOCATED + DEBTOR_CREDIT"
                            + " + PLATFORM_FEES " + owed.toDecimalString() + ", a difference of " + bank.minus(owed).toDecimalString();
                }, Date.valueOf(day));
        if (!broken.isEmpty()) {
            throw new InvariantBrokenException("business day " + day + " does not close: " + String.join("; ", broken));
        }
        businessDays.close(day, withoutStatement);
        return rows;
    }

    /**
     * The balance of every CLIENT account after the postings booked up to the day, in the account's normal direction
     * (what the clients are owed), from the last closed day's positions plus what was booked since.
     */
    public java.util.NavigableMap<String, Money> clientBalances(LocalDate day) {
        java.util.NavigableMap<String, Money> balances = new java.util.TreeMap<>();
        for (Position position : provisional(day)) {
            if (position.kind() == AccountKind.CLIENT) {
                balances.merge(position.account() + " " + position.currency(), position.closing(), Money::plus);
            }
        }
        return balances;
    }

    /**
     * A day's positions as an operator asks for them: a closed day's as it closed, otherwise what it would close with
     * now, said to be provisional and why.
     *
     * @param provisional null for a closed day, otherwise why the figures are provisional
     */
    public record DayPositions(LocalDate businessDate, List<Position> positions, String provisional) {
    }

    /** The day's positions as it closed, or provisional ones (said so) when it has not closed. */
    public DayPositions ofDay(LocalDate day) {
        Optional<BusinessDays.Status> status = businessDays.status(day);
        if (status.filter(BusinessDays.Status.CLOSED::equals).isPresent()) {
            return new DayPositions(day, closed(day), null);
        }
        return new DayPositions(day, provisional(day), "business day " + day + " is not closed"
                + (status.isEmpty() ? " (nothing has run for it)" : "") + ": the figures are provisional, what it would close with now");
    }

    /** The positions written when the day closed, ordered by account kind, account and currency. */
    public List<Position> closed(LocalDate day) {
        return jdbc.query("SELECT account, account_kind, currency, opening_minor, debit_minor, credit_minor, closing_minor"
                + " FROM account_position WHERE business_date = ?", mapper(day), Date.valueOf(day))
                .stream().sorted(Positions::byKindThenAccount).toList();
    }

    /** One account's closing in one currency as the day closed; empty when the close wrote no position for it. */
    public Optional<Money> closing(LocalDate day, String account, String currency) {
        return jdbc.queryForList("SELECT closing_minor FROM account_position WHERE business_date = ? AND account = ?"
                + " AND currency = ?", Long.class, Date.valueOf(day), account, currency).stream().findFirst()
                .map(minor -> Money.ofMinor(minor, currency));
    }

    /** The positions the day would close with now, for a day still open; nothing is written. */
    public List<Position> provisional(LocalDate day) {
        Optional<LocalDate> closedBefore = Optional.ofNullable(jdbc.queryForObject("SELECT MAX(business_date) FROM business_day"
                + " WHERE status = 'CLOSED' AND business_date < ?", Date.class, Date.valueOf(day))).map(Date::toLocalDate);
        LocalDate previous = closedBefore.orElse(BEGINNING);
        List<Position> positions = new ArrayList<>();
        jdbc.query(POSITIONS, rs -> {
            String currency = rs.getString("currency");
            AccountKind kind = AccountKind.valueOf(rs.getString("account_kind"));
            Money opening = Money.ofMinor(rs.getLong("opening"), currency);
            Money debit = Money.ofMinor(rs.getLong("debit"), currency);
            Money credit = Money.ofMinor(rs.getLong("credit"), currency);
            positions.add(new Position(day, rs.getString("account"), kind, opening, debit, credit,
                    Money.ofMinor(kind.closing(opening.minorUnits(), debit.minorUnits(), credit.minorUnits()), currency)));
        }, Date.valueOf(previous), Date.valueOf(previous), Date.valueOf(day));
        return positions.stream().sorted(Positions::byKindThenAccount).toList();
    }

    private static RowMapper<Position> mapper(LocalDate day) {
        return (rs, row) -> {
            String currency = rs.getString("currency");
            return new Position(day, rs.getString("account"), AccountKind.valueOf(rs.getString("account_kind")),
                    Money.ofMinor(rs.getLong("opening_minor"), currency), Money.ofMinor(rs.getLong("debit_minor"), currency),
                    Money.ofMinor(rs.getLong("credit_minor"), currency), Money.ofMinor(rs.getLong("closing_minor"), currency));
        };
    }

    private static int byKindThenAccount(Position a, Position b) {
        int kind = a.kind().compareTo(b.kind());
        if (kind != 0) {
            return kind;
        }
        int account = a.account().compareTo(b.account());
        return account != 0 ? account : a.currency().compareTo(b.currency());
    }
}
