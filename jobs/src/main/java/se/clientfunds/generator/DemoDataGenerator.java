package se.clientfunds.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.camt.BankTransactionCode;
import se.clientfunds.camt.Camt053Writer;
import se.clientfunds.camt.Camt054Writer;
import se.clientfunds.camt.CamtEntry;
import se.clientfunds.camt.Counterparty;
import se.clientfunds.camt.CreditDebit;
import se.clientfunds.camt.EntryTotals;
import se.clientfunds.camt.NotificationHeader;
import se.clientfunds.camt.StatementHeader;
import se.clientfunds.money.Money;

/**
 * Writes a consistent set of demo input files (platform extracts, camt.054 notifications and camt.053 statements
 * per Swedish banking day) with anomalies planted at a set rate, and truth.json saying what was planted and how
 * the pipeline should treat it. The same settings give byte-identical files; memory stays flat with the number of
 * payments because every record is derived from the seed and its index (see {@link PaymentPlanner}).
 */
public final class DemoDataGenerator {

    public static final String CLIENTS_FILE = "clients.csv";
    public static final String INVOICES_FILE = "invoices.csv";
    public static final String REFUNDS_FILE = "refunds.csv";
    /** The demo sanctions list (EU format, made-up names), written with the monitoring patterns. */
    public static final String SANCTIONS_FILE = "eu-sanctions-demo.xml";
    /**
     * The demo's list of high-risk countries (the monitoring's dated reference data, see {@code HighRiskCountries}),
     * written with the monitoring patterns; it goes to the home's {@code reference/} folder, not to the inbox.
     */
    public static final String HIGH_RISK_COUNTRIES_FILE = "high-risk-countries.csv";
    public static final String TRUTH_FILE = "truth.json";
    public static final String CLIENTS_HEADER =
            "client_id,org_number,name,currency,payout_account,payout_schedule,fee_fixed,fee_percent";
    public static final String INVOICES_HEADER =
            "invoice_id,client_id,ocr,currency,amount,issue_date,due_date,debtor_name,debtor_id,debtor_country";
    public static final String REFUNDS_HEADER = "refund_id,payment_ref,amount,currency,to_account,to_name,approved_by";

    // the bank's files are created at the end of the business day; deriving the time keeps runs reproducible
    private static final ZoneId BANK_ZONE = ZoneId.of("Europe/Stockholm");
    private static final int FILES_CREATED_AT_HOUR = 18;
    private static final long PROGRESS_EVERY = 10_000;
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final BankingCalendar calendar;

    public DemoDataGenerator(BankingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The file name of the camt.054 notification of a business day. */
    public static String notificationFileName(LocalDate businessDate) {
        return "camt054-" + businessDate.format(COMPACT_DATE) + ".xml";
    }

    /** The file name of the camt.053 statement of a business day. */
    public static String statementFileName(LocalDate businessDate) {
        return "camt053-" + businessDate.format(COMPACT_DATE) + ".xml";
    }

    public GenerationSummary generate(DemoDataSettings settings) {
        return generate(settings, written -> { });
    }

    /**
     * Generates all files into {@code settings.out()}, replacing files of the same names.
     *
     * @param progress told the number of payments written to camt.054 so far, every few thousand and after each day
     */
    public GenerationSummary generate(DemoDataSettings settings, LongConsumer progress) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
        PaymentPlanner planner = new PaymentPlanner(settings, bankingDays(settings));
        Path out = settings.out();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + out, e);
        }
        List<Path> files = new ArrayList<>();
        files.add(writeClients(out.resolve(CLIENTS_FILE), settings, planner));
        long invoices = writeInvoices(out.resolve(INVOICES_FILE), settings, planner);
        files.add(out.resolve(INVOICES_FILE));
        long refunds = writeRefunds(out.resolve(REFUNDS_FILE), planner);
        files.add(out.resolve(REFUNDS_FILE));
        if (settings.monitoringPatterns()) {
            se.clientfunds.sanctions.EuSanctionsListWriter.write(demoSanctionsList(settings), out.resolve(SANCTIONS_FILE));
            files.add(out.resolve(SANCTIONS_FILE));
            files.add(writeHighRiskCountries(out.resolve(HIGH_RISK_COUNTRIES_FILE)));
        }

        List<DayTotals> days = new ArrayList<>();
        Money opening = Money.zero(settings.currency());
        long paymentsWritten = 0;
        for (int d = 0; d < planner.days().size(); d++) {
            DayTotals day = writeDay(out, settings, planner, d, opening, paymentsWritten, progress);
            files.add(out.resolve(day.notificationFile()));
            files.add(out.resolve(day.statementFile()));
            days.add(day);
            paymentsWritten += day.notified().creditCount();
            if (paymentsWritten % PROGRESS_EVERY != 0) {
                // a round count was already reported while the day was written
                progress.accept(paymentsWritten);
            }
            opening = day.closing();
        }
        Map<AnomalyType, Long> anomalies = TruthFile.write(out.resolve(TRUTH_FILE), settings, planner, days,
                invoices, refunds);
        files.add(out.resolve(TRUTH_FILE));
        return new GenerationSummary(files, planner.paymentCount(), invoices, refunds, anomalies);
    }

    /** A list in the EU's shape naming the planted sanctioned payer among other made-up entities, generated the day before. */
    private static se.clientfunds.sanctions.SanctionsList demoSanctionsList(DemoDataSettings settings) {
        java.util.List<se.clientfunds.sanctions.SanctionsList.Entity> entities = new ArrayList<>();
        entities.add(person("990001", "EU.9901.01", PaymentPlanner.SANCTIONED_NAME, "Ивар Тестовский"));
        entities.add(person("990002", "EU.9902.02", "Olga Exempel"));
        entities.add(new se.clientfunds.sanctions.SanctionsList.Entity("990003", "EU.9903.03",
                se.clientfunds.sanctions.SanctionsList.SubjectType.ENTERPRISE, List.of(
                        new se.clientfunds.sanctions.SanctionsList.NameAlias("Golden Star Trading LLC", "EN", true)),
                List.of(), List.of(), List.of()));
        for (var name : se.clientfunds.sanctions.LabelledNames.generate(40, 0, 0, settings.seed()).list()) {
            entities.add(person(name.entityId(), name.reference(), name.alias()));
        }
        return new se.clientfunds.sanctions.SanctionsList(settings.start().minusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC),
                "demo-" + settings.seed(), entities);
    }

    private static se.clientfunds.sanctions.SanctionsList.Entity person(String id, String reference, String... names) {
        return new se.clientfunds.sanctions.SanctionsList.Entity(id, reference, se.clientfunds.sanctions.SanctionsList.SubjectType.PERSON,
                java.util.Arrays.stream(names).map(name -> new se.clientfunds.sanctions.SanctionsList.NameAlias(name, "", true)).toList(),
                List.of(), List.of(), List.of());
    }

    private List<LocalDate> bankingDays(DemoDataSettings settings) {
        List<LocalDate> days = new ArrayList<>(settings.days());
        LocalDate day = calendar.onOrAfter(settings.start());
        for (int i = 0; i < settings.days(); i++) {
            days.add(day);
            day = calendar.nextBankingDay(day);
        }
        return days;
    }

    /**
     * Two countries that have been on the EU's list since its first version (Delegated Regulation (EU) 2016/1675, in
     * force from 23 September 2016): enough for the demo. It is not the list in force: compliance keeps that.
     */
    private static Path writeHighRiskCountries(Path file) {
        try {
            Files.writeString(file, String.join("\n",
                "# The demo's extract of the EU's high-risk third countries (Delegated Regulation (EU) 2016/1675 as amended).",
                "# Not the list in force: keep this file from the Official Journal. A line is never removed: a country taken",
                "# off the list gets its delisted-from date, so that an old day monitored again is judged by the list of its time.",
                "country,listed-from,delisted-from",
                "IR,2016-09-23,",
                "KP,2016-09-23,",
                ""), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static Path writeClients(Path file, DemoDataSettings settings, PaymentPlanner planner) {
        try (CsvFile csv = new CsvFile(file, CLIENTS_HEADER.split(","))) {
            for (int i = 0; i < settings.clients(); i++) {
                DemoClient client = planner.client(i);
                csv.row(client.clientId(), client.orgNumber(), client.name(), settings.currency().getCurrencyCode(),
                        client.payoutAccount().value(), client.payoutSchedule(), client.feeFixed().toDecimalString(),
                        BigDecimal.valueOf(client.feePercentBasisPoints(), 2).toPlainString());
            }
        }
        return file;
    }

    private static long writeInvoices(Path file, DemoDataSettings settings, PaymentPlanner planner) {
        try (CsvFile csv = new CsvFile(file, INVOICES_HEADER.split(","))) {
            for (long i = 0; i < planner.paymentCount(); i++) {
                PlannedInvoice invoice = planner.invoice(i);
                csv.row(invoice.invoiceId(), invoice.clientId(), invoice.ocr(), settings.currency().getCurrencyCode(),
                        invoice.amount().toDecimalString(), invoice.issueDate().toString(), invoice.dueDate().toString(),
                        invoice.debtor().name(), invoice.debtor().debtorId(), invoice.debtor().country());
            }
            return csv.rows();
        }
    }

    private static long writeRefunds(Path file, PaymentPlanner planner) {
        try (CsvFile csv = new CsvFile(file, REFUNDS_HEADER.split(","))) {
            for (long i = 0; i < planner.paymentCount(); i++) {
                PlannedPayment payment = planner.payment(i);
                if (payment.refundId() != null) {
                    Money excess = payment.excess();
                    csv.row(payment.refundId(), payment.accountServicerReference(), excess.toDecimalString(),
                            excess.currency().getCurrencyCode(), payment.refundTo().value(),
                            payment.debtor().name(), payment.refundApprover());
                }
            }
            return csv.rows();
        }
    }

    /**
     * Writes one day's notification and statement. A first pass adds up the day, because both files state their
     * totals (and the statement its closing balance) before their entries; the writers check them at the end.
     */
    private static DayTotals writeDay(Path out, DemoDataSettings settings, PaymentPlanner planner, int dayIndex,
                                      Money opening, long writtenBefore, LongConsumer progress) {
        LocalDate date = planner.days().get(dayIndex);
        long first = (long) dayIndex * settings.paymentsPerDay();
        long end = first + settings.paymentsPerDay();
        EntryTotals notified = EntryTotals.empty(settings.currency());
        EntryTotals booked = EntryTotals.empty(settings.currency());
        for (long i = first; i < end; i++) {
            PlannedPayment payment = planner.payment(i);
            CamtEntry credit = creditEntry(payment);
            notified = notified.plus(credit);
            if (payment.onStatement()) {
                booked = booked.plus(credit);
            }
            if (payment.bankFee() != null) {
                booked = booked.plus(feeEntry(payment));
            }
        }
        OffsetDateTime created = date.atTime(FILES_CREATED_AT_HOUR, 0).atZone(BANK_ZONE).toOffsetDateTime();
        String compactDate = date.format(COMPACT_DATE);

        String notificationFile = notificationFileName(date);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out.resolve(notificationFile)), 1 << 16)) {
            try (Camt054Writer writer = new Camt054Writer(stream, new NotificationHeader("CAMT054-" + compactDate,
                    created, "NTF-" + compactDate, settings.account(), settings.currency(), notified))) {
                for (long i = first; i < end; i++) {
                    writer.write(creditEntry(planner.payment(i)));
                    long written = writtenBefore + i - first + 1;
                    if (written % PROGRESS_EVERY == 0) {
                        progress.accept(written);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(notificationFile), e);
        }

        long sequenceNumber = dayIndex + 1L;
        Money closing = opening.plus(booked.net());
        String statementFile = statementFileName(date);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out.resolve(statementFile)), 1 << 16)) {
            try (Camt053Writer writer = new Camt053Writer(stream, new StatementHeader("CAMT053-" + compactDate, created,
                    "STMT-" + compactDate + "-" + sequenceNumber, sequenceNumber, settings.account(), date, opening,
                    closing, booked))) {
                for (long i = first; i < end; i++) {
                    PlannedPayment payment = planner.payment(i);
                    if (payment.onStatement()) {
                        writer.write(creditEntry(payment));
                    }
                    if (payment.bankFee() != null) {
                        writer.write(feeEntry(payment));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(statementFile), e);
        }
        return new DayTotals(date, sequenceNumber, notificationFile, notified, statementFile, opening, booked, closing);
    }

    private static CamtEntry creditEntry(PlannedPayment payment) {
        Debtor debtor = payment.debtor();
        return new CamtEntry(payment.amount(), CreditDebit.CRDT, payment.businessDate(), payment.businessDate(),
                payment.accountServicerReference(), payment.endToEndId(), BankTransactionCode.RECEIVED_CREDIT_TRANSFER,
                new Counterparty(debtor.name(), debtor.country(), debtor.account()), payment.ocr());
    }

    private static CamtEntry feeEntry(PlannedPayment payment) {
        return new CamtEntry(payment.bankFee(), CreditDebit.DBIT, payment.businessDate(), payment.businessDate(),
                payment.bankFeeReference(), null, BankTransactionCode.BANK_CHARGES, null, null);
    }
}
