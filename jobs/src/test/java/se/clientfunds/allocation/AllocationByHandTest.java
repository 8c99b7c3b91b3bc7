package se.clientfunds.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.ledger.JournalLine;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.money.Money;

/** An operator's allocation by hand goes by the allocator's rules for the one invoice the operator chose. */
class AllocationByHandTest {

    private static final String IBAN = "SE4550000000058398257466";
    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);

    /** CL1: 1.00 SEK and 2 % a share; CL2 is now paid out in EUR. */
    private final PaymentAllocator allocator = new PaymentAllocator(Map.of(
            "CL1", new FeeTerms(sek(1_00), new BigDecimal("2")),
            "CL2", new FeeTerms(Money.ofMinor(0, "EUR"), BigDecimal.ZERO))::get);

    @Test
    void whatIsLeftPaysTheInvoiceUpToItsOutstandingWithTheClientsFeeAndTheRestStaysUnallocated() {
        // given 150.00 waiting, an invoice of 100.00 with 40.00 paid
        IncomingPayment waiting = waiting(sek(150_00));
        InvoiceBook.Invoice invoice = new InvoiceBook.Invoice("INV1", "CL1", null, sek(100_00), sek(40_00));
        // when
        Allocation allocation = allocator.allocateByHand(waiting, invoice);
        // then 60.00 pays it, with 1.00 + 2 % of 60.00, and 90.00 still waits: an operator's choice is no overpayment
        assertThat(allocation.shares()).containsExactly(new Allocation.InvoiceShare("INV1", "CL1", sek(60_00), sek(2_20)));
        assertThat(allocation.unallocated()).isEqualTo(sek(90_00));
        assertThat(allocation.toDebtorCredit()).isEqualTo(sek(0));
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.PARTLY_UNALLOCATED);
        assertThat(allocation.reason()).isNull();
    }

    @Test
    void whatIsLeftTakenWholeAllocatesThePayment() {
        // when
        Allocation allocation = allocator.allocateByHand(waiting(sek(30_00)),
                new InvoiceBook.Invoice("INV1", "CL1", null, sek(100_00), sek(0)));
        // then
        assertThat(allocation.toInvoices()).isEqualTo(sek(30_00));
        assertThat(allocation.unallocated()).isEqualTo(sek(0));
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.ALLOCATED);
    }

    @Test
    void anInvoiceThatCannotTakeAnyOfItIsRefusedWithTheFirstReasonInOrder() {
        // given
        IncomingPayment waiting = waiting(sek(10_00));
        InvoiceBook.Invoice inEuro = new InvoiceBook.Invoice("INV2", "CL1", null, Money.ofMinor(100_00, "EUR"), Money.ofMinor(0, "EUR"));
        InvoiceBook.Invoice paid = new InvoiceBook.Invoice("INV3", "CL1", null, sek(100_00), sek(100_00));
        InvoiceBook.Invoice ofAClientNowInEuro = new InvoiceBook.Invoice("INV4", "CL2", null, sek(100_00), sek(0));
        InvoiceBook.Invoice paidOfAClientNowInEuro = new InvoiceBook.Invoice("INV5", "CL2", null, sek(100_00), sek(100_00));
        InvoiceBook.Invoice ofAClientWithoutRecord = new InvoiceBook.Invoice("INV6", "CL9", null, sek(100_00), sek(0));
        // when / then
        assertThat(allocator.refusalByHand(waiting, inEuro)).contains(PaymentAllocator.Refusal.OTHER_CURRENCY);
        assertThat(allocator.refusalByHand(waiting, paid)).contains(PaymentAllocator.Refusal.PAID_IN_FULL);
        assertThat(allocator.refusalByHand(waiting, ofAClientNowInEuro))
                .contains(PaymentAllocator.Refusal.CLIENT_NOT_IN_INVOICE_CURRENCY);
        assertThat(allocator.refusalByHand(waiting, paidOfAClientNowInEuro)).contains(PaymentAllocator.Refusal.PAID_IN_FULL);
        assertThat(allocator.refusalByHand(waiting, ofAClientWithoutRecord))
                .contains(PaymentAllocator.Refusal.CLIENT_NOT_IN_INVOICE_CURRENCY);
        assertThat(allocator.refusalByHand(waiting, new InvoiceBook.Invoice("INV1", "CL1", null, sek(100_00), sek(0)))).isEmpty();
        assertThatThrownBy(() -> allocator.allocateByHand(waiting, paid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invoice INV3 cannot take payment " + IBAN + "/BK1: PAID_IN_FULL");
    }

    @Test
    void itsPostingsAreTheAllocatorsUnderTheEventAndReferenceGiven() {
        // given
        Allocation allocation = allocator.allocateByHand(waiting(sek(150_00)),
                new InvoiceBook.Invoice("INV1", "CL1", null, sek(100_00), sek(40_00)));
        // when
        List<JournalEntry> entries = allocation.journalEntries(DAY, LedgerEvent.MANUAL_ALLOCATION, IBAN + "/BK1/2", "anna: phoned the payer");
        // then
        assertThat(entries).containsExactly(
                JournalEntry.of(DAY, LedgerEvent.MANUAL_ALLOCATION, IBAN + "/BK1/2", "anna: phoned the payer",
                        JournalLine.debit(LedgerAccount.UNALLOCATED, sek(60_00)), JournalLine.credit(LedgerAccount.client("CL1"), sek(60_00))),
                JournalEntry.of(DAY, LedgerEvent.FEE_CHARGED, IBAN + "/BK1/2", null,
                        JournalLine.debit(LedgerAccount.client("CL1"), sek(2_20)), JournalLine.credit(LedgerAccount.PLATFORM_FEES, sek(2_20))));
    }

    private static IncomingPayment waiting(Money left) {
        return new IncomingPayment(IBAN, "BK1", left, DAY, List.of("12345"), "Åsa Eriksson");
    }

    private static Money sek(long minor) {
        return Money.ofMinor(minor, "SEK");
    }
}
