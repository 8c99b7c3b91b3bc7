package se.clientfunds.bank.bgmax;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Counterparty;
import se.clientfunds.bank.Direction;
import se.clientfunds.money.Money;

/**
 * One TK20 payment or TK21 deduction while its TK22-TK29 records are read; it becomes a {@link BankEntry} when the
 * next TK20, TK21 or TK15 shows it is complete. Its size is bounded by {@link #MAX_RECORDS}, not by the deposit.
 */
final class PaymentUnderway {

    /** A payment paying thousands of invoices is plausible; a hundred thousand extra records for one is an attack. */
    static final int MAX_RECORDS = 10_000;

    /** Reference codes 2 and 4: the reference field holds a reference Bankgirot checked (OCR, or agreed format). */
    private static final String ACCEPTED_REFERENCE_CODES = "24";

    /** How a TK23 negative extra reference is kept in {@link BankTransaction#references()}. */
    static final String NEGATIVE_REFERENCE_PREFIX = "-";

    private final BgMaxLine line;
    private final Direction direction;
    private final Money amount;
    private final String senderBankgiro;
    private final String bgcSerial;
    private final String transactionCode;
    private final List<String> references = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private int records;
    private String name;
    private String countryCode;
    private boolean hasName;
    private boolean hasAddress;
    private boolean hasTown;
    private boolean hasOrganisationNumber;

    PaymentUnderway(BgMaxLine line, Direction direction, Money amount, String senderBankgiro, String reference,
                    char referenceCode, String bgcSerial, String transactionCode) {
        this.line = line;
        this.direction = direction;
        this.amount = amount;
        this.senderBankgiro = senderBankgiro;
        this.bgcSerial = bgcSerial;
        this.transactionCode = transactionCode;
        if (!reference.isEmpty()) {
            if (ACCEPTED_REFERENCE_CODES.indexOf(referenceCode) >= 0) {
                references.add(reference);
            } else {
                // code 3 (several references, the good ones follow as TK22) or 5 (refused by Bankgirot's check):
                // kept as the payer wrote it, as text, so nothing the payer gave is lost and nothing unchecked matches
                texts.add(reference);
            }
        }
    }

    long line() {
        return line.number();
    }

    void extraReference(BgMaxLine extra, String reference, boolean negative) {
        count(extra);
        if (!reference.isEmpty()) {
            references.add(negative ? NEGATIVE_REFERENCE_PREFIX + reference : reference);
        }
    }

    void information(BgMaxLine information, String text) {
        count(information);
        if (!text.isEmpty()) {
            texts.add(text);
        }
    }

    void name(BgMaxLine record, String name, String extraName) {
        hasName = once(record, hasName);
        String joined = (name + " " + extraName).strip();
        this.name = joined.isEmpty() ? null : joined;
    }

    void address(BgMaxLine record) {
        hasAddress = once(record, hasAddress);
    }

    void town(BgMaxLine record, String countryCode) {
        hasTown = once(record, hasTown);
        this.countryCode = countryCode.isEmpty() ? null : countryCode;
    }

    void organisationNumber(BgMaxLine record) {
        hasOrganisationNumber = once(record, hasOrganisationNumber);
    }

    private boolean once(BgMaxLine record, boolean seen) {
        count(record);
        if (seen) {
            throw record.error("is the second " + record.type() + " of the " + this.line.type() + " at line "
                    + this.line.number() + "; a payment has at most one");
        }
        return true;
    }

    private void count(BgMaxLine record) {
        if (++records > MAX_RECORDS) {
            throw record.error("makes more than " + MAX_RECORDS + " records for the " + line.type() + " at line "
                    + line.number());
        }
    }

    BankEntry toEntry(LocalDate paymentDate) {
        String location = line.location() + " (" + line.type() + ")";
        BankTransaction transaction = new BankTransaction(location, direction, amount, bgcSerial, null,
                new Counterparty(name, senderBankgiro, countryCode), references,
                texts.isEmpty() ? null : String.join("\n", texts));
        return new BankEntry(location, direction, amount, paymentDate, paymentDate, bgcSerial, "BOOK", transactionCode,
                null, null, List.of(transaction));
    }
}
