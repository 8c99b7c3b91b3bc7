package se.clientfunds.close;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import se.clientfunds.bankfiles.BankStatements;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementProperties;

/**
 * Whether the bank has spoken for a day (DESIGN §2.4): a day closes once the statement of every client-funds account
 * in use has arrived; until then its figures are provisional. {@code settlement.close.without-statement} lets a day
 * close without, and says so.
 */
@Service
public class DayStatements {

    private final BankStatements statements;
    private final SettlementProperties properties;

    public DayStatements(BankStatements statements, SettlementProperties properties) {
        this.statements = statements;
        this.properties = properties;
    }

    /** The client-funds accounts in use on the day whose statement for it has not arrived, in configuration order. */
    public List<ClientFundsAccount> missing(LocalDate day) {
        return properties.accounts().stream()
                .filter(account -> statements.inUse(account.iban(), day) && !statements.arrived(account.iban(), day))
                .toList();
    }

    /** Whether a day may close without the statements it lacks. */
    public boolean mayCloseWithout() {
        return properties.close().withoutStatement();
    }

    /** The accounts as an operator reads them: "SE45… (Client funds SEK)". */
    public static String describe(List<ClientFundsAccount> accounts) {
        return String.join(", ", accounts.stream()
                .map(account -> account.name().equals(account.iban()) ? account.iban() : account.iban() + " (" + account.name() + ")")
                .toList());
    }
}
