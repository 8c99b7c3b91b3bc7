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
 */
public record BankSection(String location, String id, AccountId account, Currency currency, Long sequenceNumber,
                          List<BankBalance> balances, Long declaredEntryCount, Money declaredNet, String asOf) {

    public BankSection {
        Objects.requireNonNull(location, "location");
        balances = balances == null ? List.of() : List.copyOf(balances);
    }

    public BankSection(String location, String id, AccountId account, Currency currency, Long sequenceNumber,
                       List<BankBalance> balances, Long declaredEntryCount, Money declaredNet) {
        this(location, id, account, currency, sequenceNumber, balances, declaredEntryCount, declaredNet, null);
    }

    public Optional<BankBalance> balance(String type) {
        return balances.stream().filter(balance -> balance.type().equals(type)).findFirst();
    }
}
