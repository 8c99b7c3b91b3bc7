package se.clientfunds.camt;

import java.util.Currency;

/**
 * What camt.053 and camt.054 writers share: entries are written one at a time in the account's currency and
 * counted, and closing the document checks the stated totals against what was written.
 */
abstract class CamtEntryDocument implements AutoCloseable {

    final CamtXmlWriter xml;
    private final String label;
    private final Currency currency;
    private final EntryTotals statedTotals;
    private EntryTotals written;
    private boolean closed;

    CamtEntryDocument(CamtXmlWriter xml, String label, Currency currency, EntryTotals statedTotals) {
        this.xml = xml;
        this.label = label;
        this.currency = currency;
        this.statedTotals = statedTotals;
        this.written = EntryTotals.empty(currency);
    }

    public void write(CamtEntry entry) {
        if (closed) {
            throw new IllegalStateException(label + " is already closed");
        }
        if (!entry.amount().currency().equals(currency)) {
            throw new IllegalArgumentException(label + ", entry " + entry.accountServicerReference() + ": amount "
                    + entry.amount() + " is not in the account currency " + currency);
        }
        xml.entry(entry);
        written = written.plus(entry);
    }

    /** Totals of the entries written so far. */
    public EntryTotals written() {
        return written;
    }

    /**
     * Ends the document, leaving the stream open for its owner.
     *
     * @throws CamtWriteException when the document's own checks fail or the stated totals do not match the entries
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        xml.finish();
        check(written);
        if (statedTotals != null && !statedTotals.equals(written)) {
            throw new CamtWriteException(label + ": header totals " + statedTotals + " do not match the entries written "
                    + written);
        }
    }

    /** Checks particular to the document, run once all entries are written. */
    abstract void check(EntryTotals written);

    String label() {
        return label;
    }
}
