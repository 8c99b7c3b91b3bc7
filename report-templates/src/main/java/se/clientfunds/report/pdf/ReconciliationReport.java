package se.clientfunds.report.pdf;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The day's reconciliation report: one section per client-funds account, in IBAN order.
 *
 * @param escalateAfterDays breaks older than this many banking days are listed as escalations
 *                          ({@code settlement.reconciliation.escalate-after-days})
 */
public record ReconciliationReport(ReportHeader header, List<AccountReconciliation> accounts, int escalateAfterDays) {

    public ReconciliationReport {
        if (header == null) {
            throw new IllegalArgumentException("header is missing");
        }
        if (accounts == null) {
            throw new IllegalArgumentException("accounts is missing");
        }
        Set<String> ibans = new HashSet<>();
        for (AccountReconciliation account : accounts) {
            if (account == null) {
                throw new IllegalArgumentException("accounts holds a missing account");
            }
            if (!ibans.add(account.accountIban())) {
                throw new IllegalArgumentException("accounts holds account " + account.accountIban() + " twice");
            }
        }
        accounts = accounts.stream().sorted(Comparator.comparing(AccountReconciliation::accountIban)).toList();
        if (escalateAfterDays < 0) {
            throw new IllegalArgumentException("escalateAfterDays " + escalateAfterDays + " is negative");
        }
    }
}
