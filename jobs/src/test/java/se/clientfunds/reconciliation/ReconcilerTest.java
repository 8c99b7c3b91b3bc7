package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.calendar.SwedishBankingCalendar;
import se.clientfunds.money.Money;

class ReconcilerTest {

    private static final LocalDate MON = LocalDate.of(2026, 3, 2);
    private static final LocalDate WED = LocalDate.of(2026, 3, 4);
    private static final LocalDate FRI = LocalDate.of(2026, 3, 6);

    private final Reconciler reconciler = new Reconciler(new Reconciler.Settings(sek(50_00), 2), new SwedishBankingCalendar());

    @Test
    void sameReferenceAndAmountMatchByReference() {
        // given
        BankItem bank = bank("B1", MON, 100_00, List.of("BK1"), null, null);
        BookItem books = book("L1", MON, 100_00, "BK1", null, null);
        // when
        Reconciler.Result result = reconciler.reconcile(List.of(bank), List.of(books));
        // then
        assertThat(result.matches()).singleElement().satisfies(match -> {
            assertThat(match.rule()).isEqualTo(MatchRule.REFERENCE);
            assertThat(match.residual()).isEqualTo(sek(0));
        });
        assertThat(result.unmatchedBank()).isEmpty();
        assertThat(result.unmatchedBooks()).isEmpty();
    }

    @Test
    void oneBankDebitMatchesThePayoutsOfItsPaymentBatchWhenTheyAddUpExactly() {
        // given a batch-booked debit of three payouts, 0.01 + 1,000,000.00 + 333.33
        BankItem debit = bank("B1", WED, -(1 + 1_000_000_00L + 333_33), List.of("DBT-PO-1"), "PO-1", null);
        List<BookItem> payouts = List.of(book("L1", MON, -1, "PO-1-1", "PO-1", "A"),
                book("L2", MON, -1_000_000_00L, "PO-1-2", "PO-1", "B"), book("L3", MON, -333_33, "PO-1-3", "PO-1", "C"));
        // when
        Reconciler.Result result = reconciler.reconcile(List.of(debit), payouts);
        // then
        assertThat(result.matches()).singleElement().satisfies(match -> {
            assertThat(match.rule()).isEqualTo(MatchRule.BATCH_TOTAL);
            assertThat(match.books()).hasSize(3);
            assertThat(match.booksTotal()).isEqualTo(match.bankTotal());
        });
    }

    @Test
    void batchThatIsOneOreOffDoesNotMatch() {
        BankItem debit = bank("B1", WED, -(1_000_00 + 1), List.of("DBT-PO-1"), "PO-1", null);
        List<BookItem> payouts = List.of(book("L1", MON, -500_00, "PO-1-1", "PO-1", "A"), book("L2", MON, -500_00, "PO-1-2", "PO-1", "B"));
        Reconciler.Result result = reconciler.reconcile(List.of(debit), payouts);
        assertThat(result.matches()).isEmpty();
        assertThat(result.unmatchedBank()).hasSize(1);
        assertThat(result.unmatchedBooks()).hasSize(2);
    }

    @Test
    void oneBankCreditMatchesTheNotifiedBatchByItsMembersReferences() {
        BankItem deposit = new BankItem("B1", MON, MON, sek(300_00), List.of("DEP-7"), List.of("T1", "T2", "T3"), null, null);
        List<BookItem> payments = List.of(book("L1", MON, 100_00, "T1", null, "X"), book("L2", MON, 150_00, "T2", null, "Y"),
                book("L3", MON, 50_00, "T3", null, "Z"));
        Reconciler.Result result = reconciler.reconcile(List.of(deposit), payments);
        assertThat(result.matches()).singleElement().extracting(Match::rule).isEqualTo(MatchRule.BATCH_TOTAL);
    }

    @Test
    void oneBankCreditMatchesABgMaxDepositNamedByItsSerialNumber() {
        // given a statement credit for a whole BGMax deposit (TK15 serial 00074) and the deposit's payments in the books
        BankItem deposit = bank("B1", MON, 1_100_00 + 250_50, List.of("00074"), null, null);
        List<BookItem> payments = List.of(book("L1", MON, 1_100_00, "000000000012", "00074", "Kalles Plåt"),
                book("L2", MON, 250_50, "000000000013", "00074", "Olles Rör"));
        // when
        Reconciler.Result result = reconciler.reconcile(List.of(deposit), payments);
        // then
        assertThat(result.matches()).singleElement().satisfies(match -> {
            assertThat(match.rule()).isEqualTo(MatchRule.BATCH_TOTAL);
            assertThat(match.books()).extracting(BookItem::key).containsExactly("L1", "L2");
        });
    }

    @Test
    void sameAmountAndCounterpartyMatchWithinTheWindowOnly() {
        // given a credit without a usable reference; one posting two banking days earlier, one further away
        BankItem bank = bank("B1", FRI, 250_00, List.of(), null, "Åsa  Eriksson");
        BookItem near = book("L1", WED, 250_00, "X1", null, "åsa eriksson");
        BookItem far = book("L2", MON, 250_00, "X2", null, "Åsa Eriksson");
        // when
        Reconciler.Result result = reconciler.reconcile(List.of(bank), List.of(far, near));
        // then
        assertThat(result.matches()).singleElement().satisfies(match -> {
            assertThat(match.rule()).isEqualTo(MatchRule.AMOUNT_AND_COUNTERPARTY);
            assertThat(match.books()).extracting(BookItem::key).containsExactly("L1");
        });
        assertThat(result.unmatchedBooks()).extracting(BookItem::key).containsExactly("L2");
    }

    @Test
    void feeDeductedWithinTheToleranceMatchesAndLeavesAVisibleResidual() {
        BankItem bank = bank("B1", MON, 975_00, List.of("BK1"), null, null);
        BookItem books = book("L1", MON, 1_000_00, "BK1", null, null);
        Reconciler.Result result = reconciler.reconcile(List.of(bank), List.of(books));
        assertThat(result.matches()).singleElement().satisfies(match -> {
            assertThat(match.rule()).isEqualTo(MatchRule.TOLERANCE);
            assertThat(match.residual()).isEqualTo(sek(-25_00));
        });
    }

    @Test
    void differenceBeyondTheToleranceIsAnAmountDifference() {
        BankItem bank = bank("B1", MON, 900_00, List.of("BK1"), null, null);
        BookItem books = book("L1", MON, 1_000_00, "BK1", null, null);
        Reconciler.Result result = reconciler.reconcile(List.of(bank), List.of(books));
        assertThat(result.matches()).isEmpty();
        assertThat(result.differences()).singleElement().satisfies(difference ->
                assertThat(difference.bankMinusBooks()).isEqualTo(sek(-100_00)));
        assertThat(result.unmatchedBank()).isEmpty();
        assertThat(result.unmatchedBooks()).isEmpty();
    }

    @Test
    void whatMatchesNothingIsLeftOnItsSide() {
        BankItem fee = bank("B1", MON, -25_00, List.of("FEE1"), null, null);
        BookItem payment = book("L1", MON, 100_00, "BK9", null, null);
        Reconciler.Result result = reconciler.reconcile(List.of(fee), List.of(payment));
        assertThat(result.unmatchedBank()).extracting(BankItem::key).containsExactly("B1");
        assertThat(result.unmatchedBooks()).extracting(BookItem::key).containsExactly("L1");
    }

    @Test
    void aRuleTakesAnItemOnceEvenWhenTwoBankEntriesShareAReference() {
        BankItem first = bank("B1", MON, 100_00, List.of("BK1"), null, null);
        BankItem second = bank("B2", MON, 100_00, List.of("BK1"), null, null);
        BookItem books = book("L1", MON, 100_00, "BK1", null, null);
        Reconciler.Result result = reconciler.reconcile(List.of(first, second), List.of(books));
        assertThat(result.matches()).hasSize(1);
        assertThat(result.unmatchedBank()).extracting(BankItem::key).containsExactly("B2");
    }

    private static BankItem bank(String key, LocalDate date, long minor, List<String> references, String pmtInfId, String party) {
        return new BankItem(key, date, date, sek(minor), references, List.of(), pmtInfId, party);
    }

    private static BookItem book(String key, LocalDate date, long minor, String reference, String batch, String party) {
        return new BookItem(key, date, sek(minor), reference, batch, party);
    }

    private static Money sek(long minor) {
        return Money.ofMinor(minor, "SEK");
    }
}
