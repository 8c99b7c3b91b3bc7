package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.clientfunds.database.EmbeddedMariaDb;

/** What a business day wrote, to compare a disturbed run with an undisturbed one: the crash and cluster tests' oracle. */
final class DayDigest {

    private DayDigest() {
    }

    /**
     * What the day wrote, as sorted lines per table, without ids and timestamps: the journal by event and reference
     * with its lines, the allocation, refund, payout and position tables, and the pain.001 file's SHA-256.
     */
    static Map<String, List<String>> digest(Path home, LocalDate day) throws Exception {
        try (EmbeddedMariaDb db = new EmbeddedMariaDb(home.resolve("db")).start();
             Connection connection = DriverManager.getConnection(db.jdbcUrl(), "root", "")) {
            return digest(connection, home, day);
        }
    }

    static Map<String, List<String>> digest(Connection connection, Path home, LocalDate day) throws Exception {
        Map<String, List<String>> digest = new LinkedHashMap<>();
        digest.put("ledger", ledger(connection));
        digest.put("payment_allocation", rows(connection, "SELECT account_iban, bank_reference, currency, amount_minor,"
                + " booking_date, allocated_on, to_invoices_minor, to_debtor_credit_minor, unallocated_minor, outcome, reason,"
                + " debtor_name, payment_references FROM payment_allocation ORDER BY account_iban, bank_reference"));
        digest.put("invoice_allocation", rows(connection, "SELECT account_iban, bank_reference, allocation_no, invoice_id,"
                + " client_id, debtor_country, currency, amount_minor, fee_minor, allocated_on, allocated_by, reason FROM invoice_allocation"
                + " ORDER BY account_iban, bank_reference, allocation_no"));
        digest.put("refund_payment", rows(connection, "SELECT refund_id, business_date, status, account_iban, bank_reference,"
                + " currency, amount_minor, to_account, to_name, approved_by, end_to_end_id, payment_batch, reason"
                + " FROM refund_payment ORDER BY refund_id"));
        digest.put("payout", rows(connection, "SELECT business_date, client_id, currency, amount_minor, from_iban, to_account,"
                + " to_name, end_to_end_id, payment_batch FROM payout ORDER BY business_date, client_id, currency"));
        digest.put("account_position", rows(connection, "SELECT business_date, account, account_kind, currency, opening_minor,"
                + " debit_minor, credit_minor, closing_minor FROM account_position ORDER BY business_date, account, currency"));
        digest.put("business_day", rows(connection, "SELECT business_date, status FROM business_day ORDER BY business_date"));
        digest.put("outbox_file", rows(connection, "SELECT business_date, file_name, kind, message_id, transfers, sha256"
                + " FROM outbox_file ORDER BY business_date, kind"));
        Path pain001 = home.resolve("outbox").resolve("pain001-" + day.toString().replace("-", "") + ".xml");
        assertThat(pain001).exists();
        digest.put("pain001 sha256", List.of(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pain001)))));
        return digest;
    }

    /** One line per journal entry: event, reference, booking date, posted, description, then its lines in order. */
    private static List<String> ledger(Connection connection) throws Exception {
        List<String> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT e.event_type, e.reference, e.booking_date, e.posted, e.description,"
                     + " l.line_no, l.account, l.account_kind, l.side, l.amount_minor, l.currency"
                     + " FROM journal_entry e LEFT JOIN journal_line l ON l.entry_id = e.id"
                     + " ORDER BY e.event_type, e.reference, l.line_no")) {
            String key = null;
            StringBuilder entry = null;
            while (rs.next()) {
                String entryKey = rs.getString(1) + "|" + rs.getString(2);
                if (!entryKey.equals(key)) {
                    if (entry != null) {
                        entries.add(entry.toString());
                    }
                    key = entryKey;
                    entry = new StringBuilder(entryKey).append('|').append(rs.getString(3)).append("|posted=")
                            .append(rs.getString(4)).append('|').append(rs.getString(5));
                }
                entry.append(" [").append(rs.getString(6)).append(' ').append(rs.getString(7)).append(' ')
                        .append(rs.getString(8)).append(' ').append(rs.getString(9)).append(' ').append(rs.getString(10))
                        .append(' ').append(rs.getString(11)).append(']');
            }
            if (entry != null) {
                entries.add(entry.toString());
            }
        }
        return entries;
    }

    private static List<String> rows(Connection connection, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData columns = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.append(column == 1 ? "" : "|").append(rs.getString(column));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Per table that differs: its sizes and the first lines only one side has. */
    static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<String> differences = new ArrayList<>();
        for (String table : expected.keySet()) {
            if (!expected.get(table).equals(actual.get(table))) {
                Set<String> inActual = new HashSet<>(actual.get(table));
                Set<String> inExpected = new HashSet<>(expected.get(table));
                differences.add(table + ": " + expected.get(table).size() + " lines undisturbed, " + actual.get(table).size()
                        + " the other; only undisturbed "
                        + expected.get(table).stream().filter(line -> !inActual.contains(line)).limit(5).toList()
                        + "; only the other "
                        + actual.get(table).stream().filter(line -> !inExpected.contains(line)).limit(5).toList());
            }
        }
        return differences;
    }
}
