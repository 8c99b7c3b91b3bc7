package se.clientfunds.bank.mt940;

import java.time.LocalDate;
import java.util.Currency;

import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.Direction;
import se.clientfunds.money.Money;

/**
 * The subfields of an MT940 {@code :61:} statement line, as written.
 *
 * <p>The mark is {@code C} (credit), {@code D} (debit), {@code RC} (reversal of a credit: the credit is taken
 * back, money leaves the account, so it is a debit) or {@code RD} (reversal of a debit: money returns to the
 * account, a credit). {@link #direction()} applies that.
 *
 * @param entryDate            the booking date (MMDD with the year taken from the value date), or null when not given
 * @param fundsCode            the optional funds code letter (the currency's third letter), or null
 * @param amount               unsigned, in the statement's currency
 * @param transactionType      {@code N}, {@code F} or {@code S} and three characters: {@code NTRF}, {@code N426}
 * @param customerReference    the account owner's reference, often {@code NONREF}; empty when none
 * @param bankReference        the account servicing institution's reference after {@code //}, or null
 * @param supplementaryDetails the 34 characters on the next line (or after the references), or empty
 * @param valueDateAsWritten   the value date as the bank wrote it when it is not a day of its month (German banks'
 *                             30 February, a day of their 30-day-month interest convention) and was read as the
 *                             month's last day; null for a real date
 */
public record Mt940StatementLine(LocalDate valueDate, LocalDate entryDate, String mark, String fundsCode, Money amount,
                                 String transactionType, String customerReference, String bankReference,
                                 String supplementaryDetails, String valueDateAsWritten) {

    private static final int CUSTOMER_REFERENCE_LENGTH = 16;

    public Direction direction() {
        return switch (mark) {
            case "C", "RD" -> Direction.CREDIT;
            case "D", "RC" -> Direction.DEBIT;
            default -> throw new IllegalStateException("mark " + mark);
        };
    }

    /** Parses a {@code :61:} field; the amount takes the statement's currency. A bad subfield names itself and the value. */
    public static Mt940StatementLine parse(Mt940Field field, Currency currency, String fileName) {
        try {
            return parse(field.value(), currency);
        } catch (IllegalArgumentException e) {
            throw new BankFileException(fileName, "line " + field.line(), field.quoted() + ": " + e.getMessage(), e);
        }
    }

    private static Mt940StatementLine parse(String value, Currency currency) {
        int newline = value.indexOf('\n');
        String first = newline < 0 ? value : value.substring(0, newline);
        String next = newline < 0 ? "" : value.substring(newline + 1).replace("\n", " ");
        int at = 0;
        if (first.length() < 6) {
            throw new IllegalArgumentException("value date '" + first + "' is not YYMMDD");
        }
        String valueDateText = first.substring(0, 6);
        LocalDate valueDate = Mt940Values.valueDate(valueDateText);
        String valueDateAsWritten = valueDate.getDayOfMonth() == Integer.parseInt(valueDateText.substring(4, 6))
                ? null : valueDateText;
        at = 6;
        LocalDate entryDate = null;
        if (first.length() >= at + 4 && Mt940Values.digits(first.substring(at, at + 4))) {
            entryDate = Mt940Values.entryDate(first.substring(at, at + 4), valueDate);
            at += 4;
        } else if (first.startsWith("    ", at)) {
            at += 4; // the optional entry date left as four spaces: not given
        }
        String mark;
        if (first.startsWith("RC", at) || first.startsWith("RD", at)) {
            mark = first.substring(at, at + 2);
        } else if (first.startsWith("C", at) || first.startsWith("D", at)) {
            mark = first.substring(at, at + 1);
        } else {
            String after = first.substring(at, Math.min(first.length(), at + 4));
            throw new IllegalArgumentException(at == 6 && !after.isEmpty() && Character.isDigit(after.charAt(0))
                    ? "entry date '" + after + "' after the value date is not MMDD"
                    : "debit/credit mark '" + first.substring(at, Math.min(first.length(), at + 2)) + "' is not C, D, RC or RD");
        }
        at += mark.length();
        String fundsCode = null;
        if (at < first.length() && Character.isLetter(first.charAt(at)) && first.charAt(at) <= 'Z'
                && first.charAt(at) >= 'A') {
            fundsCode = first.substring(at, at + 1);
            at++;
        }
        int amountEnd = at;
        while (amountEnd < first.length() && !(first.charAt(amountEnd) >= 'A' && first.charAt(amountEnd) <= 'Z')) {
            amountEnd++;
        }
        Money amount = Mt940Values.amount(first.substring(at, amountEnd), currency);
        at = amountEnd;
        if (first.length() < at + 4 || "NFS".indexOf(first.charAt(at)) < 0) {
            throw new IllegalArgumentException("transaction type '" + first.substring(at)
                    + "' is not N, F or S and three characters");
        }
        String transactionType = first.substring(at, at + 4);
        at += 4;
        String rest = first.substring(at);
        String customerReference;
        String bankReference = null;
        String sameLineDetails = "";
        int slashes = rest.indexOf("//");
        if (slashes >= 0) {
            customerReference = rest.substring(0, slashes);
            bankReference = rest.substring(slashes + 2);
        } else if (rest.length() > CUSTOMER_REFERENCE_LENGTH) {
            customerReference = rest.substring(0, CUSTOMER_REFERENCE_LENGTH);
            sameLineDetails = rest.substring(CUSTOMER_REFERENCE_LENGTH);
        } else {
            customerReference = rest;
        }
        String details = sameLineDetails.isEmpty() ? next : next.isEmpty() ? sameLineDetails : sameLineDetails + " " + next;
        return new Mt940StatementLine(valueDate, entryDate, mark, fundsCode, amount, transactionType,
                customerReference.strip(), bankReference == null ? null : bankReference.strip(), details.strip(),
                valueDateAsWritten);
    }
}
