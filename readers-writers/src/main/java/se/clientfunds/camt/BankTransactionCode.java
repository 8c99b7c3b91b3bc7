package se.clientfunds.camt;

import java.util.regex.Pattern;

/**
 * An ISO 20022 bank transaction code ({@code BkTxCd/Domn}): domain, family and sub-family,
 * each four upper-case letters, e.g. PMNT/RCDT/DMCT for a received domestic credit transfer.
 */
public record BankTransactionCode(String domain, String family, String subFamily) {

    // declared before the constants below, which need it while the class initialises
    private static final Pattern CODE = Pattern.compile("[A-Z]{4}");

    /** A received domestic credit transfer: an incoming payment. */
    public static final BankTransactionCode RECEIVED_CREDIT_TRANSFER = new BankTransactionCode("PMNT", "RCDT", "DMCT");
    /** An issued domestic credit transfer: a payout or a refund. */
    public static final BankTransactionCode ISSUED_CREDIT_TRANSFER = new BankTransactionCode("PMNT", "ICDT", "DMCT");
    /** Charges the bank takes from the account. */
    public static final BankTransactionCode BANK_CHARGES = new BankTransactionCode("ACMT", "MDOP", "CHRG");

    public BankTransactionCode {
        requireCode("domain", domain);
        requireCode("family", family);
        requireCode("subFamily", subFamily);
    }

    private static void requireCode(String field, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("bank transaction code " + field + " '" + value
                    + "' must be four upper-case letters");
        }
    }
}
