package se.clientfunds.bank;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.clientfunds.money.Money;

/**
 * Checks that the money in a parsed bank file adds up, streaming, without holding its entries: batch transactions
 * sum to their entry, a section's entries match its declared count and net, opening balance + booked entries =
 * closing balance, and every amount is in the section's currency. A file that parses may still be refused here;
 * the reason names the section or entry and the figures.
 */
public final class BankFileValidation {

    public static final int REPORTED_PROBLEMS = 100;

    private static final String BOOKED = "BOOK";

    private final List<BankFileVerdict.Problem> problems = new ArrayList<>();
    private final List<BankFileVerdict.Problem> warnings = new ArrayList<>();
    private long problemCount;

    private BankFileValidation() {
    }

    /** Reads the parser to its end and returns what was found. Format errors from the parser are thrown, not collected. */
    public static BankFileVerdict validate(String fileName, BankFileParser parser) {
        return new BankFileValidation().run(fileName, parser);
    }

    private BankFileVerdict run(String fileName, BankFileParser parser) {
        List<BankSection> sections = new ArrayList<>();
        Map<String, Money> credits = new TreeMap<>();
        Map<String, Money> debits = new TreeMap<>();
        long entries = 0;
        SectionTotals open = null;
        for (BankRecord record = parser.next(); record != null; record = parser.next()) {
            if (record instanceof BankRecord.SectionOpened opened) {
                open = new SectionTotals(opened.section());
            } else if (record instanceof BankRecord.Entry entry) {
                entries++;
                BankEntry e = entry.entry();
                checkEntry(entry.section(), e);
                (e.direction() == Direction.CREDIT ? credits : debits)
                        .merge(e.amount().currency().getCurrencyCode(), e.amount(), Money::plus);
                if (open != null && !open.add(e) && entry.section().currency() == null) {
                    // an account without a stated currency must still keep to one
                    problem(e.location(), "amount " + e.amount() + " is in another currency than the section's other entries");
                }
            } else if (record instanceof BankRecord.SectionClosed closed) {
                if (open != null) {
                    checkSection(closed.section(), open);
                }
                sections.add(closed.section());
                open = null;
            }
        }
        if (sections.isEmpty()) {
            problem("file", "holds no statement, notification or deposit");
        }
        List<BankFileVerdict.Problem> allWarnings = new ArrayList<>(parser.warnings());
        allWarnings.addAll(warnings);
        return new BankFileVerdict(fileName, parser.format(), parser.version(), sections, entries, credits, debits,
                problems, problemCount, allWarnings.subList(0, Math.min(allWarnings.size(), REPORTED_PROBLEMS)));
    }

    private void checkEntry(BankSection section, BankEntry entry) {
        Currency currency = section.currency();
        if (currency != null && !entry.amount().currency().equals(currency)) {
            problem(entry.location(), "amount " + entry.amount() + " is not in the account currency " + currency);
            return;
        }
        List<BankTransaction> transactions = entry.transactions();
        if (entry.declaredBatchCount() != null && entry.declaredBatchCount() != transactions.size()) {
            problem(entry.location(), "batch says " + entry.declaredBatchCount() + " transactions, holds "
                    + transactions.size());
        }
        // every entry's transactions, one or many, must carry exactly the money the bank booked on the entry
        if (!transactions.isEmpty()) {
            Money sum = Money.zero(entry.amount().currency());
            for (BankTransaction transaction : transactions) {
                if (!transaction.amount().currency().equals(entry.amount().currency())) {
                    problem(transaction.location(), "amount " + transaction.amount() + " is not in the entry's currency "
                            + entry.amount().currency());
                    return;
                }
                sum = transaction.direction() == entry.direction() ? sum.plus(transaction.amount()) : sum.minus(transaction.amount());
            }
            if (!sum.equals(entry.amount())) {
                problem(entry.location(), (transactions.size() == 1 ? "its transaction says " : "batch transactions add up to ")
                        + sum + ", the entry says " + entry.amount());
            }
        }
    }

    private void checkSection(BankSection section, SectionTotals totals) {
        if (section.declaredEntryCount() != null && section.declaredEntryCount() != totals.count) {
            problem(section.location(), "says " + section.declaredEntryCount() + " entries, holds " + totals.count);
        }
        // a section without entries nets zero: it must not escape the check because there was nothing to sum
        Money entriesNet = totals.net == null && totals.count == 0 && section.declaredNet() != null
                ? Money.zero(section.declaredNet().currency()) : totals.net;
        if (section.declaredNet() != null && entriesNet != null && !section.declaredNet().equals(entriesNet)) {
            problem(section.location(), "says the entries net " + section.declaredNet() + ", they net " + entriesNet);
        }
        for (BankBalance balance : section.balances()) {
            if (section.currency() != null && !balance.amount().currency().equals(section.currency())) {
                problem(section.location(), balance.type() + " balance " + balance.amount() + " is not in the account currency "
                        + section.currency());
                return;
            }
        }
        var opening = section.balance("OPBD");
        var closing = section.balance("CLBD");
        if (opening.isPresent() && closing.isPresent()) {
            Money net = totals.bookedNet == null ? Money.zero(opening.get().amount().currency()) : totals.bookedNet;
            if (!net.currency().equals(opening.get().amount().currency())) {
                problem(section.location(), "entries in " + net.currency() + " cannot carry a balance in "
                        + opening.get().amount().currency());
                return;
            }
            Money computed = opening.get().amount().plus(net);
            if (!computed.equals(closing.get().amount())) {
                problem(section.location(), "opening + entries != closing: " + opening.get().amount() + " + " + net + " = "
                        + computed + ", the closing balance says " + closing.get().amount());
            }
        }
    }

    /** Something the operator should know about a file that is read all the same. */
    private void warning(String location, String reason) {
        warnings.add(new BankFileVerdict.Problem(location, reason));
    }

    private void problem(String location, String reason) {
        problemCount++;
        if (problems.size() < REPORTED_PROBLEMS) {
            problems.add(new BankFileVerdict.Problem(location, reason));
        }
    }

    /** Running sums of one section's entries; mixed currencies leave the net unknown (a problem of its own). */
    private static final class SectionTotals {

        private final BankSection section;
        private long count;
        private Money net;
        private Money bookedNet;

        SectionTotals(BankSection section) {
            this.section = section;
        }

        /** Returns false when the entry is in another currency than the section's (or than its first entry's). */
        boolean add(BankEntry entry) {
            count++;
            Currency expected = section.currency() != null ? section.currency() : net != null ? net.currency() : null;
            if (expected != null && !entry.amount().currency().equals(expected)) {
                return false;
            }
            net = net == null ? entry.signedAmount() : net.plus(entry.signedAmount());
            if (entry.status() == null || BOOKED.equals(entry.status())) {
                bookedNet = bookedNet == null ? entry.signedAmount() : bookedNet.plus(entry.signedAmount());
            }
            return true;
        }
    }
}
