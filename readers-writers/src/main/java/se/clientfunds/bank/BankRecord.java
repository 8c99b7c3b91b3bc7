package se.clientfunds.bank;

/** What a {@link BankFileParser} yields, in file order: a section opened, its entries, the section closed. */
public sealed interface BankRecord permits BankRecord.SectionOpened, BankRecord.Entry, BankRecord.SectionClosed {

    /** A section begins; what is known of it before its entries. */
    record SectionOpened(BankSection section) implements BankRecord {
    }

    /** A booked entry of the section last opened. */
    record Entry(BankSection section, BankEntry entry) implements BankRecord {
    }

    /** A section ends; now complete with what came after its entries (MT940 closing balance, BGMax TK15 totals). */
    record SectionClosed(BankSection section) implements BankRecord {
    }
}
