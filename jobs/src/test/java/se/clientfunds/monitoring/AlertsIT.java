package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.money.Money;
import se.clientfunds.outcome.InputError;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;

/** An analyst works alerts through: NEW → IN_REVIEW → CLOSED_FALSE_POSITIVE | ESCALATED, every step recorded. */
@SpringBootTest(classes = JobsTestApplication.class)
class AlertsIT {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    Alerts alerts;

    @Autowired
    AmlAlerts amlAlerts;

    @Autowired
    JdbcTemplate jdbc;

    long first;
    long second;

    @BeforeEach
    void twoAlerts() {
        DatabaseReset.emptyAllTables(jdbc);
        first = amlAlerts.raise(alert("Ivar Testovsky", "SE01/REF-1"), null);
        second = amlAlerts.raise(alert("Olga Exempel", "SE01/REF-2"), null);
    }

    @Test
    void theSameFindingRaisedAgainIsTheSameAlert() {
        // when
        long again = amlAlerts.raise(alert("Ivar Testovsky", "SE01/REF-1"), null);
        // then
        assertThat(again).isEqualTo(first);
        assertThat(alerts.list(DAY, null, 100)).extracting(Alerts.Alert::id).containsExactly(second, first);
        assertThat(alerts.get(first).payments()).containsExactly("SE01/REF-1");
    }

    @Test
    void anAlertIsAssignedCommentedAndClosedAndEachStepIsRecorded() {
        // when
        alerts.assign(first, "karin", "looking into it");
        alerts.comment(first, "karin", "the payer is a Swedish company of the same name");
        Alerts.Alert closed = alerts.close(first, "karin", "another person: org number differs");
        // then
        assertThat(closed.status()).isEqualTo(Alerts.Status.CLOSED_FALSE_POSITIVE);
        assertThat(closed.analyst()).isEqualTo("karin");
        assertThat(alerts.history(first)).extracting(event -> event.action() + " " + event.from() + ">" + event.to() + " "
                + event.comment()).containsExactly(
                        "ASSIGN NEW>IN_REVIEW looking into it",
                        "COMMENT IN_REVIEW>IN_REVIEW the payer is a Swedish company of the same name",
                        "CLOSE IN_REVIEW>CLOSED_FALSE_POSITIVE another person: org number differs");
        assertThat(jdbc.queryForList("SELECT CONCAT(action, ' ', subject, ' ', COALESCE(outcome, '-')) FROM operator_action"
                + " ORDER BY id", String.class)).containsExactly(
                        "ALERT_ASSIGN alert " + first + " NEW -> IN_REVIEW",
                        "ALERT_COMMENT alert " + first + " -",
                        "ALERT_CLOSE alert " + first + " IN_REVIEW -> CLOSED_FALSE_POSITIVE");
        assertThat(alerts.list(null, Alerts.Status.NEW, 100)).extracting(Alerts.Alert::id).containsExactly(second);
    }

    @Test
    void aMoveTheWorkflowDoesNotAllowIsRefusedNamingTheStatus() {
        // given
        alerts.escalate(second, "karin", "structured payments from a listed person");
        // then
        assertThatThrownBy(() -> alerts.close(second, "karin", "changed my mind"))
                .isInstanceOf(InputError.class)
                .hasMessage("alert " + second + " is ESCALATED: it cannot be closed (it can only be commented)");
        assertThatThrownBy(() -> alerts.assign(second, "karin", " "))
                .isInstanceOf(InputError.class).hasMessage("alert " + second + ": a reason is required (--reason)");
        assertThatThrownBy(() -> alerts.comment(999_999, "karin", "hello"))
                .isInstanceOf(InputError.class).hasMessage("alert 999999: no such alert (see settle alerts)");
        assertThat(alerts.get(second).status()).isEqualTo(Alerts.Status.ESCALATED);
    }

    @Test
    void anAlertHoldingAPaymentIsNotClosedUntilTheHoldIsReleased() {
        // given
        jdbc.update("INSERT INTO payment_hold (account_iban, bank_reference, currency, amount_minor, booking_date, held_on, reason,"
                + " alert_id) VALUES ('SE01', 'REF-1', 'SEK', 100, ?, ?, 'SANCTIONS_HOLD: test', ?)", DAY, DAY, first);
        // then
        assertThat(alerts.get(first).held()).isTrue();
        assertThatThrownBy(() -> alerts.close(first, "karin", "false positive"))
                .isInstanceOf(InputError.class)
                .hasMessageStartingWith("alert " + first + " holds a payment: release the hold first");
        assertThat(alerts.get(first).status()).isEqualTo(Alerts.Status.NEW);
    }

    private static NewAlert alert(String subject, String payment) {
        return new NewAlert(AlertRule.SANCTIONS_MATCH, NewAlert.Severity.MEDIUM, DAY, NewAlert.SubjectKind.PAYER, subject, payment,
                Money.ofMinor(100, "SEK"), "test", null, List.of(payment));
    }
}
