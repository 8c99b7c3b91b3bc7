package se.clientfunds.pain;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Objects;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

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

    // the JDK's own implementation, not whichever StAX library is on the classpath: same input, same bytes
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final String INDENT = "  ";
    // the schema's Othr/Id for an agent the initiating party does not identify
    private static final String AGENT_NOT_PROVIDED = "NOTPROVIDED";

    private final XMLStreamWriter xml;
    private final String label;
    private final Iterator<CreditTransferBatch> declared;
    private CreditTransferBatch batch;
    private long writtenCount;
    private Money writtenSum;
    private String failure;
    private boolean closed;
    private int depth;
    private boolean lastWasStart;

    public Pain001Writer(OutputStream out, CreditTransferInitiation initiation) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(initiation, "initiation");
        this.label = "pain.001 " + initiation.messageId();
        this.declared = initiation.batches().iterator();
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            start("Document");
            xml.writeDefaultNamespace(NAMESPACE);
        } catch (XMLStreamException e) {
            throw failure("cannot start", e);
        }
        start("CstmrCdtTrfInitn");
        start("GrpHdr");
        text("MsgId", initiation.messageId());
        text("CreDtTm", initiation.createdAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        text("NbOfTxs", Long.toString(initiation.numberOfTransactions()));
        text("CtrlSum", initiation.controlSum().toPlainString());
        start("InitgPty");
        text("Nm", initiation.initiatingPartyName());
        end();
        end();
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
            end();
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
        start("PmtInf");
        text("PmtInfId", next.paymentInformationId());
        text("PmtMtd", "TRF");
        text("BtchBookg", "true");
        text("NbOfTxs", Long.toString(next.declaredCount()));
        text("CtrlSum", next.declaredControlSum().toDecimalString());
        start("ReqdExctnDt");
        text("Dt", next.requestedExecutionDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
        end();
        start("Dbtr");
        text("Nm", next.debtorName());
        end();
        account("DbtrAcct", next.debtorAccount());
        start("DbtrAgt");
        start("FinInstnId");
        if (next.debtorAgentBic() != null) {
            text("BICFI", next.debtorAgentBic());
        } else {
            start("Othr");
            text("Id", AGENT_NOT_PROVIDED);
            end();
        }
        end();
        end();
        text("ChrgBr", "SLEV");
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
        start("CdtTrfTxInf");
        start("PmtId");
        if (transfer.instructionId() != null) {
            text("InstrId", transfer.instructionId());
        }
        text("EndToEndId", transfer.endToEndId());
        end();
        start("Amt");
        amount("InstdAmt", transfer.amount());
        end();
        start("Cdtr");
        text("Nm", transfer.creditorName());
        end();
        account("CdtrAcct", transfer.creditorAccount());
        if (transfer.remittanceInformation() != null) {
            start("RmtInf");
            text("Ustrd", transfer.remittanceInformation());
            end();
        }
        end();
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
        try {
            if (failure == null) {
                failure = batch == null ? "no batch was written" : shortfall();
            }
            if (failure == null) {
                end();
            }
            if (failure == null && declared.hasNext()) {
                failure = "batch " + declared.next().paymentInformationId() + " was declared but never written";
            }
            if (failure != null) {
                xml.flush();
                throw new Pain001WriteException(label + ": " + failure);
            }
            while (depth > 0) {
                end();
            }
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw failure("cannot finish", e);
        }
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
        start(name);
        start("Id");
        text("IBAN", iban.value());
        end();
        end();
    }

    private void start(String name) {
        try {
            newLine();
            xml.writeStartElement(name);
            depth++;
            lastWasStart = true;
        } catch (XMLStreamException e) {
            throw failure("cannot write <" + name + ">", e);
        }
    }

    private void end() {
        try {
            depth--;
            if (!lastWasStart) {
                newLine();
            }
            xml.writeEndElement();
            lastWasStart = false;
        } catch (XMLStreamException e) {
            throw failure("cannot end an element", e);
        }
    }

    private void text(String name, String value) {
        try {
            newLine();
            xml.writeStartElement(name);
            xml.writeCharacters(value);
            xml.writeEndElement();
            lastWasStart = false;
        } catch (XMLStreamException e) {
            throw failure("cannot write <" + name + ">", e);
        }
    }

    private void amount(String name, Money amount) {
        try {
            newLine();
            xml.writeStartElement(name);
            xml.writeAttribute("Ccy", amount.currency().getCurrencyCode());
            xml.writeCharacters(amount.toDecimalString());
            xml.writeEndElement();
            lastWasStart = false;
        } catch (XMLStreamException e) {
            throw failure("cannot write <" + name + ">", e);
        }
    }

    // StAX does not indent, and people read these files when a payment is questioned
    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n");
        for (int i = 0; i < depth; i++) {
            xml.writeCharacters(INDENT);
        }
    }

    private Pain001WriteException failure(String what, Exception cause) {
        return new Pain001WriteException(label + ": " + what + ": " + cause.getMessage(), cause);
    }
}
