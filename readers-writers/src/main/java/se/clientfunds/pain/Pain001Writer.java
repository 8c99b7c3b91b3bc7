package se.clientfunds.pain;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Objects;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.xml.IndentedXmlWriter;

/**
 * Streams a pain.001.001.09 customer credit transfer initiation in UTF-8, one transfer at a time, so memory stays
 * flat however many transfers the file holds. Batches and their counts and control sums are declared up front,
 * because the group header states them first: a transfer that would exceed its batch is refused, and so is a batch
 * or file that falls short; {@link #close()} leaves the stream open for its owner.
 *
 * <pre>{@code
 * try (Pain001Writer writer = new Pain001Writer(out, initiation)) {
 *     writer.startBatch("PMT-1");
 *     writer.write(transfer);
 * }
 * }</pre>
 */
public final class Pain001Writer implements AutoCloseable {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    // the schema's Othr/Id for an agent the initiating party does not identify
    private static final String AGENT_NOT_PROVIDED = "NOTPROVIDED";

    // indented, because people read these files when a payment is questioned
    private final IndentedXmlWriter xml;
    private final String label;
    private final Iterator<CreditTransferBatch> declared;
    private CreditTransferBatch batch;
    private long writtenCount;
    private Money writtenSum;
    private String failure;
    private boolean closed;

    public Pain001Writer(OutputStream out, CreditTransferInitiation initiation) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(initiation, "initiation");
        this.label = "pain.001 " + initiation.messageId();
        this.declared = initiation.batches().iterator();
        this.xml = new IndentedXmlWriter(out, NAMESPACE, "Document", label, Pain001WriteException::new);
        xml.start("CstmrCdtTrfInitn");
        xml.start("GrpHdr");
        xml.text("MsgId", initiation.messageId());
        xml.text("CreDtTm", initiation.createdAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        xml.text("NbOfTxs", Long.toString(initiation.numberOfTransactions()));
        xml.text("CtrlSum", initiation.controlSum().toPlainString());
        xml.start("InitgPty");
        xml.text("Nm", initiation.initiatingPartyName());
        xml.end();
        xml.end();
    }

    /**
     * Ends the current batch, refusing it when it holds fewer transfers or less money than declared, and starts the
     * next declared one, which must be the batch named.
     */
    public void startBatch(String paymentInformationId) {
        requireOpen();
        if (batch != null) {
            failure = shortfall();
            if (failure != null) {
                throw new Pain001WriteException(label + ": " + failure);
            }
            xml.end();
        }
        if (!declared.hasNext()) {
            throw new Pain001WriteException(label + ": batch " + paymentInformationId
                    + " was not declared, or was already written");
        }
        CreditTransferBatch next = declared.next();
        if (!next.paymentInformationId().equals(paymentInformationId)) {
            failure = "batch " + paymentInformationId + " started where batch " + next.paymentInformationId()
                    + " was declared";
            throw new Pain001WriteException(label + ": " + failure);
        }
        batch = next;
        writtenCount = 0;
        writtenSum = Money.zero(next.currency());
        xml.start("PmtInf");
        xml.text("PmtInfId", next.paymentInformationId());
        xml.text("PmtMtd", "TRF");
        xml.text("BtchBookg", "true");
        xml.text("NbOfTxs", Long.toString(next.declaredCount()));
        xml.text("CtrlSum", next.declaredControlSum().toDecimalString());
        xml.start("ReqdExctnDt");
        xml.text("Dt", next.requestedExecutionDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
        xml.end();
        xml.start("Dbtr");
        xml.text("Nm", next.debtorName());
        xml.end();
        account("DbtrAcct", next.debtorAccount());
        xml.start("DbtrAgt");
        xml.start("FinInstnId");
        if (next.debtorAgentBic() != null) {
            xml.text("BICFI", next.debtorAgentBic());
        } else {
            xml.start("Othr");
            xml.text("Id", AGENT_NOT_PROVIDED);
            xml.end();
        }
        xml.end();
        xml.end();
        xml.text("ChrgBr", "SLEV");
    }

    /**
     * Writes one transfer into the current batch. A transfer in another currency, or one that would take the batch
     * past its declared count or control sum, is refused and not written.
     */
    public void write(CreditTransfer transfer) {
        requireOpen();
        Objects.requireNonNull(transfer, "transfer");
        if (batch == null) {
            throw new IllegalStateException(label + ": transfer " + transfer.endToEndId()
                    + " written before any batch was started");
        }
        String where = label + ", batch " + batch.paymentInformationId() + ": transfer " + transfer.endToEndId();
        if (!transfer.amount().currency().equals(batch.currency())) {
            throw new IllegalArgumentException(where + ": amount " + transfer.amount()
                    + " is not in the batch currency " + batch.currency().getCurrencyCode());
        }
        if (writtenCount == batch.declaredCount()) {
            throw new Pain001WriteException(where + " would be transfer " + (writtenCount + 1) + ", "
                    + batch.declaredCount() + " declared");
        }
        Money sum = writtenSum.plus(transfer.amount());
        if (sum.compareTo(batch.declaredControlSum()) > 0) {
            throw new Pain001WriteException(where + ": amount " + transfer.amount() + " would bring the batch to "
                    + sum + ", control sum " + batch.declaredControlSum() + " declared");
        }
        writtenCount++;
        writtenSum = sum;
        xml.start("CdtTrfTxInf");
        xml.start("PmtId");
        if (transfer.instructionId() != null) {
            xml.text("InstrId", transfer.instructionId());
        }
        xml.text("EndToEndId", transfer.endToEndId());
        xml.end();
        xml.start("Amt");
        amount("InstdAmt", transfer.amount());
        xml.end();
        xml.start("Cdtr");
        xml.text("Nm", transfer.creditorName());
        xml.end();
        account("CdtrAcct", transfer.creditorAccount());
        if (transfer.remittanceInformation() != null) {
            xml.start("RmtInf");
            xml.text("Ustrd", transfer.remittanceInformation());
            xml.end();
        }
        xml.end();
    }

    /**
     * Ends the document, leaving the stream open for its owner.
     *
     * @throws Pain001WriteException when the last batch falls short of what it declared or a declared batch was never
     *         started; the document is then left unfinished, so that it cannot pass for a complete file
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (failure == null) {
            failure = batch == null ? "no batch was written" : shortfall();
        }
        if (failure == null) {
            xml.end();
        }
        if (failure == null && declared.hasNext()) {
            failure = "batch " + declared.next().paymentInformationId() + " was declared but never written";
        }
        if (failure != null) {
            xml.flush();
            throw new Pain001WriteException(label + ": " + failure);
        }
        xml.finish();
    }

    /** Why the current batch does not match what it declared, or {@code null} when it does. */
    private String shortfall() {
        if (writtenCount == batch.declaredCount() && writtenSum.equals(batch.declaredControlSum())) {
            return null;
        }
        return "batch " + batch.paymentInformationId() + " declared " + batch.declaredCount()
                + " transfers summing to " + batch.declaredControlSum() + ", written " + writtenCount
                + " summing to " + writtenSum;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(label + " is already closed");
        }
        if (failure != null) {
            throw new IllegalStateException(label + " was refused earlier: " + failure);
        }
    }

    private void account(String name, Iban iban) {
        xml.start(name);
        xml.start("Id");
        xml.text("IBAN", iban.value());
        xml.end();
        xml.end();
    }

    private void amount(String name, Money amount) {
        xml.text(name, "Ccy", amount.currency().getCurrencyCode(), amount.toDecimalString());
    }
}
