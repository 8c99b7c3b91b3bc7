package se.clientfunds.ledger;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A balanced set of journal lines for one business event. The event type and reference identify the event:
 * the ledger posts one event once, however often a restarted job offers it.
 */
public record JournalEntry(LocalDate bookingDate, LedgerEvent event, String reference, String description,
                           List<JournalLine> lines) {

    public JournalEntry {
        Objects.requireNonNull(bookingDate, "bookingDate");
        Objects.requireNonNull(event, "event");
        String eventType = event.name();
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("journal entry " + eventType + " needs a reference");
        }
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("journal entry " + eventType + " " + reference + " has "
                    + lines.size() + " line(s): an entry needs at least two");
        }
        Map<String, Long> sums = new TreeMap<>();
        for (JournalLine line : lines) {
            sums.merge(line.amount().currency().getCurrencyCode(), line.signedMinorUnits(), Math::addExact);
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new UnbalancedEntryException(eventType, reference, Currency.getInstance(currency), sum);
            }
        });
    }

    public static JournalEntry of(LocalDate bookingDate, LedgerEvent event, String reference, String description,
                                  JournalLine... lines) {
        return new JournalEntry(bookingDate, event, reference, description, List.of(lines));
    }

    /** The event's name as {@code journal_entry.event_type} holds it. */
    public String eventType() {
        return event.name();
    }
}
