package se.clientfunds.report.pdf;

import java.util.LinkedHashMap;
import java.util.Map;

import se.clientfunds.report.Amount;

/**
 * What explains, to the öre, the difference between the resource (the statements' closing balances) and the client
 * money in the books (CLIENT + UNALLOCATED + DEBTOR_CREDIT, each account counted only when owed), in one currency.
 * Every line is signed as it adds to that difference; {@link #total()} is it exactly. Of these lines only the payments in
 * transit are also owed (they are in the requirement): the excess or shortfall is the total less the payments in transit.
 *
 * @param inTransit              payouts and refunds the books paid that the bank has not debited yet (+)
 * @param firmFees               the firm's own fees still on the account (PLATFORM_FEES) (+)
 * @param receiptsNotOnStatement payments notified and booked that the statement does not show yet (−)
 * @param bankCreditsNotBooked   credits on the statement the books do not have (+)
 * @param bankChargesNotBooked   debits on the statement the books do not have, such as bank charges (−)
 * @param amountDifferences      the same item on both sides with different amounts: bank − books
 * @param otherBookEntries       other payments out in the books that the statement does not show yet (+)
 * @param negativeBalances       accounts owed to the firm (negative client balances), never netted against the others (−)
 * @param residuals              what matches under the reconciliation tolerance left (bank − books)
 * @param writtenOff             breaks operators resolved without a match (bank − books)
 * @param unexplained            what the balance proof leaves over: the most severe finding there is
 * @param notConfirmed           accounts without a statement for the day: their book balance and the payments in transit
 *                               from them, not in the resource (−)
 */
public record ReconcilingSchedule(Amount inTransit, Amount firmFees, Amount receiptsNotOnStatement, Amount bankCreditsNotBooked,
                                  Amount bankChargesNotBooked, Amount amountDifferences, Amount otherBookEntries,
                                  Amount negativeBalances, Amount residuals, Amount writtenOff, Amount unexplained,
                                  Amount notConfirmed) {

    public ReconcilingSchedule {
        if (inTransit == null) {
            throw new IllegalArgumentException("inTransit is missing");
        }
        String currency = inTransit.currency();
        Amount.require("firmFees", firmFees, currency);
        Amount.require("receiptsNotOnStatement", receiptsNotOnStatement, currency);
        Amount.require("bankCreditsNotBooked", bankCreditsNotBooked, currency);
        Amount.require("bankChargesNotBooked", bankChargesNotBooked, currency);
        Amount.require("amountDifferences", amountDifferences, currency);
        Amount.require("otherBookEntries", otherBookEntries, currency);
        Amount.require("negativeBalances", negativeBalances, currency);
        Amount.require("residuals", residuals, currency);
        Amount.require("writtenOff", writtenOff, currency);
        Amount.require("unexplained", unexplained, currency);
        Amount.require("notConfirmed", notConfirmed, currency);
    }

    public String currency() {
        return inTransit.currency();
    }

    /** The lines in the order the statement prints them, by their field names. */
    public Map<String, Amount> lines() {
        Map<String, Amount> lines = new LinkedHashMap<>();
        lines.put("inTransit", inTransit);
        lines.put("firmFees", firmFees);
        lines.put("receiptsNotOnStatement", receiptsNotOnStatement);
        lines.put("bankCreditsNotBooked", bankCreditsNotBooked);
        lines.put("bankChargesNotBooked", bankChargesNotBooked);
        lines.put("amountDifferences", amountDifferences);
        lines.put("otherBookEntries", otherBookEntries);
        lines.put("negativeBalances", negativeBalances);
        lines.put("residuals", residuals);
        lines.put("writtenOff", writtenOff);
        lines.put("unexplained", unexplained);
        lines.put("notConfirmed", notConfirmed);
        return lines;
    }

    /** Resource − client money in the books, exactly. */
    public Amount total() {
        return lines().values().stream().reduce(Amount::plus).orElseThrow();
    }

    /** Resource − requirement: the total less what is in transit (owed, and so in the requirement). */
    public Amount excessOrShortfall() {
        return total().minus(inTransit);
    }
}
