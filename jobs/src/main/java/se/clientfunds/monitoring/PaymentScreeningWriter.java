package se.clientfunds.monitoring;

import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import se.clientfunds.sanctions.NameMatcher;

/**
 * Screens a chunk of payers' names against the list in force: a name at or above the threshold raises a
 * {@code SANCTIONS_MATCH} alert that explains the match; an exact hit also holds the payment from allocation. Alerts
 * and holds are written in the chunk's transaction and identified by the payment, so a restart writes neither twice.
 */
public class PaymentScreeningWriter implements ItemWriter<PaymentToScreen> {

    private final NameMatcher matcher;
    private final double threshold;
    private final long listImportId;
    private final String listLabel;
    private final LocalDate businessDate;
    private final Long jobExecutionId;
    private final AmlAlerts alerts;
    private final PaymentHolds holds;

    public PaymentScreeningWriter(NameMatcher matcher, double threshold, long listImportId, String listLabel,
                                  LocalDate businessDate, Long jobExecutionId, AmlAlerts alerts, PaymentHolds holds) {
        this.matcher = matcher;
        this.threshold = threshold;
        this.listImportId = listImportId;
        this.listLabel = listLabel;
        this.businessDate = businessDate;
        this.jobExecutionId = jobExecutionId;
        this.alerts = alerts;
        this.holds = holds;
    }

    @Override
    public void write(Chunk<? extends PaymentToScreen> chunk) {
        for (PaymentToScreen payment : chunk) {
            if (payment.payerName() == null || payment.payerName().isBlank()) {
                continue;
            }
            List<NameMatcher.Match> matches = matcher.matches(payment.payerName(), threshold);
            if (matches.isEmpty()) {
                continue;
            }
            NameMatcher.Match best = matches.get(0);
            StringBuilder explanation = new StringBuilder("payer \"").append(payment.payerName()).append("\": ")
                    .append(best.explanation());
            explanation.append(SanctionsHits.alsoMatched(matches)).append("; list ").append(listLabel);
            if (best.exact()) {
                explanation.append("; the payment is held from allocation");
            }
            long alertId = alerts.raise(new NewAlert(AlertRule.SANCTIONS_MATCH, best.exact() ? NewAlert.Severity.HIGH
                    : NewAlert.Severity.MEDIUM, businessDate, NewAlert.SubjectKind.PAYER, payment.payerName(), payment.key(),
                    payment.amount(), explanation.toString(), listImportId, List.of(payment.key())), jobExecutionId);
            if (best.exact()) {
                holds.hold(payment, alertId, businessDate, SanctionsHits.holdReason(payment.payerName(), best, alertId));
            }
        }
    }
}
