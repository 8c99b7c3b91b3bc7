package se.clientfunds.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
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
 * FILED. The business date is the open business day the filing is made on, never the clock: the report carries it, so
 * filing again gives the same bytes, and that day's reports list the filing (aml-alerts.xlsx, audit.pdf) and its
 * manifest chains it by its SHA-256 ({@code aml_filing}).
 */
@Service
public class Filings {

    /** A filing made: the file and its SHA-256. */
    public record Filing(long alertId, Path file, String sha256) {
    }

    /**
     * A filing as recorded for the business day it was made on.
     *
     * @param file   where it was written, under the settlement home, e.g. {@code filings/2026-01-07/goaml-STR-12.xml}
     * @param sha256 the SHA-256 of the bytes filed; null for a filing from before they were recorded apart whose history
     *               did not say
     */
    public record Made(long alertId, String reportCode, String file, String sha256) {
    }

    /** The settlement home's folder of filings, as the filings' paths start. */
    static final String FOLDER = "filings";

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
    public Filing file(long id, String operator, String reason) {
        if (operator == null || operator.isBlank()) {
            throw new InputError("alert " + id + ": who files must be named (--operator)");
        }
        if (reason == null || reason.isBlank()) {
            throw new InputError("alert " + id + ": a reason is required (--reason)");
        }
        List<String> status = jdbc.queryForList("SELECT status FROM aml_alert WHERE id = ? FOR UPDATE", String.class, id);
        if (status.isEmpty()) {
            throw new InputError("alert " + id + ": no such alert (see settle alerts)");
        }
        Alerts.Alert alert = alerts.get(id);
        if (alert.rule() == AlertRule.REFUND_TO_OTHER_ACCOUNT) {
            throw new InputError("alert " + id + " is a REFUND_TO_OTHER_ACCOUNT alert: its refund leg is not filed yet, only"
                    + " the incoming payment would be; file it by hand in the FIU's portal");
        }
        if (!"ESCALATED".equals(status.get(0))) {
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
        LocalDate day = filingDay(id);
        GoamlReport report = report(alert, day);
        byte[] xml;
        try {
            xml = new GoamlWriter(settings.schema()).write(report);
        } catch (GoamlException e) {
            throw new InputError(e.getMessage());
        }
        Path folder = home.filings().resolve(day.toString());
        String name = "goaml-" + settings.reportCode() + "-" + id + ".xml";
        Path file = folder.resolve(name);
        String sha256 = Sha256.of(xml);
        // the books first, the file last, in the same transaction: a file is never left behind by a rolled-back filing
        jdbc.update("UPDATE aml_alert SET status = 'FILED' WHERE id = ?", id);
        String filed = "filed as " + home.filings().relativize(file) + " (SHA-256 " + sha256 + "): " + reason.trim();
        jdbc.update("INSERT INTO aml_alert_event (alert_id, action, from_status, to_status, operator, role, comment)"
                + " VALUES (?, 'FILE', 'ESCALATED', 'FILED', ?, ?, ?)", id, se.clientfunds.jobs.ColumnText.fit(operator.trim(), 100),
                se.clientfunds.operations.Actor.current().roles(), se.clientfunds.jobs.ColumnText.fit(filed, 2000));
        jdbc.update("INSERT INTO aml_filing (alert_id, business_date, report_code, file_name, sha256, filed_by, event_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, LAST_INSERT_ID())", id, java.sql.Date.valueOf(day), settings.reportCode(),
                FOLDER + "/" + day + "/" + name, sha256, se.clientfunds.jobs.ColumnText.fit(operator.trim(), 100));
        OperatorActions.record(jdbc, new OperatorActions.Entry(operator, "ALERT_FILE", Alerts.auditSubject(id),
                Alerts.IN_HISTORY, day, null, "ESCALATED -> FILED"));
        write(folder, file, xml);
        return new Filing(id, file, sha256);
    }

    /**
     * The open business day, held until the filing commits: its close waits for the filing (a locking read of its
     * {@code business_day} row, or of the gap where that row will go), so a day's reports, written after its close,
     * list every filing made on it, and no filing is dated by a day whose reports are already written.
     */
    private LocalDate filingDay(long id) {
        LocalDate day = openBusinessDay.current().date();
        List<String> status = jdbc.queryForList("SELECT status FROM business_day WHERE business_date = ? FOR UPDATE",
                String.class, java.sql.Date.valueOf(day));
        if (!status.isEmpty() && "CLOSED".equals(status.get(0))) {
            throw new InputError("alert " + id + " was not filed: business day " + day + " closed while it was being filed;"
                    + " file it again (it is then filed on the next business day)");
        }
        return day;
    }

    /** The filings made on a business day, by file; what its reports list and its manifest chains. */
    public List<Made> madeOn(LocalDate day) {
        return jdbc.query("SELECT alert_id, report_code, file_name, sha256 FROM aml_filing WHERE business_date = ?"
                + " ORDER BY file_name", (rs, row) -> new Made(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                java.sql.Date.valueOf(day));
    }

    /** Where a filing's file is, from its path under the settlement home. */
    public Path path(Made filing) {
        return home.filings().resolveSibling(filing.file());
    }

    private GoamlReport report(Alerts.Alert alert, LocalDate day) {
        String escalatedBecause = alerts.history(alert.id()).stream().filter(event -> event.to() == Alerts.Status.ESCALATED)
                .reduce((first, second) -> second).map(event -> " Escalated by " + event.operator() + ": " + event.comment())
                .orElse("");
        List<GoamlReport.Transaction> transactions = new ArrayList<>();
        for (String[] payment : jdbc.query("SELECT account_iban, bank_reference FROM aml_alert_payment WHERE alert_id = ?"
                + " ORDER BY account_iban, bank_reference", (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, alert.id())) {
            transactions.add(transaction(alert, payment[0], payment[1]));
        }
        if (transactions.isEmpty()) {
            throw new InputError("alert " + alert.id() + " rests on no payment: there is no transaction to report");
        }
        GoamlSettings.ReportingPerson person = settings.reportingPerson();
        GoamlSettings.Location location = settings.location();
        return new GoamlReport(settings.rentityId(), settings.rentityBranch(), settings.submissionCode(), settings.reportCode(),
                "alert-" + alert.id(), day, settings.localCurrency(),
                new GoamlReport.ReportingPerson(person.firstName(), person.lastName(), person.email(), person.phoneCountryPrefix(),
                        person.phoneNumber()),
                new GoamlReport.Address(location.address(), location.city(), location.zip(), location.countryCode()),
                alert.rule() + " (" + alert.severity() + ") on " + alert.businessDate() + ": " + alert.explanation() + "."
                        + escalatedBecause,
                alert.held() ? "The payments are held on the client-funds account and not paid out to the client."
                        : "Reported; the payments were not held.",
                transactions, settings.indicators());
    }

    private GoamlReport.Transaction transaction(Alerts.Alert alert, String ourIban, String bankReference) {
        String payment = ourIban + "/" + bankReference;
        List<java.util.Map<String, Object>> rows = jdbc.queryForList("SELECT t.amount_minor, t.currency, t.counterparty_name,"
                + " t.counterparty_account, t.counterparty_country, COALESCE(t.booking_date, f.business_date) AS booked,"
                + " t.remittance_text FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
                + " WHERE t.account_iban = ? AND t.bank_reference = ? AND t.is_payment = 1 ORDER BY t.import_id LIMIT 1",
                ourIban, bankReference);
        if (rows.isEmpty()) {
            throw new InputError("alert " + alert.id() + ": payment " + payment + " is not in the books");
        }
        var row = rows.get(0);
        Money amount = Money.ofMinor(((Number) row.get("amount_minor")).longValue(), (String) row.get("currency"));
        if (!amount.currency().getCurrencyCode().equals(settings.localCurrency())) {
            throw new InputError("alert " + alert.id() + ": payment " + payment + " is in " + amount.currency().getCurrencyCode()
                    + ", not " + settings.localCurrency() + ": foreign-currency transactions are not filed yet");
        }
        String name = (String) row.get("counterparty_name");
        boolean named = name != null && !name.isBlank();
        String fromAccount = (String) row.get("counterparty_account");
        boolean iban = fromAccount != null && fromAccount.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}");
        String country = (String) row.get("counterparty_country");
        String payerCountry = country != null && country.strip().matches("[A-Za-z]{2}") ? country.strip().toUpperCase(Locale.ROOT)
                : iban ? fromAccount.substring(0, 2) : "-";
        // the bank gives the payer's account, not the payer's bank: the bank is named by the IBAN's bank code where the
        // country's IBAN has one we know, else "-"; an account that is no IBAN (a bankgiro number) is given as it is
        GoamlReport.Account from = fromAccount == null ? null : new GoamlReport.Account(
                "unknown: the bank gave the account only", null, iban ? bankCode(fromAccount) : "-", fromAccount, null,
                named ? name : null, iban ? fromAccount : null, named ? name : null, null, null);
        String ourCountry = ourIban.substring(0, 2);
        GoamlReport.Account to = new GoamlReport.Account(settings.bank().name(), settings.bank().swift(), null, ourIban,
                amount.currency().getCurrencyCode(), settings.entity().name() + " client funds", ourIban, settings.entity().name(),
                settings.entity().organisationNumber(), ourCountry);
        LocalDate booked = ((java.sql.Date) row.get("booked")).toLocalDate();
        // goAML takes a transaction number of 100 characters; a longer bank reference is given whole in the description
        String number = bankReference.length() <= 100 ? bankReference : bankReference.substring(0, 100);
        String description = "Incoming bank transfer to the client-funds account"
                + (bankReference.length() > 100 ? ", bank reference " + bankReference : "")
                + (row.get("remittance_text") == null ? "" : ": " + row.get("remittance_text"));
        return new GoamlReport.Transaction(number, "", description, booked, amount.toBigDecimal(), settings.fundsCode(),
                settings.transmodeCode(), from, named ? name : "(no name given by the bank)", payerCountry, to, ourCountry);
    }

    /** The bank code in an IBAN, for the countries whose IBAN layout we know (SE, FI: 3; NO, DK, GB, NL, IE: 4; FR: 5; DE: 8). */
    static String bankCode(String iban) {
        int length = switch (iban.substring(0, 2)) {
            case "SE", "FI" -> 3;
            case "NO", "DK", "GB", "NL", "IE" -> 4;
            case "FR" -> 5;
            case "DE" -> 8;
            default -> 0;
        };
        return length == 0 || iban.length() < 4 + length ? "-" : iban.substring(4, 4 + length);
    }

    /**
     * Writes the filing atomically, never over a different one (a filing of the same alert with the same bytes is the
     * same filing), and takes it back if the transaction that recorded it rolls back.
     */
    private static void write(Path folder, Path file, byte[] xml) {
        try {
            if (Files.exists(file)) {
                if (java.util.Arrays.equals(Files.readAllBytes(file), xml)) {
                    return;
                }
                throw new InputError(file + " exists with other content: a filing is never overwritten; move it aside if it"
                        + " was not sent");
            }
            Files.createDirectories(folder);
            Path partial = folder.resolve("." + file.getFileName() + ".partial");
            Files.write(partial, xml);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the filing " + file, e);
        }
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            if (status != STATUS_COMMITTED) {
                                try {
                                    Files.deleteIfExists(file);
                                } catch (IOException e) {
                                    // the filing stays on disk; the alert still says ESCALATED, and filing again refuses or
                                    // accepts it by its bytes
                                }
                            }
                        }
                    });
        }
    }
}
