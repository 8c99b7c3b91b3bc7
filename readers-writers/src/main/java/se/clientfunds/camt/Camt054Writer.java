package se.clientfunds.camt;

import java.io.OutputStream;
import java.util.Objects;

/**
 * Streams a camt.054.001.08 bank-to-customer debit/credit notification with one {@code Ntfctn} for one account,
 * an entry at a time, so memory stays flat however many payments the file holds.
 * {@link #close()} completes the document and flushes, but leaves the stream open for its owner to close.
 */
public final class Camt054Writer implements AutoCloseable {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

    private final NotificationHeader header;
    private final CamtXmlWriter xml;
    private EntryTotals written;
    private boolean closed;

    public Camt054Writer(OutputStream out, NotificationHeader header) {
        Objects.requireNonNull(out, "out");
        this.header = Objects.requireNonNull(header, "header");
        this.written = EntryTotals.empty(header.currency());
        this.xml = new CamtXmlWriter(out, NAMESPACE, "camt.054 " + header.messageId());
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

    public void write(CamtEntry entry) {
        if (closed) {
            throw new IllegalStateException("camt.054 " + header.messageId() + " is already closed");
        }
        if (!entry.amount().currency().equals(header.currency())) {
            throw new IllegalArgumentException("camt.054 " + header.messageId() + ", entry "
                    + entry.accountServicerReference() + ": amount " + entry.amount() + " is not in the account currency "
                    + header.currency());
        }
        xml.entry(entry);
        written = written.plus(entry);
    }

    /** Totals of the entries written so far. */
    public EntryTotals written() {
        return written;
    }

    /**
     * Ends the document.
     *
     * @throws CamtWriteException when the header stated totals that the written entries do not match
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        xml.finish();
        if (header.totals() != null && !header.totals().equals(written)) {
            throw new CamtWriteException("camt.054 " + header.messageId() + ": header totals " + header.totals()
                    + " do not match the entries written " + written);
        }
    }
}
