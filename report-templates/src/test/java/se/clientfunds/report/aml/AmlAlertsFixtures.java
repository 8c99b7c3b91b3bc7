package se.clientfunds.report.aml;

import java.util.List;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.pdf.ReportHeader;

/** An aml-alerts report of {@link ReportFixtures#DAY} with an alert of every rule, severity, status and subject kind. */
public final class AmlAlertsFixtures {

    public static final String IBAN = "SE4550000000058398257466";

    private AmlAlertsFixtures() {
    }

    public static AmlAlertsReport report() {
        return report(ReportFixtures.header());
    }

    /**
     * Alerts 101 to 103 of the day (a high sanctions match holding a payment and filed, a medium large payment in review,
     * a low round amount closed as a false positive), alerts 90 and 95 of the day before still open (structuring resting
     * on two payments, escalated; one payer paying many clients, new), and one alert of every other rule, status and
     * subject kind of the day.
     */
    public static AmlAlertsReport report(ReportHeader header) {
        var day = header.businessDate();
        var before = day.minusDays(1);
        List<AlertLine> alerts = List.of(
                new AlertLine(101, "SANCTIONS_MATCH", Severity.HIGH, day, SubjectKind.PAYER, "Ivan Petrov",
                        Amount.of(12_500_00, "SEK"), AlertStatus.FILED, "karin", "exact hit on EU.8001.01",
                        List.of(new AlertLine.Payment(IBAN, "REF-101"))),
                new AlertLine(102, "LARGE_PAYMENT", Severity.MEDIUM, day, SubjectKind.PAYER, "Björk & Söner AB",
                        Amount.of(250_000_00, "SEK"), AlertStatus.IN_REVIEW, "per", "250 000,00 SEK at or above 200 000,00 SEK",
                        List.of(new AlertLine.Payment(IBAN, "REF-102"))),
                new AlertLine(103, "ROUND_AMOUNT", Severity.LOW, day, SubjectKind.PAYER, "Anna Andersson",
                        Amount.of(50_000_00, "SEK"), AlertStatus.CLOSED_FALSE_POSITIVE, "per", "a whole multiple of 10 000",
                        List.of(new AlertLine.Payment(IBAN, "REF-103"))),
                new AlertLine(90, "STRUCTURING", Severity.HIGH, before, SubjectKind.PAYER, "Hans Müller",
                        Amount.of(28_000_00, "SEK"), AlertStatus.ESCALATED, "karin", "three payments under 10 000,00 SEK",
                        List.of(new AlertLine.Payment(IBAN, "REF-090a"), new AlertLine.Payment(IBAN, "REF-090b"))),
                new AlertLine(95, "ONE_PAYER_MANY_CLIENTS", Severity.MEDIUM, before, SubjectKind.PAYER, "Hans Müller", null,
                        AlertStatus.NEW, "", "eight clients in a banking day", List.of()),
                new AlertLine(104, "REFUND_TO_OTHER_ACCOUNT", Severity.MEDIUM, day, SubjectKind.DEBTOR, "Eva Ek",
                        Amount.of(100_00, "EUR"), AlertStatus.NEW, "", "refunded to another account", List.of()),
                new AlertLine(105, "HIGH_RISK_COUNTRY", Severity.LOW, day, SubjectKind.CLIENT, "Klient AB",
                        Amount.of(1_00, "SEK"), AlertStatus.NEW, "", "a payer in a listed country", List.of()),
                new AlertLine(106, "VELOCITY", Severity.LOW, day, SubjectKind.CLIENT, "Klient AB", null, AlertStatus.NEW, "",
                        "ten times the client's usual", List.of()));
        List<HeldPayment> held = List.of(new HeldPayment(IBAN, "REF-101", day, Amount.of(12_500_00, "SEK"), day, 101,
                "Ivan Petrov", "SANCTIONS_HOLD: payer \"Ivan Petrov\" is an exact hit on EU.8001.01"));
        List<FilingLine> filings = List.of(new FilingLine(101, "STR", "filings/" + day + "/goaml-STR-101.xml", "ab".repeat(32)));
        return new AmlAlertsReport(header, alerts, held, filings);
    }
}
