package se.clientfunds.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import se.clientfunds.files.Sha256;
import se.clientfunds.outcome.InputError;
import se.clientfunds.report.positions.DebtorCreditLine;
import se.clientfunds.report.positions.PositionsReport;
import se.clientfunds.report.positions.UnallocatedLine;
import se.clientfunds.settings.SettlementHome;

/**
 * {@code settle resolution-pack DATE}: what an administrator or a regulator needs to return clients' money if the firm
 * failed that day (CASS 10A's resolution pack as the model), in one zip: the day's reports (its latest version, with
 * its manifest), the money owed to each client with the client's name, the payments waiting in UNALLOCATED and the
 * debtor credit owed back per payer (name, reference, amount, age), the client-funds accounts with their banks, and an
 * index of every file with its SHA-256. The same books give the same bytes.
 */
@Service
public class ResolutionPack {

    /** The pack written, and what it holds. */
    public record Outcome(LocalDate businessDate, int version, Path file, String sha256, Map<String, String> entries) {
    }

    private final DailyReports reports;
    private final ReportVersions versions;
    private final DayReportRecords records;
    private final JdbcTemplate jdbc;
    private final SettlementHome home;

    ResolutionPack(DailyReports reports, ReportVersions versions, DayReportRecords records, JdbcTemplate jdbc, SettlementHome home) {
        this.reports = reports;
        this.versions = versions;
        this.records = records;
        this.jdbc = jdbc;
        this.home = home;
    }

    /** Writes the pack of the day into {@code filings/resolution-pack-<date>.zip} (or {@code out} when given). */
    public Outcome write(LocalDate day, Path out) {
        reports.requireReconciled(day);
        ReportVersions.Version version = versions.latestWritten(day).orElseThrow(() -> new InputError("the reports of "
                + day + " have not been written; run 'settle reports " + day + "' first"));
        // the regulator gets the reports as recorded, or none: a changed file is not packed with a fresh hash
        Map<String, String> listed = reports.chain().listed(day, version.version());
        Map<String, String> onDisk = reports.chain().hashes(day, version.version());
        Path folder = reports.chain().folder(day, version.version());
        String manifestNow = Files.exists(folder.resolve(ReportChain.MANIFEST)) ? Sha256.of(folder.resolve(ReportChain.MANIFEST)) : null;
        if (!listed.equals(onDisk) || !version.manifestSha256().equals(manifestNow)) {
            throw new InputError("the reports of " + day + " (version " + version.version() + ") are not as recorded when"
                    + " they were written; run 'settle verify " + day + "' to see what changed and 'settle reports " + day
                    + "' to put them back before packing them");
        }
        Map<String, byte[]> entries = new TreeMap<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                entries.put("reports/" + file.getFileName(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reports in " + folder, e);
        }
        PositionsReport positions;
        try (MovementCursor none = records.movements(day)) {
            positions = records.positions(version, none);
        }
        entries.put("client-balances.csv", clientBalances(day, version.importUpto(), "p.closing_minor > 0"));
        entries.put("client-debts.csv", clientBalances(day, version.importUpto(), "p.closing_minor < 0"));
        entries.put("in-transit.csv", inTransit(day, version.reconciliationRun()));
        entries.put("unallocated.csv", unallocated(positions.unallocated()));
        entries.put("debtor-credit.csv", debtorCredit(positions.debtorCredit()));
        entries.put("accounts.csv", accounts(day, version.reconciliationRun()));
        entries.put("index.txt", index(day, version, entries));

        Path target = out != null ? out : home.filings().resolve("resolution-pack-" + day + ".zip");
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    ZipEntry zipEntry = new ZipEntry(entry.getKey());
                    // the business date, not the wall clock: the same books give the same bytes
                    zipEntry.setTimeLocal(day.atStartOfDay());
                    zip.putNextEntry(zipEntry);
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the resolution pack " + target + ": " + e.getMessage(), e);
        }
        Map<String, String> hashes = new TreeMap<>();
        entries.forEach((name, bytes) -> hashes.put(name, Sha256.of(bytes)));
        return new Outcome(day, version.version(), target, Sha256.of(target), hashes);
    }

    /** Client accounts whose balance meets the condition: owed (positive) or owing the firm (negative), never netted. */
    private byte[] clientBalances(LocalDate day, long importUpto, String condition) {
        List<String> lines = new ArrayList<>(List.of("client_id,name,currency,balance"));
        // the clients' names as the version of the reports had them (as positions.xlsx in the pack shows them)
        jdbc.query("SELECT SUBSTRING(p.account, 8), COALESCE((SELECT c.name FROM client c JOIN imported_file f ON f.id = c.import_id"
                + "   AND f.status = 'IMPORTED' WHERE c.client_id = SUBSTRING(p.account, 8) AND c.import_id <= ?"
                + "   ORDER BY c.import_id DESC LIMIT 1), ''), p.currency, p.closing_minor FROM account_position p"
                + " WHERE p.business_date = ? AND p.account_kind = 'CLIENT' AND " + condition + " ORDER BY p.account, p.currency", rs -> {
                    lines.add(csv(rs.getString(1), rs.getString(2), rs.getString(3),
                            se.clientfunds.money.Money.ofMinor(rs.getLong(4), rs.getString(3)).toDecimalString()));
                }, importUpto, Date.valueOf(day));
        return text(lines);
    }

    /** Payouts and refunds paid in the books that the bank had not debited at the day's reconciliation: still owed. */
    private byte[] inTransit(LocalDate day, int run) {
        List<String> lines = new ArrayList<>(List.of("reference,payee,currency,amount,booking_date,account"));
        jdbc.query("SELECT b.reference, COALESCE(b.counterparty, ''), b.currency, b.amount_minor, b.booking_date, b.account_iban"
                + " FROM reconciliation_open_break o JOIN reconciliation_break b ON b.id = o.break_id WHERE o.business_date = ?"
                + " AND o.run_no = ? AND b.type = 'MISSING_IN_BANK' AND b.book_event IN ('PAYOUT', 'REFUND_PAID')"
                + " ORDER BY b.booking_date, b.id", rs -> {
                    lines.add(csv(rs.getString(1), rs.getString(2), rs.getString(3),
                            se.clientfunds.money.Money.ofMinor(rs.getLong(4), rs.getString(3)).toDecimalString(),
                            rs.getDate(5).toLocalDate().toString(), rs.getString(6)));
                }, Date.valueOf(day), run);
        return text(lines);
    }

    private static byte[] unallocated(List<UnallocatedLine> lines) {
        List<String> csv = new ArrayList<>(List.of("payment,booking_date,payer,payer_reference,currency,amount,unallocated,age_days,"
                + "reason_code,reason"));
        for (UnallocatedLine line : lines) {
            csv.add(csv(line.paymentReference(), line.bookingDate().toString(), line.debtor(), line.payerReference(),
                    line.amount().currency(), line.amount().toDecimal().toPlainString(), line.unallocated().toDecimal().toPlainString(),
                    Integer.toString(line.ageBankingDays()), line.reasonCode(), line.reason()));
        }
        return text(csv);
    }

    private static byte[] debtorCredit(List<DebtorCreditLine> lines) {
        List<String> csv = new ArrayList<>(List.of("payment,booking_date,payer,payer_reference,currency,held,outcome,age_days"));
        for (DebtorCreditLine line : lines) {
            csv.add(csv(line.paymentReference(), line.bookingDate().toString(), line.payer(), line.payerReference(),
                    line.held().currency(), line.held().toDecimal().toPlainString(), line.outcome(), Integer.toString(line.ageBankingDays())));
        }
        return text(csv);
    }

    private byte[] accounts(LocalDate day, int run) {
        List<String> lines = new ArrayList<>(List.of("iban,name,bank,currency,statement_closing,as_of"));
        jdbc.query("SELECT account_iban, account_name, bank, currency, closing_minor, as_of FROM safeguarding_resource"
                + " WHERE business_date = ? AND run_no = ? ORDER BY account_iban", rs -> {
                    Object closing = rs.getObject(5);
                    lines.add(csv(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), closing == null ? ""
                            : se.clientfunds.money.Money.ofMinor(rs.getLong(5), rs.getString(4)).toDecimalString(),
                            rs.getString(6) == null ? "" : rs.getString(6)));
                }, Date.valueOf(day), run);
        return text(lines);
    }

    private static byte[] index(LocalDate day, ReportVersions.Version version, Map<String, byte[]> entries) {
        List<String> lines = new ArrayList<>();
        lines.add("Resolution pack of business day " + day + " (reports version " + version.version() + ", reconciliation run "
                + version.reconciliationRun() + ", manifest SHA-256 " + version.manifestSha256() + ")");
        lines.add("");
        lines.add("reports/            the day's reports and their manifest, as written (settle verify checks them)");
        lines.add("client-balances.csv what each client is owed at the close, with the client's name");
        lines.add("client-debts.csv    clients whose balance is negative (owing the firm): never netted against the others");
        lines.add("in-transit.csv      payouts and refunds paid in the books, not yet debited by the bank: still owed");
        lines.add("unallocated.csv     payments received and not matched to an invoice: payer, reference, amount, age");
        lines.add("debtor-credit.csv   overpayments and duplicates owed back to payers: payer, reference, amount, age");
        lines.add("accounts.csv        the client-funds accounts, their banks and the statements' closing balances");
        lines.add("");
        lines.add("SHA-256 of every file:");
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            lines.add(Sha256.of(entry.getValue()) + "  " + entry.getKey());
        }
        return text(lines);
    }

    private static String csv(String... values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            String text = value == null ? "" : value;
            quoted.add(text.contains(",") || text.contains("\"") || text.contains("\n")
                    ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
        }
        return String.join(",", quoted);
    }

    private static byte[] text(List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
