package se.clientfunds.payouts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import se.clientfunds.files.Sha256;
import se.clientfunds.money.Money;
import se.clientfunds.pain.CreditTransfer;
import se.clientfunds.pain.CreditTransferBatch;
import se.clientfunds.pain.CreditTransferInitiation;
import se.clientfunds.pain.Pain001Writer;
import se.clientfunds.reference.Iban;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.settings.SettlementProperties;

/**
 * Writes the business date's pain.001.001.09 credit-transfer file to {@code outbox/} from what the refunds and
 * payouts recorded: one payment batch (PmtInfId) per kind and paying account, an EndToEndId per transfer. The file is
 * made from the database alone, with a timestamp taken from the date, so writing it again gives the same bytes.
 */
@Component
class PaymentFile {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    /** The file written, or none when the day paid nothing. */
    record Written(Path file, int transfers, String sha256) {
    }

    private final JdbcTemplate jdbc;
    private final SettlementHome home;
    private final SettlementProperties properties;

    PaymentFile(JdbcTemplate jdbc, SettlementHome home, SettlementProperties properties) {
        this.jdbc = jdbc;
        this.home = home;
        this.properties = properties;
    }

    static String fileName(LocalDate businessDate) {
        return "pain001-" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + ".xml";
    }

    Written write(LocalDate businessDate) {
        Date day = Date.valueOf(businessDate);
        Path target = home.outbox().resolve(fileName(businessDate));
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        // a file whose row committed but whose move was cut short (the process died in between) goes out now
        jdbc.query("SELECT file_name FROM outbox_file", rs -> {
            Path earlier = home.outbox().resolve(rs.getString(1));
            finishMove(earlier.resolveSibling("." + earlier.getFileName() + ".partial"), earlier);
        });
        // written before (its row committed): never write it again, the bank may have collected it already
        List<Written> recorded = jdbc.query("SELECT transfers, sha256 FROM outbox_file WHERE business_date = ?"
                + " AND kind = 'pain.001.001.09'", (rs, row) -> new Written(target, rs.getInt(1), rs.getString(2)), day);
        if (!recorded.isEmpty()) {
            finishMove(partial, target);
            return recorded.get(0);
        }
        String transfersOfTheDay = "SELECT payment_batch, from_iban, currency, amount_minor, end_to_end_id, to_name, to_account,"
                + " remittance FROM ("
                + " SELECT payment_batch, account_iban AS from_iban, currency, amount_minor, end_to_end_id, to_name, to_account,"
                + "   CONCAT('Refund ', refund_id, ' of payment ', bank_reference) AS remittance"
                + "   FROM refund_payment WHERE business_date = ? AND status = 'PAID'"
                + " UNION ALL"
                + " SELECT payment_batch, from_iban, currency, amount_minor, end_to_end_id, to_name, to_account,"
                + "   CONCAT('Payout ', DATE_FORMAT(business_date, '%Y-%m-%d'), ' ', client_id) AS remittance"
                + "   FROM payout WHERE business_date = ?"
                + ") t";
        List<CreditTransferBatch> batches = jdbc.query("SELECT payment_batch, from_iban, currency, COUNT(*), SUM(amount_minor)"
                + " FROM (" + transfersOfTheDay + ") d GROUP BY payment_batch, from_iban, currency ORDER BY payment_batch",
                (rs, row) -> new CreditTransferBatch(rs.getString(1), businessDate, debtorName(rs.getString(2)),
                        Iban.parse(rs.getString(2)), properties.payouts().debtorBic(), rs.getLong(4),
                        Money.ofMinor(rs.getLong(5), rs.getString(3))), day, day);
        if (batches.isEmpty()) {
            return null;
        }
        String messageId = "CF-" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE);
        CreditTransferInitiation initiation = new CreditTransferInitiation(messageId,
                businessDate.atStartOfDay(STOCKHOLM).toOffsetDateTime(), properties.payouts().initiatingParty(), batches);
        int[] transfers = {0};
        try {
            Files.createDirectories(home.outbox());
            try (OutputStream out = Files.newOutputStream(partial); Pain001Writer writer = new Pain001Writer(out, initiation)) {
                String[] batch = {null};
                jdbc.query(transfersOfTheDay + " ORDER BY payment_batch, end_to_end_id", rs -> {
                    if (!rs.getString(1).equals(batch[0])) {
                        batch[0] = rs.getString(1);
                        writer.startBatch(batch[0]);
                    }
                    writer.write(new CreditTransfer(null, rs.getString(5), Money.ofMinor(rs.getLong(4), rs.getString(3)),
                            rs.getString(6), Iban.parse(rs.getString(7)), rs.getString(8)));
                    transfers[0]++;
                }, day, day);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + partial, e);
        }
        String sha256 = Sha256.of(partial);
        jdbc.update("INSERT INTO outbox_file (business_date, file_name, kind, message_id, transfers, sha256)"
                + " VALUES (?, ?, 'pain.001.001.09', ?, ?, ?)", day, target.getFileName().toString(), messageId, transfers[0], sha256);
        // the file reaches the outbox (where the bank connector collects it) only once its row is committed: a
        // failure before the commit leaves a partial file the restart writes again, never a second copy
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    finishMove(partial, target);
                }
            });
        } else {
            finishMove(partial, target);
        }
        return new Written(target, transfers[0], sha256);
    }

    /** Moves a written file whose row is committed into the outbox, if that move has not happened yet. */
    private static void finishMove(Path partial, Path target) {
        if (Files.exists(partial)) {
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move " + partial + " to " + target, e);
            }
        }
    }

    private String debtorName(String iban) {
        List<ClientFundsAccount> accounts = new ArrayList<>(properties.accounts());
        return accounts.stream().filter(account -> account.iban().equals(iban)).map(ClientFundsAccount::name)
                .filter(name -> name != null && !name.isBlank()).findFirst().orElse(properties.payouts().initiatingParty());
    }
}
