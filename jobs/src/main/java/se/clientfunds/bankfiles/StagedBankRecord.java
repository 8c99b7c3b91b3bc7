package se.clientfunds.bankfiles;

import se.clientfunds.bank.BankRecord;

/** One record of a bank file on its way to the staging tables, numbered in file order (sections and entries apart). */
record StagedBankRecord(int sectionNo, long entryNo, BankRecord record) {
}
