package se.clientfunds.report.aml;

import java.util.Comparator;
import java.util.List;

import se.clientfunds.report.pdf.ReportHeader;

/**
 * What {@code aml-alerts.xlsx} shows for one business day: the alerts raised on the day and every alert still open at
 * its end (as they stood when the day's reports were written), the payments held from allocation, and the goAML
 * filings made on the day. Each list is put in a fixed order here (alerts by id, held payments by account and bank
 * reference, filings by file), so the same records give the same workbook whatever order they were read in.
 */
public record AmlAlertsReport(ReportHeader header, List<AlertLine> alerts, List<HeldPayment> heldPayments,
                              List<FilingLine> filings) {

    public AmlAlertsReport {
        if (header == null) {
            throw new IllegalArgumentException("header is missing");
        }
        alerts = sorted("alerts", alerts, Comparator.comparingLong(AlertLine::id));
        heldPayments = sorted("heldPayments", heldPayments, Comparator.comparing(HeldPayment::accountIban)
                .thenComparing(HeldPayment::bankReference));
        filings = sorted("filings", filings, Comparator.comparing(FilingLine::file).thenComparingLong(FilingLine::alertId));
        for (AlertLine alert : alerts) {
            if (alert.businessDate().isAfter(header.businessDate())) {
                throw new IllegalArgumentException("alert " + alert.id() + " of " + alert.businessDate() + " is after the report's"
                        + " business date " + header.businessDate());
            }
            if (!alert.businessDate().equals(header.businessDate()) && !alert.status().open()) {
                throw new IllegalArgumentException("alert " + alert.id() + " of " + alert.businessDate() + " is " + alert.status()
                        + ": an earlier day's alert is listed only while it is open");
            }
        }
        for (int i = 1; i < alerts.size(); i++) {
            if (alerts.get(i).id() == alerts.get(i - 1).id()) {
                throw new IllegalArgumentException("alerts holds alert " + alerts.get(i).id() + " twice");
            }
        }
    }

    /** The alerts raised on the report's business day, whatever became of them since. */
    public List<AlertLine> newOnTheDay() {
        return alerts.stream().filter(alert -> alert.businessDate().equals(header.businessDate())).toList();
    }

    /** The alerts still open: new, in review or escalated, of the day or of any day before. */
    public List<AlertLine> open() {
        return alerts.stream().filter(alert -> alert.status().open()).toList();
    }

    private static <T> List<T> sorted(String field, List<T> items, Comparator<T> order) {
        if (items == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new IllegalArgumentException(field + " holds a missing entry at index " + i);
            }
        }
        return items.stream().sorted(order).toList();
    }
}
