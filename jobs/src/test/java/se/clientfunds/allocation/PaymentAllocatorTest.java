package se.clientfunds.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.money.Money;
import se.clientfunds.reference.OcrReference;

class PaymentAllocatorTest {

    private static final String IBAN = "SE4550000000058398257466";
    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);
    private static final String OCR_1 = OcrReference.withCheckDigit("10000000001").value();
    private static final String OCR_2 = OcrReference.withCheckDigit("10000000002").value();
    private static final String OCR_EUR = OcrReference.withCheckDigit("10000000003").value();

    private final PaymentAllocator allocator = new PaymentAllocator(client -> new FeeTerms(sek(0), BigDecimal.ZERO));

    @Test
    void paymentOfTheExactAmountPaysTheInvoice() {
        // given
        InvoiceBook book = book();
        // when
        Allocation allocation = allocator.allocate(payment("BK1", sek(100_00), OCR_1), book);
        // then
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.ALLOCATED);
        assertThat(allocation.shares()).extracting(Allocation.InvoiceShare::invoiceId, Allocation.InvoiceShare::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INV1", sek(100_00)));
        assertThat(book.get("INV1").outstanding()).isEqualTo(sek(0));
    }

    @Test
    void underpaymentLeavesTheInvoicePartlyPaid() {
        InvoiceBook book = book();
        Allocation allocation = allocator.allocate(payment("BK1", sek(40_00), OCR_1), book);
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.ALLOCATED);
        assertThat(allocation.toInvoices()).isEqualTo(sek(40_00));
        assertThat(book.get("INV1").outstanding()).isEqualTo(sek(60_00));
    }

    @Test
    void excessOfAnOverpaymentIsOwedToThePayer() {
        InvoiceBook book = book();
        Allocation allocation = allocator.allocate(payment("BK1", sek(100_01), OCR_1), book);
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.OVERPAID);
        assertThat(allocation.toInvoices()).isEqualTo(sek(100_00));
        assertThat(allocation.toDebtorCredit()).isEqualTo(sek(1));
        assertThat(allocation.unallocated()).isEqualTo(sek(0));
    }

    @Test
    void secondPaymentOfAPaidInvoiceInTheSameRunIsADuplicate() {
        InvoiceBook book = book();
        allocator.allocate(payment("BK1", sek(100_00), OCR_1), book);
        Allocation second = allocator.allocate(payment("BK2", sek(100_00), OCR_1), book);
        assertThat(second.outcome()).isEqualTo(Allocation.Outcome.DUPLICATE);
        assertThat(second.toDebtorCredit()).isEqualTo(sek(100_00));
        assertThat(second.shares()).isEmpty();
    }

    @Test
    void invoicePaidInAnEarlierRunMakesTheNextPaymentADuplicate() {
        InvoiceBook book = new InvoiceBook();
        book.add(new InvoiceBook.Invoice("INV1", "CL1", OCR_1, sek(100_00), sek(100_00)));
        Allocation allocation = allocator.allocate(payment("BK9", sek(5_00), OCR_1), book);
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.DUPLICATE);
        assertThat(allocation.toDebtorCredit()).isEqualTo(sek(5_00));
    }

    @Test
    void onePaymentPaysSeveralInvoicesInTheOrderGiven() {
        InvoiceBook book = book();
        Allocation allocation = allocator.allocate(payment("BK1", sek(150_00), OCR_2, OCR_1), book);
        assertThat(allocation.shares()).extracting(Allocation.InvoiceShare::invoiceId, Allocation.InvoiceShare::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INV2", sek(50_00)),
                        org.assertj.core.groups.Tuple.tuple("INV1", sek(100_00)));
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.ALLOCATED);
    }

    @Test
    void paymentShortOfTwoInvoicesPaysTheFirstInFullAndTheSecondInPart() {
        InvoiceBook book = book();
        Allocation allocation = allocator.allocate(payment("BK1", sek(120_00), OCR_1, OCR_2), book);
        assertThat(allocation.shares()).extracting(Allocation.InvoiceShare::amount).containsExactly(sek(100_00), sek(20_00));
        assertThat(book.get("INV2").outstanding()).isEqualTo(sek(30_00));
    }

    @Test
    void invalidOcrStaysUnallocatedWithTheReason() {
        String broken = OCR_1.substring(0, OCR_1.length() - 1) + ((OCR_1.charAt(OCR_1.length() - 1) - '0' + 1) % 10);
        Allocation allocation = allocator.allocate(payment("BK1", sek(100_00), broken), book());
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.UNALLOCATED);
        assertThat(allocation.unallocated()).isEqualTo(sek(100_00));
        assertThat(allocation.reason()).startsWith("INVALID_OCR").contains(broken).contains("check digit");
        assertThat(allocation.journalEntries(DAY)).isEmpty();
    }

    @Test
    void unknownOcrStaysUnallocated() {
        String unknown = OcrReference.withCheckDigit("99999").value();
        Allocation allocation = allocator.allocate(payment("BK1", sek(100_00), unknown), book());
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.UNALLOCATED);
        assertThat(allocation.reason()).isEqualTo("UNKNOWN_OCR: no invoice has OCR " + unknown);
    }

    @Test
    void invoiceInAnotherCurrencyIsNotPaid() {
        Allocation allocation = allocator.allocate(payment("BK1", sek(100_00), OCR_EUR), book());
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.UNALLOCATED);
        assertThat(allocation.reason()).startsWith("CURRENCY_MISMATCH: invoice INV3 is in EUR");
    }

    @Test
    void clientWhoseCurrencyChangedSinceTheInvoiceLeavesThePaymentUnallocatedInsteadOfFailing() {
        // given the client of INV1 now keeps euro fee terms
        PaymentAllocator allocator = new PaymentAllocator(client -> new FeeTerms(Money.ofMinor(0, "EUR"), BigDecimal.ZERO));
        // when
        Allocation allocation = allocator.allocate(payment("BK1", sek(100_00), OCR_1), book());
        // then
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.UNALLOCATED);
        assertThat(allocation.reason()).isEqualTo("CURRENCY_MISMATCH: invoice INV1 is in SEK but client CL1 is now in EUR");
    }

    @Test
    void clientWithoutARecordLeavesThePaymentUnallocated() {
        Allocation allocation = new PaymentAllocator(client -> null).allocate(payment("BK1", sek(100_00), OCR_1), book());
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.UNALLOCATED);
        assertThat(allocation.reason()).endsWith("client CL1 has no client record");
    }

    @Test
    void paymentWithoutReferenceStaysUnallocated() {
        Allocation allocation = allocator.allocate(payment("BK1", sek(100_00)), book());
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.UNALLOCATED);
        assertThat(allocation.reason()).startsWith("NO_REFERENCE");
    }

    @Test
    void ocrOnTwoInvoicesIsNotGuessed() {
        InvoiceBook book = book();
        book.add(new InvoiceBook.Invoice("INV1-COPY", "CL2", OCR_1, sek(100_00), sek(0)));
        Allocation allocation = allocator.allocate(payment("BK1", sek(100_00), OCR_1), book);
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.UNALLOCATED);
        assertThat(allocation.reason()).startsWith("AMBIGUOUS_OCR").contains("INV1, INV1-COPY");
    }

    @Test
    void excessBesideAnUnresolvedReferenceWaitsForAnOperatorRatherThanGoingBackToThePayer() {
        // given: the second reference is unknown, so the excess may well be meant for another invoice
        String unknown = OcrReference.withCheckDigit("99999").value();
        // when
        Allocation allocation = allocator.allocate(payment("BK1", sek(130_00), OCR_1, unknown), book());
        // then
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.PARTLY_UNALLOCATED);
        assertThat(allocation.toInvoices()).isEqualTo(sek(100_00));
        assertThat(allocation.unallocated()).isEqualTo(sek(30_00));
        assertThat(allocation.toDebtorCredit()).isEqualTo(sek(0));
    }

    @Test
    void bgMaxDeductionReferenceNeverMatches() {
        Allocation allocation = allocator.allocate(payment("BK1", sek(100_00), "-" + OCR_1), book());
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.UNALLOCATED);
        assertThat(allocation.reason()).startsWith("INVALID_OCR");
    }

    @Test
    void postingsMoveUnallocatedToClientsAndDebtorCreditAndChargeFeesSeparately() {
        // given: 5.00 fixed + 1 %
        PaymentAllocator withFees = new PaymentAllocator(client -> new FeeTerms(sek(5_00), new BigDecimal("1.00")));
        // when
        Allocation allocation = withFees.allocate(payment("BK1", sek(110_00), OCR_1), book());
        List<JournalEntry> entries = allocation.journalEntries(DAY);
        // then
        assertThat(entries).extracting(JournalEntry::eventType).containsExactly("PAYMENT_ALLOCATED", "FEE_CHARGED");
        assertThat(entries.get(0).reference()).isEqualTo(IBAN + "/BK1");
        assertThat(entries.get(0).lines()).extracting(line -> line.side() + " " + line.account() + " " + line.amount())
                .containsExactly("DEBIT UNALLOCATED 110.00 SEK", "CREDIT CLIENT:CL1 100.00 SEK", "CREDIT DEBTOR_CREDIT 10.00 SEK");
        assertThat(entries.get(1).lines()).extracting(line -> line.side() + " " + line.account() + " " + line.amount())
                .containsExactly("DEBIT CLIENT:CL1 6.00 SEK", "CREDIT PLATFORM_FEES 6.00 SEK");
    }

    @Test
    void anAllocationMustAccountForTheWholePayment() {
        IncomingPayment payment = payment("BK1", sek(10_00), OCR_1);
        assertThatThrownBy(() -> new Allocation(payment, List.of(), sek(1_00), sek(1_00), Allocation.Outcome.UNALLOCATED, "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("accounts for 2.00 SEK of 10.00 SEK");
    }

    private static InvoiceBook book() {
        InvoiceBook book = new InvoiceBook();
        book.add(new InvoiceBook.Invoice("INV1", "CL1", OCR_1, sek(100_00), sek(0)));
        book.add(new InvoiceBook.Invoice("INV2", "CL1", OCR_2, sek(50_00), sek(0)));
        book.add(new InvoiceBook.Invoice("INV3", "CL2", OCR_EUR, Money.ofMinor(100_00, "EUR"), Money.ofMinor(0, "EUR")));
        return book;
    }

    private static IncomingPayment payment(String reference, Money amount, String... references) {
        return new IncomingPayment(IBAN, reference, amount, DAY, List.of(references), "Payer");
    }

    private static Money sek(long minor) {
        return Money.ofMinor(minor, "SEK");
    }
}
