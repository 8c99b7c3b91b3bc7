package se.clientfunds.report.aml;

import java.time.LocalDate;
import java.util.List;

import se.clientfunds.report.Amount;

/**
 * One alert as it stood when the day's reports were written: what a rule found about whom, on which business date,
 * for how much, with the status and analyst of that moment, and the payments it rests on.
 *
 * @param rule        the rule's code ({@code LARGE_PAYMENT}, {@code SANCTIONS_MATCH}...), worded by the label
 *                    {@code AlertRule.<code>}; a rule without a label prints as its code, so a new rule still shows
 * @param amount      what the alert is about in money, null when the rule names no amount
 * @param analyst     who took it into review, empty when nobody has
 * @param payments    the evidence: the payments it rests on, in the order of account and bank reference
 */
public record AlertLine(long id, String rule, Severity severity, LocalDate businessDate, SubjectKind subjectKind, String subject,
                        Amount amount, AlertStatus status, String analyst, String explanation, List<Payment> payments) {

    /** A payment an alert rests on: the client-funds account it came into and the bank's reference of it. */
    public record Payment(String accountIban, String bankReference) {

        public Payment {
            if (accountIban == null || accountIban.isBlank()) {
                throw new IllegalArgumentException("accountIban '" + accountIban + "' of an alert's payment is blank");
            }
            if (bankReference == null || bankReference.isBlank()) {
                throw new IllegalArgumentException("bankReference '" + bankReference + "' of a payment to " + accountIban
                        + " is blank");
            }
        }
    }

    public AlertLine {
        String of = "alert " + id;
        if (id <= 0) {
            throw new IllegalArgumentException("id " + id + " of an alert is not positive");
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule '" + rule + "' of " + of + " is blank");
        }
        if (severity == null || businessDate == null || subjectKind == null || status == null) {
            throw new IllegalArgumentException("severity, businessDate, subjectKind or status of " + of + " is missing: "
                    + severity + ", " + businessDate + ", " + subjectKind + ", " + status);
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject '" + subject + "' of " + of + " is blank");
        }
        analyst = analyst == null ? "" : analyst;
        explanation = explanation == null ? "" : explanation;
        payments = payments == null ? List.of() : List.copyOf(payments);
    }
}
