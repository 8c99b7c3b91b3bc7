package se.clientfunds.camt;

import java.io.OutputStream;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * Streams a camt.053.001.08 bank-to-customer statement with one {@code Stmt}: opening and closing booked balances
 * from the header, then the entries one at a time. {@link #close()} completes the document, leaves the stream open,
 * and refuses a statement whose entries do not carry the opening balance to the closing balance.
 */
public final class Camt053Writer extends CamtEntryDocument {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

    private final StatementHeader header;

    public Camt053Writer(OutputStream out, StatementHeader header) {
        super(new CamtXmlWriter(Objects.requireNonNull(out, "out"), NAMESPACE,
                "camt.053 " + Objects.requireNonNull(header, "header").messageId()),
                "camt.053 " + header.messageId(), header.currency(), header.totals());
        this.header = header;
        xml.start("BkToCstmrStmt");
        xml.groupHeader(header.messageId(), header.createdAt());
        xml.start("Stmt");
        xml.text("Id", header.statementId());
        xml.text("ElctrncSeqNb", Long.toString(header.electronicSequenceNumber()));
        xml.text("CreDtTm", CamtXmlWriter.dateTime(header.createdAt()));
        xml.account(header.account(), header.currency());
        balance("OPBD", header.openingBalance());
        balance("CLBD", header.closingBalance());
        if (header.totals() != null) {
            xml.totals(header.totals());
        }
    }

    // ISO 20022 amounts are never negative: the sign of a balance travels in CdtDbtInd
    private void balance(String type, Money balance) {
        xml.start("Bal");
        xml.start("Tp");
        xml.start("CdOrPrtry");
        xml.text("Cd", type);
        xml.end();
        xml.end();
        xml.amount("Amt", balance.isNegative() ? balance.negate() : balance);
        xml.text("CdtDbtInd", balance.isNegative() ? CreditDebit.DBIT.name() : CreditDebit.CRDT.name());
        xml.date("Dt", header.statementDate());
        xml.end();
    }

    /** Refuses a statement whose entries do not carry the opening balance to the closing balance. */
    @Override
    void check(EntryTotals written) {
        Money computed = header.openingBalance().plus(written.net());
        if (!computed.equals(header.closingBalance())) {
            throw new CamtWriteException(label() + ": opening " + header.openingBalance()
                    + " + entries " + written.net() + " = " + computed + ", not the stated closing balance "
                    + header.closingBalance());
        }
    }
}
