package se.clientfunds.bankfiles;

import static se.clientfunds.jobs.ColumnText.fit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import se.clientfunds.bank.AccountId;
import se.clientfunds.bank.BankBalance;
import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Direction;
import se.clientfunds.settings.ClientFundsAccount;

/**
 * Writes a bank file's sections, entries and transactions to the staging tables, one chunk per transaction, each
 * row with its import id: nothing counts until the import completes. Marks which transactions are payments to post.
 */
class BankFileStagingWriter implements ItemWriter<StagedBankRecord> {

    private final StagedBankFiles staged;
    private final BankFileCheck check;
    private final long importId;
    private final BankFileFormat format;
    private final Map<AccountId, ClientFundsAccount> accounts = new HashMap<>();

    BankFileStagingWriter(StagedBankFiles staged, BankFileCheck check, long importId, BankFileFormat format) {
        this.staged = staged;
        this.check = check;
        this.importId = importId;
        this.format = format;
    }

    @Override
    public void write(Chunk<? extends StagedBankRecord> chunk) {
        List<Object[]> sections = new ArrayList<>();
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> transactions = new ArrayList<>();
        for (StagedBankRecord staged : chunk) {
            if (staged.record() instanceof BankRecord.SectionClosed closed) {
                sections.add(sectionRow(staged, closed.section()));
            } else if (staged.record() instanceof BankRecord.Entry entry) {
                ClientFundsAccount account = accountOf(entry.section());
                BankEntry e = entry.entry();
                entries.add(new Object[] {importId, staged.entryNo(), staged.sectionNo(), e.location(), account.iban(),
                        e.amount().currency().getCurrencyCode(), code(e.direction()), e.amount().minorUnits(),
                        e.bookingDate(), e.valueDate(), e.accountServicerReference(), e.status(),
                        e.bankTransactionCode(), Math.max(1, e.transactions().size()), e.paymentInformationId(),
                        e.declaredBatchCount()});
                List<BankTransaction> details = e.transactions().isEmpty()
                        ? List.of(new BankTransaction(e.location(), e.direction(), e.amount(), e.accountServicerReference(),
                                null, null, List.of(), null))
                        : e.transactions();
                for (int i = 0; i < details.size(); i++) {
                    BankTransaction t = details.get(i);
                    transactions.add(new Object[] {importId, staged.entryNo(), i + 1, t.location(), account.iban(),
                            t.amount().currency().getCurrencyCode(), code(t.direction()), t.amount().minorUnits(),
                            e.bookingDate(), fit(bankReference(e, t, i + 1, details.size()), 140), fit(t.endToEndId(), 140),
                            fit(t.counterparty().name(), 140), fit(t.counterparty().account(), 64), country(t.counterparty().country()),
                            fit(String.join(" ", t.references()), 600), fit(t.remittanceText(), 600),
                            isPayment(account, e, t) ? 1 : 0});
                }
            }
        }
        if (!sections.isEmpty()) {
            staged.stageSections(sections);
        }
        if (!entries.isEmpty()) {
            staged.stageEntries(entries);
        }
        if (!transactions.isEmpty()) {
            staged.stageTransactions(transactions);
        }
    }

    private Object[] sectionRow(StagedBankRecord staged, BankSection section) {
        ClientFundsAccount account = accountOf(section);
        BankBalance opening = section.openingBalance().orElse(null);
        BankBalance closing = section.closingBalance().orElse(null);
        return new Object[] {importId, staged.sectionNo(), format.name(), section.id(), account.iban(),
                section.currency() == null ? account.currency() : section.currency().getCurrencyCode(),
                section.sequenceNumber(), opening == null ? null : opening.amount().minorUnits(),
                opening == null ? null : opening.date(), closing == null ? null : closing.amount().minorUnits(),
                closing == null ? null : closing.date(), staged.sectionEntries(),
                section.asOf() == null ? null : se.clientfunds.jobs.ColumnText.fit(section.asOf(), 40)};
    }

    /** The configured account a section is about, looked up once per account rather than once per entry. */
    private ClientFundsAccount accountOf(BankSection section) {
        return accounts.computeIfAbsent(section.account(), id -> check.accountOf(section));
    }

    /**
     * Incoming payments are booked transactions from notifications (camt.054 credits; BGMax payments and their
     * deductions), or a statement's credits for an account whose bank sends no notifications. A reversal is never
     * one: it undoes an earlier entry, and posting it would post that money a second time.
     */
    private boolean isPayment(ClientFundsAccount account, BankEntry entry, BankTransaction transaction) {
        // a pending or information-only entry is not money yet: its booked version comes later
        if (!entry.booked() || entry.reversal() || isBankgiroLump(account, entry)) {
            return false;
        }
        return switch (format) {
            case CAMT_054 -> transaction.direction() == Direction.CREDIT;
            case BGMAX -> true;
            case CAMT_053, MT940 -> account.paymentsSource() == ClientFundsAccount.PaymentsSource.STATEMENT
                    && transaction.direction() == Direction.CREDIT;
        };
    }

    /**
     * A batch the bank reports without its transactions, on an account a bankgiro pays into: the bank's lump of a
     * bankgiro deposit, whose payments the BGMax file posts one by one under their BGC serial numbers. Posting the
     * lump too would post that money twice (no reference links the two), so it is kept for reconciliation only.
     */
    static boolean isBankgiroLump(ClientFundsAccount account, BankEntry entry) {
        return account.bankgiro() != null && entry.declaredBatchCount() != null && entry.transactions().isEmpty();
    }

    /**
     * The bank's own reference of a transaction, the key that makes the same payment in two files recognisable:
     * its AcctSvcrRef (BGC serial number, MT940 bank reference), else the entry's with the transaction's place in a
     * batch, else its end-to-end id, else its place in the file (which the duplicate check refuses for a payment).
     */
    static String bankReference(BankEntry entry, BankTransaction transaction, int number, int count) {
        if (present(transaction.accountServicerReference())) {
            return transaction.accountServicerReference();
        }
        if (present(entry.accountServicerReference())) {
            return entry.accountServicerReference() + (count > 1 ? "/" + number : "");
        }
        if (present(transaction.endToEndId()) && !"NOTPROVIDED".equals(transaction.endToEndId())) {
            return transaction.endToEndId();
        }
        return transaction.location();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String code(Direction direction) {
        return direction == Direction.CREDIT ? "C" : "D";
    }

    private static String country(String country) {
        return country != null && country.length() == 2 ? country : null;
    }

}
