package se.clientfunds.bankfiles;

import se.clientfunds.bank.BankRecord;

/**
 * One record of a bank file on its way to the staging tables, numbered in file order (sections and entries apart).
 *
 * @param sectionEntries for a closed section, how many entries it held
 */
record StagedBankRecord(int sectionNo, long entryNo, long sectionEntries, BankRecord record) {
}
