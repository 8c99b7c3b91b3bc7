package se.clientfunds.bankfiles;

import java.time.LocalDate;
import java.util.List;

import se.clientfunds.bank.BankFileVerdict;

/**
 * A statement the books already have (the same account, closing date and sequence number), sent again with other
 * bytes, would be reconciled twice: the file that brings it is refused, naming the file the books have it from.
 */
final class ResentStatementRule {

    /** A statement of the file being imported that an earlier file brought already. */
    record ResentStatement(int sectionNo, String accountIban, LocalDate closingDate, Long sequenceNumber, String earlierFile) {
    }

    List<BankFileVerdict.Problem> problems(List<ResentStatement> resent) {
        return resent.stream().map(statement -> new BankFileVerdict.Problem("statement " + statement.sectionNo(),
                "the statement of " + statement.accountIban() + " closing " + statement.closingDate()
                        + (statement.sequenceNumber() == null ? "" : " (sequence " + statement.sequenceNumber() + ")")
                        + " was already imported from " + statement.earlierFile())).toList();
    }
}
