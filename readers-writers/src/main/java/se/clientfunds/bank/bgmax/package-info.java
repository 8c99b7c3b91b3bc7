/**
 * Reading Bankgirot BGMax files (layout {@code BGMAX}, version 01): ISO-8859-1, CRLF, 80-character records, each
 * starting with its two-digit transaction code (TK). Field positions, 1-based as in Bankgirot's manual:
 * <pre>
 * TK01 start        3-22 layout name BGMAX, 23-24 version, 25-44 written (YYYYMMDDHHMMSS + 6 digits of
 *                   microseconds), 45 test mark T/P
 * TK05 opening      3-12 recipient bankgiro, 13-22 recipient plusgiro, 23-25 currency SEK/EUR
 * TK20 payment      3-12 sender bankgiro, 13-37 reference, 38-55 amount in öre/cent, 56 reference code 0-5,
 *                   57 payment channel code, 58-69 BGC serial number, 70 image mark 0/1
 * TK21 deduction    as TK20, and 71 deduction code
 * TK22/TK23 extra reference (positive/negative): as TK20
 * TK25 information  3-52 text
 * TK26 name         3-37 name, 38-72 extra name
 * TK27 address      3-37 address, 38-46 postcode
 * TK28 town         3-37 town, 38-72 country, 73-74 country code
 * TK29 org. number  3-14 payer's organisation or personal number
 * TK15 deposit end  3-37 recipient bank account, 38-45 payment date, 46-50 deposit serial number, 51-68 deposit
 *                   amount, 69-71 currency, 72-79 number of payments, 80 deposit type
 * TK70 end          3-10 payment records (TK20), 11-18 deduction records (TK21), 19-26 extra reference records
 *                   (TK22 and TK23), 27-34 deposit records (TK15)
 * </pre>
 * In the bank model: a deposit is a section (account: the recipient bankgiro), each TK20 a credit entry and each TK21
 * a debit entry with one transaction, booked and valued on the TK15 payment date. The transaction's references are
 * the TK20 reference when its reference code is 2 or 4 (Bankgirot checked it), then every non-blank TK22 reference,
 * then every TK23 reference prefixed with {@code -} (it names something the payer deducted, e.g. a credit note, and
 * so can never match an invoice as it is); the amounts TK22/TK23 assign to each reference are not kept, the model
 * has no place for them. A TK20 reference with another code (3: several, the good ones repeated as TK22; 5: failed
 * the check) opens the remittance text, followed by the TK25 texts, one per line. The counterparty is the TK26 name
 * (and extra name), the sender bankgiro without leading zeros, and the TK28 country code; TK27 and TK29 are checked
 * for order only. The entry's bank transaction code is {@code TK20/R<reference code>/C<channel>/I<image mark>}, with
 * {@code /D<deduction code>} added for a TK21.
 */
package se.clientfunds.bank.bgmax;
