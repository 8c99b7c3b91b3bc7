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

    private final List<BankFileVerdict.Problem> problems = new ArrayList<>();
    private final List<BankFileVerdict.Problem> warnings = new ArrayList<>();
    private long problemCount;
    private BankFileFormat format;

    private BankFileValidation() {
    }

    /** Reads the parser to its end and returns what was found. Format errors from the parser are thrown, not collected. */
    public static BankFileVerdict validate(String fileName, BankFileParser parser) {
        return new BankFileValidation().run(fileName, parser);
    }

    private BankFileVerdict run(String fileName, BankFileParser parser) {
        format = parser.format();
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
        if (!entry.booked()) {
            warning(entry.location(), "status " + entry.status() + ": not booked; " + entry.signedAmount()
                    + " is neither posted nor counted in the balances");
        }
        if (entry.reversal()) {
            warning(entry.location(), "reversal (" + (format == BankFileFormat.MT940 ? "mark RC/RD" : "RvslInd") + ") of "
                    + entry.signedAmount() + " "
                    + (entry.accountServicerReference() == null ? "" : "(" + entry.accountServicerReference() + ") ")
                    + "is never posted as a payment; on the statement it is a break until it is corrected");
        }
        List<BankTransaction> transactions = entry.transactions();
        Long batch = entry.declaredBatchCount();
        if (batch != null && transactions.size() > batch) {
            problem(entry.location(), "batch says " + batch + " transactions, holds " + transactions.size());
        }
        // every entry's transactions, one or many, must carry exactly the money the bank booked on the entry
        boolean addUp = transactions.isEmpty() ? Money.zero(entry.amount().currency()).equals(entry.amount())
                : transactionsAddUp(entry, batch);
        if (batch != null && batch > 1 && transactions.isEmpty()) {
            // Nordic banks report bank-giro deposits so: the entry is the batch, posted and reconciled as one
            warning(entry.location(), "batch of " + batch + " transactions without details: its amount "
                    + entry.amount() + " stands for the batch");
        } else if (batch != null && transactions.size() < batch && addUp) {
            warning(entry.location(), "batch says " + batch + " transactions, details are given for "
                    + transactions.size() + "; they add up to the entry's " + entry.amount() + " and are posted as given");
        }
    }

    /** Whether an entry's transactions carry, in its currency, exactly its amount; a problem when they do not. */
    private boolean transactionsAddUp(BankEntry entry, Long batch) {
        List<BankTransaction> transactions = entry.transactions();
        Money sum = Money.zero(entry.amount().currency());
        for (BankTransaction transaction : transactions) {
            if (!transaction.amount().currency().equals(entry.amount().currency())) {
                problem(transaction.location(), "amount " + transaction.amount() + " is not in the entry's currency "
                        + entry.amount().currency());
                return false;
            }
            sum = transaction.direction() == entry.direction() ? sum.plus(transaction.amount()) : sum.minus(transaction.amount());
        }
        if (sum.equals(entry.amount())) {
            return true;
        }
        boolean partial = batch != null && transactions.size() < batch;
        problem(entry.location(), (transactions.size() == 1 ? "its transaction says " : "batch transactions add up to ")
                + sum + ", the entry says " + entry.amount()
                + (partial ? " (details of " + transactions.size() + " of " + batch + " transactions)" : ""));
        return false;
    }

    private void checkSection(BankSection section, SectionTotals totals) {
        if (!section.declaredTotals().isEmpty()) {
            checkDeclaredTotals(section, totals);
        } else {
            checkDeclaredCountAndNet(section, totals);
        }
        checkBalances(section, totals);
    }

    /** Every count and sum the file declares, each named by its element, against the entries to the minor unit. */
    private void checkDeclaredTotals(BankSection section, SectionTotals totals) {
        for (DeclaredTotal declared : section.declaredTotals()) {
            String which = switch (declared.entries()) {
                case ALL, NET -> "entries";
                case CREDITS -> "credit entries";
                case DEBITS -> "debit entries";
            };
            if (declared.count() != null) {
                long held = switch (declared.entries()) {
                    case ALL, NET -> totals.count;
                    case CREDITS -> totals.creditCount;
                    case DEBITS -> totals.debitCount;
                };
                if (declared.count() != held) {
                    problem(declared.element(), "says " + declared.count() + " " + which + ", the section holds " + held);
                }
                continue;
            }
            Currency currency = declared.amount().currency();
            if (totals.net != null && !totals.net.currency().equals(currency)) {
                problem(declared.element(), "says " + declared.amount() + ", the entries are in " + totals.net.currency());
                continue;
            }
            Money credits = totals.credits == null ? Money.zero(currency) : totals.credits;
            Money debits = totals.debits == null ? Money.zero(currency) : totals.debits;
            Money actual = switch (declared.entries()) {
                case ALL -> credits.plus(debits);
                case CREDITS -> credits;
                case DEBITS -> debits;
                case NET -> credits.minus(debits);
            };
            if (!actual.equals(declared.amount())) {
                problem(declared.element(), declared.entries() == DeclaredTotal.Entries.NET
                        ? "says the entries net " + declared.amount() + ", they net " + actual
                        : "says " + declared.amount() + ", the " + which + " add up to " + actual);
            }
        }
    }

    private void checkDeclaredCountAndNet(BankSection section, SectionTotals totals) {
        if (section.declaredEntryCount() != null && section.declaredEntryCount() != totals.count) {
            problem(section.location(), "says " + section.declaredEntryCount() + " entries, holds " + totals.count);
        }
        // a section without entries nets zero: it must not escape the check because there was nothing to sum
        Money entriesNet = totals.net == null && totals.count == 0 && section.declaredNet() != null
                ? Money.zero(section.declaredNet().currency()) : totals.net;
        if (section.declaredNet() != null && entriesNet != null && !section.declaredNet().equals(entriesNet)) {
            problem(section.location(), "says the entries net " + section.declaredNet() + ", they net " + entriesNet);
        }
    }

    private void checkBalances(BankSection section, SectionTotals totals) {
        for (BankBalance balance : section.balances()) {
            if (section.currency() != null && !balance.amount().currency().equals(section.currency())) {
                problem(section.location(), balance.type() + " balance " + balance.amount() + " is not in the account currency "
                        + section.currency());
                return;
            }
        }
        var opening = section.openingBalance();
        var closing = section.closingBalance();
        if (format == BankFileFormat.CAMT_053 && (opening.isEmpty() || closing.isEmpty())) {
            // without both booked balances nothing about the statement's money can be checked, nor its continuity
            problem(section.location(), "statement " + (section.id() == null ? "" : section.id() + " ") + "has "
                    + (opening.isEmpty() && closing.isEmpty() ? "neither an opening (OPBD or PRCD) nor a closing booked balance (CLBD)"
                            : opening.isEmpty() ? "no opening booked balance (OPBD or PRCD)" : "no closing booked balance (CLBD)")
                    + (section.balances().isEmpty() ? "" : ", only " + String.join(", ",
                            section.balances().stream().map(BankBalance::type).toList()))
                    + ": its money cannot be checked");
        }
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
        private long creditCount;
        private long debitCount;
        private Money net;
        private Money credits;
        private Money debits;
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
            if (entry.direction() == Direction.CREDIT) {
                creditCount++;
                credits = credits == null ? entry.amount() : credits.plus(entry.amount());
            } else {
                debitCount++;
                debits = debits == null ? entry.amount() : debits.plus(entry.amount());
            }
            if (entry.booked()) {
                bookedNet = bookedNet == null ? entry.signedAmount() : bookedNet.plus(entry.signedAmount());
            }
            return true;
        }
    }
}
