package se.clientfunds.reconciliation;

import java.util.List;

import se.clientfunds.money.Money;

/** Bank entries and ledger postings matched by one rule; the residual (bank − books) is zero except under a tolerance. */
public record Match(MatchRule rule, List<BankItem> bank, List<BookItem> books, Money residual) {

    public Match {
        bank = List.copyOf(bank);
        books = List.copyOf(books);
        if (bank.isEmpty() || books.isEmpty()) {
            throw new IllegalArgumentException("a " + rule + " match needs both sides");
        }
    }

    public Money bankTotal() {
        return bank.stream().map(BankItem::amount).reduce(Money::plus).orElseThrow();
    }

    public Money booksTotal() {
        return books.stream().map(BookItem::amount).reduce(Money::plus).orElseThrow();
    }
}
