package se.clientfunds.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.clientfunds.files.Sha256;
import se.clientfunds.goaml.GoamlException;
import se.clientfunds.goaml.GoamlReport;
import se.clientfunds.goaml.GoamlWriter;
import se.clientfunds.ledger.OpenBusinessDay;
import se.clientfunds.money.Money;
import se.clientfunds.operations.OperatorActions;
import se.clientfunds.outcome.InputError;
import se.clientfunds.settings.SettlementHome;

/**
 * Files an escalated alert with the FIU: a goAML suspicious-transaction report of the alert's payments, validated against
 * the FIU's schema, written to {@code filings/<business date>/goaml-<report code>-<alert id>.xml}; the alert becomes
 * FILED. The report is dated by the open business day, never the clock, so filing again gives the same bytes.
 */
@Service
public class Filings {

    /** A filing made: the file and its SHA-256. */
    public record Filing(long alertId, Path file, String sha256) {
    }

    private final JdbcTemplate jdbc;
    private final Alerts alerts;
    private final GoamlSettings settings;
    private final SettlementHome home;
    private final OpenBusinessDay openBusinessDay;

    public Filings(JdbcTemplate jdbc, Alerts alerts, GoamlSettings settings, SettlementHome home, OpenBusinessDay openBusinessDay) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.settings = settings;
        this.home = home;
        this.openBusinessDay = openBusinessDay;
    }

    @Transactional
    public Filing file(long id, String operator) {
        if (operator == null || operator.isBlank()) {
            throw new InputError("alert " + id + ": who files must be named (--operator)");
        }
        jdbc.queryForList("SELECT id FROM aml_alert WHERE id = ? FOR UPDATE", id);
        Alerts.Alert alert = alerts.get(id);
        if (alert.status() != Alerts.Status.ESCALATED) {
            throw new InputError("alert " + id + " is " + alert.status() + ": only an ESCALATED alert is filed (settle alerts"
                    + " escalate " + id + " --reason TEXT first)");
        }
        String missing = settings.missing();
        if (missing != null) {
            throw new InputError("alert " + id + " cannot be filed: " + missing + " is not set (see the README's goAML"
                    + " configuration)");
        }
        if (!Files.isRegularFile(settings.schema())) {
            throw new InputError("alert " + id + " cannot be filed: settlement.goaml.schema " + settings.schema()
                    + " is not a file");
        }
        GoamlReport report = report(alert);
        byte[] xml;
        try {
            xml = new GoamlWriter(settings.schema()).write(report);
        } catch (GoamlException e) {
            throw new InputError(e.getMessage());
        }
        Path folder = home.filings().resolve(alert.businessDate().toString());
        Path file = folder.resolve("goaml-" + settings.reportCode() + "-" + id + ".xml");
        write(folder, file, xml);
        String sha256 = Sha256.of(xml);
        jdbc.update("UPDATE aml_alert SET status = 'FILED' WHERE id = ?", id);
        String escalation = "filed as " + home.filings().relativize(file) + " (SHA-256 " + sha256 + ")";
        jdbc.update("INSERT INTO aml_alert_event (alert_id, action, from_status, to_status, operator, role, comment)"
                + " VALUES (?, 'FILE', 'ESCALATED', 'FILED', ?, ?, ?)", id, operator.trim(),
                se.clientfunds.operations.Actor.current().roles(), escalation);
        OperatorActions.record(jdbc, new OperatorActions.Entry(operator, "ALERT_FILE", "alert " + id + " (" + alert.subject()
                + ")", escalation, alert.businessDate(), null, "ESCALATED -> FILED"));
        return new Filing(id, file, sha256);
    }

    private GoamlReport report(Alerts.Alert alert) {
        String escalatedBecause = alerts.history(alert.id()).stream().filter(event -> event.to() == Alerts.Status.ESCALATED)
                .reduce((first, second) -> second).map(event -> " Escalated by " + event.operator() + ": " + event.comment())
                .orElse("");
        List<GoamlReport.Transaction> transactions = new ArrayList<>();
        for (String payment : alert.payments()) {
            transactions.add(transaction(alert, payment));
        }
        if (transactions.isEmpty()) {
            throw new InputError("alert " + alert.id() + " rests on no payment: there is no transaction to report");
        }
        GoamlSettings.ReportingPerson person = settings.reportingPerson();
        GoamlSettings.Location location = settings.location();
        return new GoamlReport(settings.rentityId(), settings.rentityBranch(), settings.submissionCode(), settings.reportCode(),
                "alert-" + alert.id(), openBusinessDay.current().date(), settings.localCurrency(),
                new GoamlReport.ReportingPerson(person.firstName(), person.lastName(), person.email(), person.phoneCountryPrefix(),
                        person.phoneNumber()),
                new GoamlReport.Address(location.address(), location.city(), location.zip(), location.countryCode()),
                alert.rule() + " (" + alert.severity() + ") on " + alert.businessDate() + ": " + alert.explanation() + "."
                        + escalatedBecause,
                alert.held() ? "The payments are held on the client-funds account and not paid out to the client."
                        : "Reported; the payments were not held.",
                transactions, settings.indicators());
    }

    private GoamlReport.Transaction transaction(Alerts.Alert alert, String payment) {
        int slash = payment.indexOf('/');
        List<java.util.Map<String, Object>> rows = jdbc.queryForList("SELECT t.amount_minor, t.currency, t.counterparty_name,"
                + " t.counterparty_account, t.counterparty_country, COALESCE(t.booking_date, f.business_date) AS booked,"
                + " t.remittance_text FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
                + " WHERE t.account_iban = ? AND t.bank_reference = ? AND t.is_payment = 1 ORDER BY t.import_id LIMIT 1",
                payment.substring(0, slash), payment.substring(slash + 1));
        if (rows.isEmpty()) {
            throw new InputError("alert " + alert.id() + ": payment " + payment + " is not in the books");
        }
        var row = rows.get(0);
        Money amount = Money.ofMinor(((Number) row.get("amount_minor")).longValue(), (String) row.get("currency"));
        if (!amount.currency().getCurrencyCode().equals(settings.localCurrency())) {
            throw new InputError("alert " + alert.id() + ": payment " + payment + " is in " + amount.currency().getCurrencyCode()
                    + ", not " + settings.localCurrency() + ": foreign-currency transactions are not filed yet");
        }
        String payer = row.get("counterparty_name") == null ? "(no name given by the bank)" : (String) row.get("counterparty_name");
        String fromAccount = (String) row.get("counterparty_account");
        String payerCountry = row.get("counterparty_country") != null ? (String) row.get("counterparty_country")
                : fromAccount != null && fromAccount.length() > 2 ? fromAccount.substring(0, 2) : "-";
        // the bank gives the payer's account, not the payer's bank: the bank is named by the IBAN's bank code
        boolean iban = fromAccount != null && fromAccount.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}");
        GoamlReport.Account from = fromAccount == null ? null : new GoamlReport.Account(
                "unknown: the bank gave the account only", null, iban ? fromAccount.substring(4, 8) : "-", fromAccount, null,
                payer, iban ? fromAccount : null, payer, null, null);
        String ourIban = payment.substring(0, slash);
        GoamlReport.Account to = new GoamlReport.Account(settings.bank().name(), settings.bank().swift(), null, ourIban,
                amount.currency().getCurrencyCode(), settings.entity().name() + " client funds", ourIban, settings.entity().name(),
                settings.entity().organisationNumber(), "SE");
        LocalDate booked = ((java.sql.Date) row.get("booked")).toLocalDate();
        return new GoamlReport.Transaction(payment.substring(slash + 1), "", "Incoming bank transfer to the client-funds account"
                + (row.get("remittance_text") == null ? "" : ": " + row.get("remittance_text")), booked,
                amount.toBigDecimal(), settings.fundsCode(), settings.transmodeCode(), from, payer, payerCountry, to, "SE");
    }

    private static void write(Path folder, Path file, byte[] xml) {
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve("." + file.getFileName() + ".partial");
            Files.write(partial, xml);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the filing " + file, e);
        }
    }
}
