package se.clientfunds.camt;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.xml.IndentedXmlWriter;

/**
 * The XML both camt writers share: the blocks that look the same in camt.053 and camt.054 (account, totals,
 * entries), written indented because people read these files when a reconciliation break is investigated.
 */
final class CamtXmlWriter {

    private final IndentedXmlWriter xml;

    CamtXmlWriter(OutputStream out, String namespace, String fileId) {
        this.xml = new IndentedXmlWriter(out, namespace, "Document", fileId, CamtWriteException::new);
    }

    static void requireMax35(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > 35) {
            throw new IllegalArgumentException(field + " '" + value + "' must have 1 to 35 characters");
        }
    }

    void start(String name) {
        xml.start(name);
    }

    void end() {
        xml.end();
    }

    void text(String name, String value) {
        xml.text(name, value);
    }

    void amount(String name, Money amount) {
        xml.text(name, "Ccy", amount.currency().getCurrencyCode(), amount.toDecimalString());
    }

    void date(String name, LocalDate date) {
        start(name);
        text("Dt", date.format(DateTimeFormatter.ISO_LOCAL_DATE));
        end();
    }

    static String dateTime(OffsetDateTime dateTime) {
        return dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    void groupHeader(String messageId, OffsetDateTime createdAt) {
        start("GrpHdr");
        text("MsgId", messageId);
        text("CreDtTm", dateTime(createdAt));
        end();
    }

    void account(Iban iban, java.util.Currency currency) {
        start("Acct");
        start("Id");
        text("IBAN", iban.value());
        end();
        text("Ccy", currency.getCurrencyCode());
        end();
    }

    void totals(EntryTotals totals) {
        start("TxsSummry");
        start("TtlNtries");
        text("NbOfNtries", Long.toString(totals.creditCount() + totals.debitCount()));
        text("Sum", totals.creditSum().plus(totals.debitSum()).toDecimalString());
        start("TtlNetNtry");
        Money net = totals.net();
        text("Amt", (net.isNegative() ? net.negate() : net).toDecimalString());
        text("CdtDbtInd", net.isNegative() ? CreditDebit.DBIT.name() : CreditDebit.CRDT.name());
        end();
        end();
        sumOfEntries("TtlCdtNtries", totals.creditCount(), totals.creditSum());
        sumOfEntries("TtlDbtNtries", totals.debitCount(), totals.debitSum());
        end();
    }

    private void sumOfEntries(String name, long count, Money sum) {
        start(name);
        text("NbOfNtries", Long.toString(count));
        text("Sum", sum.toDecimalString());
        end();
    }

    void entry(CamtEntry entry) {
        start("Ntry");
        amount("Amt", entry.amount());
        text("CdtDbtInd", entry.creditDebit().name());
        start("Sts");
        text("Cd", "BOOK");
        end();
        date("BookgDt", entry.bookingDate());
        date("ValDt", entry.valueDate());
        text("AcctSvcrRef", entry.accountServicerReference());
        transactionCode(entry.transactionCode());
        start("NtryDtls");
        if (entry.batch() != null) {
            batch(entry.creditDebit(), entry.batch());
            end();
            end();
            return;
        }
        start("TxDtls");
        start("Refs");
        text("AcctSvcrRef", entry.accountServicerReference());
        if (entry.endToEndId() != null) {
            text("EndToEndId", entry.endToEndId());
        }
        end();
        amount("Amt", entry.amount());
        text("CdtDbtInd", entry.creditDebit().name());
        if (entry.counterparty() != null) {
            relatedParties(entry.creditDebit(), entry.counterparty());
        }
        if (entry.creditorReference() != null) {
            start("RmtInf");
            start("Strd");
            start("CdtrRefInf");
            start("Tp");
            start("CdOrPrtry");
            text("Cd", "SCOR");
            end();
            end();
            text("Ref", entry.creditorReference());
            end();
            end();
            end();
        }
        end();
        end();
        end();
    }

    // Btch then one TxDtls per transfer, in the order the schema (EntryDetails9, BatchInformation2) demands
    private void batch(CreditDebit direction, EntryBatch batch) {
        start("Btch");
        text("PmtInfId", batch.paymentInformationId());
        text("NbOfTxs", Integer.toString(batch.transfers().size()));
        amount("TtlAmt", batch.totalAmount());
        text("CdtDbtInd", direction.name());
        end();
        boolean credit = direction == CreditDebit.CRDT;
        for (EntryBatch.Transfer transfer : batch.transfers()) {
            start("TxDtls");
            start("Refs");
            text("EndToEndId", transfer.endToEndId());
            end();
            amount("Amt", transfer.amount());
            text("CdtDbtInd", direction.name());
            start("RltdPties");
            start(credit ? "Dbtr" : "Cdtr");
            start("Pty");
            text("Nm", transfer.counterpartyName());
            end();
            end();
            if (transfer.counterpartyAccount() != null) {
                start(credit ? "DbtrAcct" : "CdtrAcct");
                start("Id");
                text("IBAN", transfer.counterpartyAccount().value());
                end();
                end();
            }
            end();
            end();
        }
    }

    private void transactionCode(BankTransactionCode code) {
        start("BkTxCd");
        start("Domn");
        text("Cd", code.domain());
        start("Fmly");
        text("Cd", code.family());
        text("SubFmlyCd", code.subFamily());
        end();
        end();
        end();
    }

    // the counterparty of a credit paid it (Dbtr), of a debit received it (Cdtr)
    private void relatedParties(CreditDebit direction, Counterparty party) {
        boolean credit = direction == CreditDebit.CRDT;
        start("RltdPties");
        start(credit ? "Dbtr" : "Cdtr");
        start("Pty");
        text("Nm", party.name());
        start("PstlAdr");
        text("Ctry", party.country());
        end();
        end();
        end();
        if (party.account() != null) {
            start(credit ? "DbtrAcct" : "CdtrAcct");
            start("Id");
            text("IBAN", party.account().value());
            end();
            end();
        }
        end();
    }

    void finish() {
        xml.finish();
    }
}
