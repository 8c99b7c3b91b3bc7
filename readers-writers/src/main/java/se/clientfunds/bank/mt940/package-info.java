/**
 * Reading SWIFT MT940 customer statements as {@link se.clientfunds.bank.BankRecord}s. {@link
 * se.clientfunds.bank.mt940.Mt940FieldReader} splits a file into fields (encoding, line ends, SWIFT blocks, bank
 * headers); {@link se.clientfunds.bank.mt940.Mt940Parser} checks their order and turns each statement into a section
 * and each {@code :61:}/{@code :86:} pair into an entry.
 *
 * <p>Decisions worth knowing: RC (reversal of a credit) is a debit and RD a credit, as SWIFT defines them; an entry
 * without an entry date is booked on its value date; {@code NONREF} is no bank reference; amounts are exact
 * ({@code 12.50} is refused, {@code 500} without a comma is read as 500.00); an {@code :86:} after the closing
 * balance is the statement's own text and not kept.
 */
package se.clientfunds.bank.mt940;
