package se.clientfunds.reconciliation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.money.Money;

/**
 * Matches one account's bank entries to its ledger postings, trying the rules of {@link MatchRule} in order, each
 * on what the earlier ones left. Sums are exact (minor units): a batch matches only when its postings add up to the
 * bank entry to the öre. Plain Java, for one account and currency at a time.
 */
public final class Reconciler {

    /**
     * @param tolerance  how much less than the books the bank may credit under the same reference (a fee deducted)
     *                   and still match, leaving the difference as a residual; zero for none
     * @param windowDays how many banking days apart the value date and the booking date may be for rule 3
     */
    public record Settings(Money tolerance, int windowDays) {

        public Settings {
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("the reconciliation tolerance must not be negative, is " + tolerance);
            }
            if (windowDays < 0) {
                throw new IllegalArgumentException("the reconciliation window must not be negative, is " + windowDays);
            }
        }
    }

    /** What matching left: matches by rule, same-reference pairs whose amounts differ, and what matched nothing. */
    public record Result(List<Match> matches, List<Difference> differences, List<BankItem> unmatchedBank,
                         List<BookItem> unmatchedBooks) {
    }

    /** A bank entry and a posting with the same reference and different amounts, beyond the tolerance. */
    public record Difference(BankItem bank, BookItem books) {

        public Money bankMinusBooks() {
            return bank.amount().minus(books.amount());
        }
    }

    private final Settings settings;
    private final BankingCalendar calendar;

    public Reconciler(Settings settings, BankingCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    public Result reconcile(List<BankItem> bankItems, List<BookItem> bookItems) {
        Map<String, BankItem> bank = new LinkedHashMap<>();
        bankItems.forEach(item -> bank.put(item.key(), item));
        Map<String, BookItem> books = new LinkedHashMap<>();
        bookItems.forEach(item -> books.put(item.key(), item));
        List<Match> matches = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();

        // 1. the same reference and amount
        Map<String, List<BookItem>> booksByReference = byReference(books);
        for (BankItem item : List.copyOf(bank.values())) {
            BookItem found = sameReference(item, booksByReference, books, candidate -> candidate.amount().equals(item.amount()));
            if (found != null) {
                take(bank, books, item, found);
                matches.add(new Match(MatchRule.REFERENCE, List.of(item), List.of(found), zero(item)));
            }
        }

        // 2. one bank entry against a batch of postings that adds up to it exactly
        Map<String, List<BookItem>> booksByBatch = new HashMap<>();
        books.values().stream().filter(item -> item.batch() != null)
                .forEach(item -> booksByBatch.computeIfAbsent(item.batch(), b -> new ArrayList<>()).add(item));
        booksByReference = byReference(books);
        for (BankItem item : List.copyOf(bank.values())) {
            List<BookItem> batch = batchOf(item, booksByBatch, booksByReference, books);
            if (batch != null) {
                bank.remove(item.key());
                batch.forEach(member -> books.remove(member.key()));
                matches.add(new Match(MatchRule.BATCH_TOTAL, List.of(item), batch, zero(item)));
            }
        }

        // 3. the same amount and counterparty, value date near the booking date; the first such posting in order
        Map<Money, List<BookItem>> booksByAmount = new HashMap<>();
        books.values().forEach(item -> booksByAmount.computeIfAbsent(item.amount(), a -> new ArrayList<>()).add(item));
        for (BankItem item : List.copyOf(bank.values())) {
            if (item.counterparty() == null) {
                continue;
            }
            String party = normalised(item.counterparty());
            for (BookItem candidate : booksByAmount.getOrDefault(item.amount(), List.of())) {
                if (books.containsKey(candidate.key()) && candidate.counterparty() != null
                        && normalised(candidate.counterparty()).equals(party)
                        && Math.abs(calendar.bankingDaysBetween(candidate.bookingDate(), item.valueDate())) <= settings.windowDays()) {
                    take(bank, books, item, candidate);
                    matches.add(new Match(MatchRule.AMOUNT_AND_COUNTERPARTY, List.of(item), List.of(candidate), zero(item)));
                    break;
                }
            }
        }

        // 4. the same reference, the bank's credit short by no more than the tolerance: matched, the residual kept
        booksByReference = byReference(books);
        for (BankItem item : List.copyOf(bank.values())) {
            BookItem found = sameReference(item, booksByReference, books, candidate -> {
                Money shortBy = candidate.amount().minus(item.amount());
                return item.amount().isPositive() && candidate.amount().isPositive() && shortBy.isPositive()
                        && shortBy.compareTo(settings.tolerance()) <= 0;
            });
            if (found != null) {
                take(bank, books, item, found);
                matches.add(new Match(MatchRule.TOLERANCE, List.of(item), List.of(found), item.amount().minus(found.amount())));
            }
        }

        // what still shares a reference differs in amount: one break for the pair, not two unrelated ones
        booksByReference = byReference(books);
        for (BankItem item : List.copyOf(bank.values())) {
            BookItem found = sameReference(item, booksByReference, books,
                    candidate -> candidate.amount().isPositive() == item.amount().isPositive());
            if (found != null) {
                take(bank, books, item, found);
                differences.add(new Difference(item, found));
            }
        }
        return new Result(matches, differences, List.copyOf(bank.values()), List.copyOf(books.values()));
    }

    private static Map<String, List<BookItem>> byReference(Map<String, BookItem> books) {
        Map<String, List<BookItem>> byReference = new HashMap<>();
        books.values().stream().filter(item -> item.reference() != null)
                .forEach(item -> byReference.computeIfAbsent(item.reference(), r -> new ArrayList<>()).add(item));
        return byReference;
    }

    private static BookItem sameReference(BankItem item, Map<String, List<BookItem>> booksByReference, Map<String, BookItem> books,
                                          java.util.function.Predicate<BookItem> fits) {
        for (String reference : item.references()) {
            for (BookItem candidate : booksByReference.getOrDefault(reference, List.of())) {
                if (books.containsKey(candidate.key()) && fits.test(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * The postings a bank entry books as one: those of its pain.001 payment batch (PmtInfId), of the notified batch
     * its reference names, or the ones its batch transactions name; only when they add up to the entry exactly.
     */
    private static List<BookItem> batchOf(BankItem item, Map<String, List<BookItem>> booksByBatch,
                                          Map<String, List<BookItem>> booksByReference, Map<String, BookItem> books) {
        List<List<BookItem>> candidates = new ArrayList<>();
        if (item.paymentInformationId() != null) {
            candidates.add(booksByBatch.getOrDefault(item.paymentInformationId(), List.of()));
        }
        for (String reference : item.references()) {
            candidates.add(booksByBatch.getOrDefault(reference, List.of()));
        }
        if (!item.batchMembers().isEmpty()) {
            Set<BookItem> members = new LinkedHashSet<>();
            for (String member : item.batchMembers()) {
                booksByReference.getOrDefault(member, List.of()).stream().findFirst().ifPresent(members::add);
            }
            candidates.add(List.copyOf(members));
        }
        for (List<BookItem> candidate : candidates) {
            List<BookItem> open = candidate.stream().filter(member -> books.containsKey(member.key())).toList();
            if (open.size() > 1 || (open.size() == 1 && item.paymentInformationId() != null)) {
                Money sum = open.stream().map(BookItem::amount).reduce(Money::plus).orElseThrow();
                if (sum.equals(item.amount())) {
                    return open;
                }
            }
        }
        return null;
    }

    private static void take(Map<String, BankItem> bank, Map<String, BookItem> books, BankItem item, BookItem posting) {
        bank.remove(item.key());
        books.remove(posting.key());
    }

    private static Money zero(BankItem item) {
        return Money.zero(item.amount().currency());
    }

    private static String normalised(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
