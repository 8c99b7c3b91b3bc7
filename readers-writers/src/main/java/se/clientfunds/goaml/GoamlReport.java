package se.clientfunds.goaml;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A suspicious-transaction report as goAML takes it (schema 4/5, no namespace): who reports (the reporting entity, its
 * branch, the reporting person and the entity's address), why, what was done, the transactions with both parties'
 * accounts, and the indicators. Code lists (report, submission, funds, transmode and indicator codes) come from the FIU.
 *
 * @param entityReference our own reference of the report (the alert)
 * @param reportDate      the day the report is made
 */
public record GoamlReport(int rentityId, String rentityBranch, String submissionCode, String reportCode, String entityReference,
                          LocalDate reportDate, String localCurrency, ReportingPerson reportingPerson, Address location,
                          String reason, String action, List<Transaction> transactions, List<String> indicators) {

    public GoamlReport {
        Objects.requireNonNull(reportDate, "reportDate");
        transactions = List.copyOf(transactions);
        indicators = List.copyOf(indicators);
    }

    /** The person at the reporting entity who answers for the report. */
    public record ReportingPerson(String firstName, String lastName, String email, String phoneCountryPrefix, String phoneNumber) {
    }

    /** A postal address. */
    public record Address(String address, String city, String zip, String countryCode) {
    }

    /**
     * An account and who holds it. {@code institutionName} and one of {@code swift} or {@code institutionCode} say where
     * it is held; {@code holderName} is the holder as the bank named them (a person or a company, which a bank transfer
     * does not tell apart), {@code holderNumber} the holder's organisation number when known.
     */
    public record Account(String institutionName, String swift, String institutionCode, String account, String currency,
                          String accountName, String iban, String holderName, String holderNumber, String holderCountry) {
    }

    /**
     * One transaction: from an account (or, when the bank gave none, a party by name only) to an account.
     *
     * @param fromName    the payer's name, used when {@code from} is null
     */
    public record Transaction(String number, String location, String description, LocalDate date, BigDecimal amountLocal,
                              String fundsCode, String transmodeCode, Account from, String fromName, String fromCountry,
                              Account to, String toCountry) {
    }
}
