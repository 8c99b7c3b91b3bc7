package se.clientfunds.camt;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * The XML both camt writers share: an indenting StAX writer and the blocks that look the same in camt.053 and
 * camt.054 (account, totals, entries). Indentation is written by hand because StAX has none, and people read
 * these files when a reconciliation break is investigated.
 */
final class CamtXmlWriter {

    // the JDK's own implementation, not whichever StAX library is on the classpath: same input, same bytes
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final String INDENT = "  ";

    private final XMLStreamWriter xml;
    private final String fileId;
    private int depth;
    private boolean lastWasStart;

    CamtXmlWriter(OutputStream out, String namespace, String fileId) {
        this.fileId = fileId;
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(namespace);
            start("Document");
            xml.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw failure("cannot start", e);
        }
    }

    static void requireMax35(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > 35) {
            throw new IllegalArgumentException(field + " '" + value + "' must have 1 to 35 characters");
        }
    }

    void start(String name) {
        try {
            newLine();
            xml.writeStartElement(name);
            depth++;
            lastWasStart = true;
        } catch (XMLStreamException e) {
            throw failure("cannot write <" + name + ">", e);
        }
    }

    void end() {
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

    void text(String name, String value) {
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

    void amount(String name, Money amount) {
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

    void date(String name, LocalDate date) {
        start(name);
        text("Dt", date.format(DateTimeFormatter.ISO_LOCAL_DATE));
        end();
    }

    static String dateTime(OffsetDateTime dateTime) {
        return dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    void groupHeader(String messageId, OffsetDateTime createdAt) {
        start("GrpHdr");
        text("MsgId", messageId);
        text("CreDtTm", dateTime(createdAt));
        end();
    }

    void account(Iban iban, java.util.Currency currency) {
        start("Acct");
        start("Id");
        text("IBAN", iban.value());
        end();
        text("Ccy", currency.getCurrencyCode());
        end();
    }

    void totals(EntryTotals totals) {
        start("TxsSummry");
        start("TtlNtries");
        text("NbOfNtries", Long.toString(totals.creditCount() + totals.debitCount()));
        text("Sum", totals.creditSum().plus(totals.debitSum()).toDecimalString());
        start("TtlNetNtry");
        Money net = totals.net();
        text("Amt", (net.isNegative() ? net.negate() : net).toDecimalString());
        text("CdtDbtInd", net.isNegative() ? CreditDebit.DBIT.name() : CreditDebit.CRDT.name());
        end();
        end();
        sumOfEntries("TtlCdtNtries", totals.creditCount(), totals.creditSum());
        sumOfEntries("TtlDbtNtries", totals.debitCount(), totals.debitSum());
        end();
    }

    private void sumOfEntries(String name, long count, Money sum) {
        start(name);
        text("NbOfNtries", Long.toString(count));
        text("Sum", sum.toDecimalString());
        end();
    }

    void entry(CamtEntry entry) {
        start("Ntry");
        amount("Amt", entry.amount());
        text("CdtDbtInd", entry.creditDebit().name());
        start("Sts");
        text("Cd", "BOOK");
        end();
        date("BookgDt", entry.bookingDate());
        date("ValDt", entry.valueDate());
        text("AcctSvcrRef", entry.accountServicerReference());
        transactionCode(entry.transactionCode());
        start("NtryDtls");
        start("TxDtls");
        start("Refs");
        text("AcctSvcrRef", entry.accountServicerReference());
        if (entry.endToEndId() != null) {
            text("EndToEndId", entry.endToEndId());
        }
        end();
        amount("Amt", entry.amount());
        text("CdtDbtInd", entry.creditDebit().name());
        if (entry.counterparty() != null) {
            relatedParties(entry.creditDebit(), entry.counterparty());
        }
        if (entry.creditorReference() != null) {
            start("RmtInf");
            start("Strd");
            start("CdtrRefInf");
            start("Tp");
            start("CdOrPrtry");
            text("Cd", "SCOR");
            end();
            end();
            text("Ref", entry.creditorReference());
            end();
            end();
            end();
        }
        end();
        end();
        end();
    }

    private void transactionCode(BankTransactionCode code) {
        start("BkTxCd");
        start("Domn");
        text("Cd", code.domain());
        start("Fmly");
        text("Cd", code.family());
        text("SubFmlyCd", code.subFamily());
        end();
        end();
        end();
    }

    // the counterparty of a credit paid it (Dbtr), of a debit received it (Cdtr)
    private void relatedParties(CreditDebit direction, Counterparty party) {
        boolean credit = direction == CreditDebit.CRDT;
        start("RltdPties");
        start(credit ? "Dbtr" : "Cdtr");
        start("Pty");
        text("Nm", party.name());
        start("PstlAdr");
        text("Ctry", party.country());
        end();
        end();
        end();
        if (party.account() != null) {
            start(credit ? "DbtrAcct" : "CdtrAcct");
            start("Id");
            text("IBAN", party.account().value());
            end();
            end();
        }
        end();
    }

    void finish() {
        try {
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

    CamtWriteException failure(String what, Exception cause) {
        return new CamtWriteException(fileId + ": " + what + ": " + cause.getMessage(), cause);
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n");
        for (int i = 0; i < depth; i++) {
            xml.writeCharacters(INDENT);
        }
    }
}
