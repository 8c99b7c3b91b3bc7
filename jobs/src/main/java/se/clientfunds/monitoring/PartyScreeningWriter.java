package se.clientfunds.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import se.clientfunds.sanctions.NameMatcher;

/**
 * Screens clients, debtors and recent payers against the list in force ({@code SANCTIONS_MATCH}): a name at or above
 * the threshold raises an alert that explains the match, once per party and listed entity (a payer: once per
 * payment, as the allocation's screening does), whatever lists and days follow. An exact hit on a payer whose payment
 * is still all in UNALLOCATED holds it, as the allocation's screening would have; money already paid on is not
 * recalled, the alert says where it went.
 */
public class PartyScreeningWriter implements ItemWriter<PartyToScreen> {

    private final NameMatcher matcher;
    private final double threshold;
    private final SanctionsLists.ImportedList list;
    private final String why;
    private final LocalDate businessDate;
    private final Long jobExecutionId;
    private final AmlAlerts alerts;
    private final PaymentHolds holds;

    /**
     * @param why how the party came to be screened, for the explanation ("the list came into force", "new in the
     *            day's extract")
     */
    public PartyScreeningWriter(NameMatcher matcher, double threshold, SanctionsLists.ImportedList list, String why,
                                LocalDate businessDate, Long jobExecutionId, AmlAlerts alerts, PaymentHolds holds) {
        this.matcher = matcher;
        this.threshold = threshold;
        this.list = list;
        this.why = why;
        this.businessDate = businessDate;
        this.jobExecutionId = jobExecutionId;
        this.alerts = alerts;
        this.holds = holds;
    }

    @Override
    public void write(Chunk<? extends PartyToScreen> chunk) {
        for (PartyToScreen party : chunk) {
            if (party.name() == null || party.name().isBlank()) {
                continue;
            }
            List<NameMatcher.Match> matches = matcher.matches(party.name(), threshold);
            if (matches.isEmpty()) {
                continue;
            }
            NameMatcher.Match best = matches.get(0);
            boolean payer = party.kind() == NewAlert.SubjectKind.PAYER;
            String evidenceKey = payer ? party.payment().key()
                    : party.kind().name().toLowerCase(Locale.ROOT) + " " + party.id() + " ~ " + best.listed().reference();
            String subject = party.name().strip();
            // a payer's payment already alerted is alerted again only when a newer list makes it an exact hit (and a hold)
            if (payer && best.exact() ? alerts.exactSanctionsMatchRaised(party.kind(), subject, evidenceKey)
                    : alerts.sanctionsMatchRaised(party.kind(), subject, evidenceKey)) {
                continue;
            }
            boolean hold = payer && best.exact() && party.holdable();
            StringBuilder explanation = new StringBuilder(party.kind().name().toLowerCase(Locale.ROOT)).append(" \"")
                    .append(subject).append("\"").append(payer ? "" : " (" + party.id() + ")").append(": ")
                    .append(best.explanation());
            explanation.append(SanctionsHits.alsoMatched(matches)).append("; list ").append(list.label()).append("; screened because ").append(why);
            if (hold) {
                explanation.append("; the payment is held from allocation");
            } else if (payer && best.exact()) {
                explanation.append("; the payment was allocated before the list named its payer: not held, see where it went");
            }
            long alertId = alerts.raise(new NewAlert(AlertRule.SANCTIONS_MATCH, best.exact() ? NewAlert.Severity.HIGH
                    : NewAlert.Severity.MEDIUM, businessDate, party.kind(), subject, evidenceKey,
                    payer ? party.payment().amount() : null, explanation.toString(), list.importId(),
                    payer ? List.of(party.payment().key()) : List.of()), jobExecutionId);
            if (hold) {
                holds.hold(party.payment(), alertId, businessDate, SanctionsHits.holdReason(subject, best, alertId));
            }
        }
    }
}
