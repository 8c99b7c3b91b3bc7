package se.clientfunds.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import se.clientfunds.bank.AccountId;
import se.clientfunds.bank.BankBalance;
import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Direction;
import se.clientfunds.bank.camt.CamtParser;
import se.clientfunds.camt.BankTransactionCode;
import se.clientfunds.camt.Camt053Writer;
import se.clientfunds.camt.CamtEntry;
import se.clientfunds.camt.Counterparty;
import se.clientfunds.camt.CreditDebit;
import se.clientfunds.camt.EntryBatch;
import se.clientfunds.camt.EntryTotals;
import se.clientfunds.camt.StatementHeader;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * Does with our payment orders what the bank would: each pain.001 payment batch paid from the client-funds account
 * becomes one debit entry on the next statement of that account. Generated statements know nothing of the payouts
 * and refunds the pipeline pays, so a demo or a test that runs generated days in a row rewrites each day's
 * statement before running the day: the entries it had, one debit per executed batch, the opening balance carried
 * from the previous day's actual closing, closing balance and totals recomputed, sequence number kept.
 *
 * <p>One simulator follows one run of days from the first generated statement: it remembers what it debited so
 * far, which is how far the generated opening balances lag behind the actual ones. A pain.001 file it has executed
 * for an account gets a marker {@code .executed-<IBAN>-<file name>} beside it and is not executed again.
 *
 * <pre>{@code
 * BankSimulator bank = new BankSimulator();
 * for (LocalDate day : bankingDays) {
 *     deliver(day);   // the generated camt.054 and camt.053 of the day into the inbox
 *     bank.executePaymentOrders(home.outbox(), day, home.inbox().resolve(DemoDataGenerator.statementFileName(day)));
 *     cycle.run(day); // imports, pays (outbox/pain001-<day>.xml) and closes; the next day's statement debits it
 * }
 * }</pre>
 */
public final class BankSimulator {

    /** How the bank books a batch of issued credit transfers from the account. */
    public static final BankTransactionCode BATCH_DEBIT_CODE = BankTransactionCode.ISSUED_CREDIT_TRANSFER;
    static final String EXECUTED_MARKER_PREFIX = ".executed-";
    private static final String PAYMENT_FILE_GLOB = "pain001-*.xml";
    private static final String BOOKED = "BOOK";

    /** One payment batch debited from the account: the entry the statement gained for it. */
    public record ExecutedBatch(Path paymentFile, String paymentInformationId, int transfers, Money amount) {
    }

    /**
     * What one statement rewrite did: the batches debited, and the balances the statement now states.
     * Without batches and with the opening balance the file already had, the file is left untouched.
     */
    public record Execution(Path statement, LocalDate executedOn, Iban account, List<ExecutedBatch> batches,
                            Money openingBalance, Money closingBalance) {

        public Execution {
            batches = List.copyOf(batches);
        }

        /** What the executed batches took from the account, a positive amount. */
        public Money debited() {
            return batches.stream().map(ExecutedBatch::amount).reduce(Money.zero(openingBalance.currency()), Money::plus);
        }
    }

    // per account: what this simulator has debited so far, by which the generated balances lag the actual ones
    private final Map<Iban, Money> debitedSoFar = new HashMap<>();

    /**
     * Executes the payment orders in {@code outbox} that are due by {@code executedOn} and not executed yet for the
     * statement's account, rewriting {@code statementToRewrite} (a generated camt.053 of {@code executedOn}, unchanged)
     * and marking each executed file. The opening balance is the statement's own minus what this simulator debited
     * from the account on earlier statements.
     *
     * @throws BankSimulationException when a payment order file or the statement cannot be read or does not fit
     */
    public Execution executePaymentOrders(Path outbox, LocalDate executedOn, Path statementToRewrite) {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(executedOn, "executedOn");
        Objects.requireNonNull(statementToRewrite, "statementToRewrite");
        Statement statement = Statement.read(statementToRewrite);
        Iban account = statement.account();
        List<Path> due = new ArrayList<>();
        for (Path file : pendingPaymentFiles(outbox, account)) {
            List<PaymentOrderFile.Batch> ours = PaymentOrderFile.read(file).stream()
                    .filter(batch -> batch.debtorAccount().equals(account)).toList();
            if (ours.stream().allMatch(batch -> !batch.requestedExecutionDate().isAfter(executedOn))) {
                due.add(file);
            }
        }
        Money lag = debitedSoFar.getOrDefault(account, Money.zero(statement.opening().currency()));
        Execution execution = rewriteStatement(statementToRewrite, executedOn, due, statement.opening().minus(lag));
        for (Path file : due) {
            markExecuted(file, account, execution);
        }
        debitedSoFar.put(account, lag.plus(execution.debited()));
        return execution;
    }

    /**
     * Rewrites a camt.053 statement of {@code executedOn}: its entries as they were, then one debit per payment batch
     * of {@code paymentFiles} paid from the statement's account (batches of other accounts are left out), the opening
     * balance given, closing balance and totals recomputed. Stateless; marks nothing.
     *
     * @throws BankSimulationException when a payment order file or the statement cannot be read or does not fit
     */
    public static Execution rewriteStatement(Path statementFile, LocalDate executedOn, List<Path> paymentFiles,
                                             Money openingBalance) {
        Objects.requireNonNull(executedOn, "executedOn");
        Objects.requireNonNull(paymentFiles, "paymentFiles");
        Objects.requireNonNull(openingBalance, "openingBalance");
        Statement statement = Statement.read(statementFile);
        if (!statement.date().equals(executedOn)) {
            throw new BankSimulationException(statementFile + " is the statement of " + statement.date()
                    + ", not of " + executedOn + " when the payment orders are executed", null);
        }
        List<PaymentOrderFile.Batch> batches = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : paymentFiles) {
            for (PaymentOrderFile.Batch batch : PaymentOrderFile.read(file)) {
                if (!batch.debtorAccount().equals(statement.account())) {
                    continue;
                }
                if (!batch.controlSum().currency().equals(openingBalance.currency())) {
                    throw new BankSimulationException("payment order file " + file + " refused: batch "
                            + batch.paymentInformationId() + " pays " + batch.controlSum() + " from an account in "
                            + openingBalance.currency(), null);
                }
                if (!ids.add(batch.paymentInformationId()) || statement.paymentInformationIds().contains(batch.paymentInformationId())) {
                    throw new BankSimulationException("payment order file " + file + " refused: batch "
                            + batch.paymentInformationId() + " is already executed on " + statementFile.getFileName()
                            + " or named twice", null);
                }
                batches.add(batch);
            }
        }
        List<ExecutedBatch> executed = batches.stream().map(batch -> new ExecutedBatch(batch.file(),
                batch.paymentInformationId(), batch.transfers().transfers().size(), batch.controlSum())).toList();
        if (batches.isEmpty() && openingBalance.equals(statement.opening())) {
            return new Execution(statementFile, executedOn, statement.account(), executed, openingBalance,
                    statement.closing());
        }
        List<CamtEntry> debits = batches.stream().map(batch -> debit(batch, executedOn)).toList();
        EntryTotals totals = statement.totals();
        for (CamtEntry debit : debits) {
            totals = totals.plus(debit);
        }
        Money closing = openingBalance.plus(totals.net());
        StatementHeader header = new StatementHeader(statement.messageId(), statement.createdAt(), statement.id(),
                statement.sequenceNumber(), statement.account(), statement.date(), openingBalance, closing, totals);
        Path partial = statementFile.resolveSibling("." + statementFile.getFileName() + ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                 Camt053Writer writer = new Camt053Writer(out, header)) {
                Statement.entries(statementFile, writer::write);
                debits.forEach(writer::write);
            }
            Files.move(partial, statementFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // the statement itself is untouched until the move; the half-written copy goes
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot rewrite " + statementFile, io);
            }
            throw (RuntimeException) e;
        }
        return new Execution(statementFile, executedOn, statement.account(), executed, openingBalance, closing);
    }

    /** The debit a bank books for a batch-booked payment order: its control sum, with the batch in the details. */
    static CamtEntry debit(PaymentOrderFile.Batch batch, LocalDate executedOn) {
        return new CamtEntry(batch.controlSum(), CreditDebit.DBIT, executedOn, executedOn,
                accountServicerReference(batch.paymentInformationId()), null, BATCH_DEBIT_CODE, null, null,
                batch.transfers());
    }

    /** The bank's reference of the debit of a batch: {@code DBT-<PmtInfId>}, cut to the 35 characters camt allows. */
    static String accountServicerReference(String paymentInformationId) {
        String reference = "DBT-" + paymentInformationId;
        return reference.length() <= 35 ? reference : reference.substring(0, 35);
    }

    /** The pain.001 files in {@code outbox} not yet executed for the account, by name (so by business date). */
    static List<Path> pendingPaymentFiles(Path outbox, Iban account) {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(outbox, PAYMENT_FILE_GLOB)) {
            for (Path file : found) {
                if (Files.isRegularFile(file) && !Files.exists(marker(file, account))) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + outbox, e);
        }
        files.sort(null);
        return files;
    }

    static Path marker(Path paymentFile, Iban account) {
        return paymentFile.resolveSibling(EXECUTED_MARKER_PREFIX + account.value() + "-" + paymentFile.getFileName());
    }

    private static void markExecuted(Path file, Iban account, Execution execution) {
        StringBuilder text = new StringBuilder("executed on " + execution.executedOn() + " in "
                + execution.statement().getFileName() + "\n");
        execution.batches().stream().filter(batch -> batch.paymentFile().equals(file))
                .forEach(batch -> text.append(batch.paymentInformationId()).append(' ').append(batch.amount()).append('\n'));
        try {
            Files.writeString(marker(file, account), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + file + " as executed", e);
        }
    }

    /**
     * What the rewrite keeps of a generated statement: its identity, account, date, balances and the totals of its
     * entries, read through our own parser (entries streamed twice, never held) plus the group header it skips.
     */
    private record Statement(Path file, String messageId, OffsetDateTime createdAt, String id, long sequenceNumber,
                             Iban account, LocalDate date, Money opening, Money closing, EntryTotals totals,
                             Set<String> paymentInformationIds) {

        static Statement read(Path file) {
            GroupHeader groupHeader = GroupHeader.read(file);
            BankSection[] section = {null};
            EntryTotals[] totals = {null};
            Set<String> ids = new HashSet<>();
            sections(file, opened -> {
                section[0] = opened;
                totals[0] = EntryTotals.empty(opened.currency());
            }, entry -> {
                totals[0] = totals[0].plus(camtEntry(file, entry));
                if (entry.paymentInformationId() != null) {
                    ids.add(entry.paymentInformationId());
                }
            });
            BankSection s = section[0];
            BankBalance opening = s.balance("OPBD").orElseThrow(() -> refused(file, s.location() + " has no OPBD balance"));
            BankBalance closing = s.balance("CLBD").orElseThrow(() -> refused(file, s.location() + " has no CLBD balance"));
            if (s.account().scheme() != AccountId.Scheme.IBAN) {
                throw refused(file, s.location() + ": account " + s.account() + " is not an IBAN");
            }
            if (s.id() == null || s.sequenceNumber() == null || closing.date() == null) {
                throw refused(file, s.location() + " lacks its Id, ElctrncSeqNb or CLBD date");
            }
            return new Statement(file, groupHeader.messageId(), groupHeader.createdAt(), s.id(), s.sequenceNumber(),
                    Iban.parse(s.account().value()), closing.date(), opening.amount(), closing.amount(), totals[0], ids);
        }

        static void entries(Path file, Consumer<CamtEntry> consumer) {
            sections(file, opened -> { }, entry -> consumer.accept(camtEntry(file, entry)));
        }

        private static void sections(Path file, Consumer<BankSection> opened, Consumer<BankEntry> entries) {
            int sections = 0;
            try (CamtParser parser = CamtParser.open(file)) {
                if (!"camt.053.001.08".equals(parser.version())) {
                    throw refused(file, "is " + parser.version() + ", the simulator rewrites camt.053.001.08 statements");
                }
                for (BankRecord record = parser.next(); record != null; record = parser.next()) {
                    if (record instanceof BankRecord.SectionOpened o) {
                        if (++sections > 1) {
                            throw refused(file, "holds more than one Stmt");
                        }
                        if (o.section().currency() == null) {
                            throw refused(file, o.section().location() + " states no account currency");
                        }
                        opened.accept(o.section());
                    } else if (record instanceof BankRecord.Entry e) {
                        entries.accept(e.entry());
                    }
                }
            } catch (BankFileException e) {
                throw new BankSimulationException("statement " + file + " refused: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        /**
         * The entry as our camt writer writes it again. Only what the writer can say again is accepted, so that the
         * entries a statement had come out unchanged; anything else is refused rather than quietly lost.
         */
        private static CamtEntry camtEntry(Path file, BankEntry entry) {
            String where = entry.location();
            if (!BOOKED.equals(entry.status())) {
                throw refused(file, where + ": status " + entry.status() + ", the simulator rewrites booked entries only");
            }
            String[] code = entry.bankTransactionCode() == null ? new String[0] : entry.bankTransactionCode().split("/");
            if (code.length != 3 || entry.bookingDate() == null || entry.valueDate() == null) {
                throw refused(file, where + " lacks a domain/family/sub-family transaction code or its dates");
            }
            CreditDebit direction = entry.direction() == Direction.CREDIT ? CreditDebit.CRDT : CreditDebit.DBIT;
            BankTransactionCode transactionCode = new BankTransactionCode(code[0], code[1], code[2]);
            try {
                if (entry.paymentInformationId() != null) {
                    List<EntryBatch.Transfer> transfers = new ArrayList<>();
                    for (BankTransaction t : entry.transactions()) {
                        transfers.add(new EntryBatch.Transfer(t.endToEndId(), t.amount(),
                                t.counterparty().name(), t.counterparty().account() == null ? null
                                        : Iban.parse(t.counterparty().account())));
                    }
                    return new CamtEntry(entry.amount(), direction, entry.bookingDate(), entry.valueDate(),
                            entry.accountServicerReference(), null, transactionCode, null, null,
                            new EntryBatch(entry.paymentInformationId(), transfers));
                }
                if (entry.transactions().size() != 1) {
                    throw refused(file, where + " holds " + entry.transactions().size() + " transactions; "
                            + "the simulator rewrites entries of one");
                }
                BankTransaction t = entry.transactions().get(0);
                if (t.remittanceText() != null || t.references().size() > 1 || !t.amount().equals(entry.amount())
                        || !Objects.equals(t.accountServicerReference(), entry.accountServicerReference())) {
                    throw refused(file, where + " has transaction details the simulator cannot write again");
                }
                se.clientfunds.bank.Counterparty party = t.counterparty();
                Counterparty counterparty = party.name() == null ? null : new Counterparty(party.name(), party.country(),
                        party.account() == null ? null : Iban.parse(party.account()));
                return new CamtEntry(entry.amount(), direction, entry.bookingDate(), entry.valueDate(),
                        entry.accountServicerReference(), t.endToEndId(), transactionCode, counterparty,
                        t.references().isEmpty() ? null : t.references().get(0));
            } catch (IllegalArgumentException e) {
                throw refused(file, where + ": " + e.getMessage());
            }
        }
    }

    /** {@code GrpHdr/MsgId} and {@code CreDtTm}, which the parser has no use for but the rewritten file must keep. */
    private record GroupHeader(String messageId, OffsetDateTime createdAt) {

        static GroupHeader read(Path file) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            String messageId = null;
            String createdAt = null;
            try (InputStream in = Files.newInputStream(file)) {
                XMLStreamReader xml = factory.createXMLStreamReader(in);
                try {
                    List<String> path = new ArrayList<>();
                    while (xml.hasNext() && (messageId == null || createdAt == null)) {
                        int event = xml.next();
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            path.add(xml.getLocalName());
                            if (path.size() == 4 && "GrpHdr".equals(path.get(2))) {
                                String text = xml.getElementText().strip();
                                path.remove(path.size() - 1);
                                if ("MsgId".equals(xml.getLocalName())) {
                                    messageId = text;
                                } else if ("CreDtTm".equals(xml.getLocalName())) {
                                    createdAt = text;
                                }
                            }
                        } else if (event == XMLStreamConstants.END_ELEMENT) {
                            path.remove(path.size() - 1);
                        }
                    }
                } finally {
                    xml.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (XMLStreamException e) {
                throw refused(file, "GrpHdr cannot be read: " + e.getMessage());
            }
            if (messageId == null || createdAt == null) {
                throw refused(file, "GrpHdr lacks MsgId or CreDtTm");
            }
            try {
                return new GroupHeader(messageId, OffsetDateTime.parse(createdAt));
            } catch (DateTimeParseException e) {
                throw refused(file, "GrpHdr/CreDtTm '" + createdAt + "' is not a date-time with offset");
            }
        }
    }

    private static BankSimulationException refused(Path file, String reason) {
        return new BankSimulationException("statement " + file + " refused: " + reason, null);
    }
}
