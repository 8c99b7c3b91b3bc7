package se.clientfunds.camt;

import java.io.OutputStream;
import java.util.Objects;

/**
 * Streams a camt.054.001.08 bank-to-customer debit/credit notification with one {@code Ntfctn} for one account,
 * an entry at a time, so memory stays flat however many payments the file holds.
 * {@link #close()} completes the document and flushes, but leaves the stream open for its owner to close.
 */
public final class Camt054Writer extends CamtEntryDocument {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

    public Camt054Writer(OutputStream out, NotificationHeader header) {
        super(new CamtXmlWriter(Objects.requireNonNull(out, "out"), NAMESPACE,
                "camt.054 " + Objects.requireNonNull(header, "header").messageId()),
                "camt.054 " + header.messageId(), header.currency(), header.totals());
        xml.start("BkToCstmrDbtCdtNtfctn");
        xml.groupHeader(header.messageId(), header.createdAt());
        xml.start("Ntfctn");
        xml.text("Id", header.notificationId());
        xml.text("CreDtTm", CamtXmlWriter.dateTime(header.createdAt()));
        xml.account(header.account(), header.currency());
        if (header.totals() != null) {
            xml.totals(header.totals());
        }
    }

    /** A notification has no checks beyond its stated totals. */
    @Override
    void check(EntryTotals written) {
    }
}
