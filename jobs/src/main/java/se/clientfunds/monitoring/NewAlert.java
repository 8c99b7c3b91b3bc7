package se.clientfunds.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * What a rule found: identified by rule, subject, business date and evidence key, so that finding it again (a
 * restarted run) is the same alert.
 *
 * @param evidenceKey what makes this finding one: the payment it is about, or the payments together
 * @param amount      the amount it is about (a payment's, or the payments' together), or null
 * @param payments    the payments it rests on, as {@code iban/bank reference}
 */
public record NewAlert(AlertRule rule, Severity severity, LocalDate businessDate, SubjectKind subjectKind, String subject,
                       String evidenceKey, Money amount, String explanation, Long sanctionsList, List<String> payments) {

    public enum Severity { LOW, MEDIUM, HIGH }

    /** Whom an alert is about. */
    public enum SubjectKind { PAYER, DEBTOR, CLIENT }

    public NewAlert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(subjectKind, "subjectKind");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject: an alert is about someone, is '" + subject + "'");
        }
        if (evidenceKey == null || evidenceKey.isBlank()) {
            throw new IllegalArgumentException("evidenceKey: an alert says what it rests on, is '" + evidenceKey + "'");
        }
        payments = List.copyOf(payments);
    }
}
