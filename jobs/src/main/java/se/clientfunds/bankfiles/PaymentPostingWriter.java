package se.clientfunds.bankfiles;

import static se.clientfunds.jobs.ColumnText.fit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.ledger.JournalLine;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.money.Money;

/**
 * Posts the staged incoming payments of a bank file: <em>payment received</em> (debit BANK, credit UNALLOCATED) for
 * each credit, and for a BGMax deduction its reverse. The event reference is the account and the bank's reference,
 * so a payment posts once whatever restarts or files bring it again.
 */
class PaymentPostingWriter implements ItemWriter<PaymentPostingWriter.StagedPayment> {

    /** A staged payment as read back from {@code bank_transaction}. */
    record StagedPayment(String accountIban, String bankReference, boolean credit, Money amount, LocalDate bookingDate,
                         String counterparty) {
    }

    private final Ledger ledger;
    private final LateBookingRule lateBooking;

    PaymentPostingWriter(Ledger ledger, LateBookingRule lateBooking) {
        this.ledger = ledger;
        this.lateBooking = lateBooking;
    }

    @Override
    public void write(Chunk<? extends StagedPayment> chunk) {
        List<JournalEntry> entries = new ArrayList<>(chunk.size());
        for (StagedPayment payment : chunk) {
            LedgerAccount bank = LedgerAccount.bank(payment.accountIban());
            LocalDate booked = lateBooking.postingDate(payment.bookingDate());
            String reference = payment.accountIban() + "/" + payment.bankReference();
            String description = payment.counterparty() == null ? null : fit(payment.counterparty(), 500);
            entries.add(payment.credit()
                    ? JournalEntry.of(booked, LedgerEvent.PAYMENT_RECEIVED, reference, description,
                            JournalLine.debit(bank, payment.amount()), JournalLine.credit(LedgerAccount.UNALLOCATED, payment.amount()))
                    : JournalEntry.of(booked, LedgerEvent.PAYMENT_DEDUCTED, reference, description,
                            JournalLine.debit(LedgerAccount.UNALLOCATED, payment.amount()), JournalLine.credit(bank, payment.amount())));
        }
        ledger.post(entries);
    }

}
