package se.clientfunds.bank;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import se.clientfunds.money.Money;

/**
 * The part of a bank file about one account: a camt {@code Stmt} or {@code Ntfctn}, an MT940 statement, a BGMax
 * deposit (TK05 to TK15). Balances and control totals may come before or after the entries depending on the
 * format, so a section is reported twice: opened ({@link BankFileParser} gives it before its entries, with what
 * is known then) and closed (after its entries, complete).
 *
 * @param id                    the bank's id of the statement, notification or deposit
 * @param sequenceNumber        camt {@code ElctrncSeqNb}, MT940 statement number, BGMax deposit serial; null if none
 * @param balances              stated balances (empty for notifications)
 * @param declaredEntryCount    the number of entries the bank says the section holds, or null
 * @param declaredNet           credits − debits the bank says the section holds (camt TxsSummry, BGMax TK15), or null
 * @param asOf                  when the statement's closing balance stands, as the bank wrote it (camt
 *                              {@code FrToDt/ToDtTm}, else {@code CreDtTm}); null when the file does not say
 * @param declaredTotals        every count and sum the file declares about the entries, each with its element (camt
 *                              {@code TxsSummry}); when there are any, they are checked instead of
 *                              {@code declaredEntryCount} and {@code declaredNet}, which they include
 */
public record BankSection(String location, String id, AccountId account, Currency currency, Long sequenceNumber,
                          List<BankBalance> balances, Long declaredEntryCount, Money declaredNet, String asOf,
                          List<DeclaredTotal> declaredTotals) {

    public BankSection {
        Objects.requireNonNull(location, "location");
        balances = balances == null ? List.of() : List.copyOf(balances);
        declaredTotals = declaredTotals == null ? List.of() : List.copyOf(declaredTotals);
    }

    public BankSection(String location, String id, AccountId account, Currency currency, Long sequenceNumber,
                       List<BankBalance> balances, Long declaredEntryCount, Money declaredNet, String asOf) {
        this(location, id, account, currency, sequenceNumber, balances, declaredEntryCount, declaredNet, asOf, List.of());
    }

    public BankSection(String location, String id, AccountId account, Currency currency, Long sequenceNumber,
                       List<BankBalance> balances, Long declaredEntryCount, Money declaredNet) {
        this(location, id, account, currency, sequenceNumber, balances, declaredEntryCount, declaredNet, null);
    }

    public Optional<BankBalance> balance(String type) {
        return balances.stream().filter(balance -> balance.type().equals(type)).findFirst();
    }

    /** The booked balance the section opens with: OPBD, else PRCD (the previous statement's closing, as some banks give it). */
    public Optional<BankBalance> openingBalance() {
        return balance("OPBD").or(() -> balance("PRCD"));
    }

    /** The booked balance the section closes with: CLBD. */
    public Optional<BankBalance> closingBalance() {
        return balance("CLBD");
    }
}
