package se.clientfunds.generator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;

/**
 * Derives every client, debtor, invoice and payment from the seed and its own index alone, each with a fresh
 * {@link SplittableRandom}. That is what lets the generator write each file in its own streaming pass and still
 * have invoices, notifications, statements and truth agree, without holding a million payments in memory.
 */
final class PaymentPlanner {

    // distinct salts so that, for the same index, a client, an invoice and a payment draw unrelated numbers
    private static final long CLIENT_SALT = 0x436c69656e74L;
    private static final long DEBTOR_SALT = 0x446562746f72L;
    private static final long INVOICE_SALT = 0x496e766f6963L;
    private static final long PAYMENT_SALT = 0x5061796d6e74L;
    private static final long KIND_SALT = 0x4b696e64L;
    private static final long DUPLICATE_SALT = 0x4475706cL;

    /** How far back a duplicate looks for the payment it repeats; keeps the search bounded. */
    private static final int DUPLICATE_WINDOW = 500;

    private static final long BANK_FEE_MAJOR_UNITS = 25;

    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final AnomalyType[] KINDS = AnomalyType.values();

    // Swedish letters and commas on purpose: importers must handle quoting and UTF-8
    private static final String[] SURNAMES = {
            "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
            "Svensson", "Gustafsson", "Jönsson", "Öberg", "Åström", "Ängström", "Lindqvist", "Bäckström",
            "Sjöberg", "Håkansson", "Löfgren", "Westerlund"};
    private static final String[] FIRST_NAMES = {
            "Åsa", "Björn", "Märta", "Göran", "Anders", "Karin", "Sören", "Linnéa", "Maja", "Erik", "Ingrid",
            "Örjan", "Elsa", "Lars", "Ylva", "Nils"};
    private static final String[] COMPANY_TEMPLATES = {
            "%s Bygg AB", "%s & Söner, Handelsbolag", "Café %s, Göteborg", "%s Åkeri Aktiebolag",
            "\"%s\" Konsult AB", "Fastighets AB %s", "Ölbryggeriet %s, Malmö", "%s Städ & Fönsterputs AB"};
    private static final String[] DEBTOR_COUNTRIES = {"SE", "NO", "DK", "FI", "DE"};
    private static final int[] BBAN_LENGTHS = {20, 11, 14, 14, 18};
    private static final String[] APPROVERS = {"anna.lindqvist", "bjorn.ostrom", "mari.akesson", "sven.berg"};

    /** The monitoring patterns planted when the settings ask for them, each at fixed payment indexes of the first days. */
    enum Planted {
        LARGE_PAYMENT, SANCTIONED_PAYER, STRUCTURING, ONE_PAYER_MANY_CLIENTS, ROUND_REFUNDED_ELSEWHERE, HIGH_RISK_DEBTOR,
        VELOCITY_SPIKE
    }

    /** The made-up payer on the demo sanctions list. */
    static final String SANCTIONED_NAME = "Ivar Testovsky";
    static final String LARGE_PAYER = "Stor Betalare AB";
    static final String STRUCTURING_PAYER = "Viktor Strukturell";
    static final String MANY_CLIENTS_PAYER = "Mångbetalaren AB";
    static final String ROUND_PAYER = "Rund Betalare HB";
    static final String HIGH_RISK_DEBTOR = "Darius Demovand";
    /** On the demo's list of high-risk countries (see {@link DemoDataGenerator#HIGH_RISK_COUNTRIES_FILE}). */
    static final String HIGH_RISK_COUNTRY = "IR";
    /** The client whose inflow spikes on the third day: eight payments of 123,456 more than its usual day. */
    static final int VELOCITY_CLIENT = 0;
    private static final long VELOCITY_MAJOR = 123_456;
    private static final long[] STRUCTURED_MAJOR = {140_000, 145_000, 139_000};

    private final DemoDataSettings settings;
    private final List<LocalDate> days;
    // formatted once per day rather than once per payment and pass: references are built millions of times
    private final String[] compactDays;
    private final long debtorPool;
    private final long minorFactor;

    PaymentPlanner(DemoDataSettings settings, List<LocalDate> days) {
        this.settings = settings;
        this.days = List.copyOf(days);
        this.compactDays = days.stream().map(day -> day.format(COMPACT_DATE)).toArray(String[]::new);
        // enough payers that most pay once or twice, few enough that some pay several clients
        this.debtorPool = Math.max(50, settings.totalPayments() / 3);
        this.minorFactor = pow10(Money.minorDigits(settings.currency()));
    }

    long paymentCount() {
        return settings.totalPayments();
    }

    List<LocalDate> days() {
        return days;
    }

    DemoClient client(int index) {
        SplittableRandom r = random(CLIENT_SALT, index);
        String orgDigits = "55" + digits(r, 7);
        String orgNumber = OcrReference.withCheckDigit(orgDigits).value();
        // the template follows the index so that even three clients show commas, quotes and åäö
        String name = COMPANY_TEMPLATES[index % COMPANY_TEMPLATES.length].formatted(pick(r, SURNAMES));
        Iban payoutAccount = Iban.of("SE", digits(r, 20));
        String schedule = r.nextInt(3) == 0 ? "WEEKLY" : "DAILY";
        // fixed fees in half units, 0.00 to 10.00, as platforms price them
        Money feeFixed = new Money(r.nextInt(0, 21) * Math.max(1, minorFactor / 2), settings.currency());
        int feeBasisPoints = 25 * r.nextInt(0, 13);
        return new DemoClient(clientId(index), orgNumber.substring(0, 6) + "-" + orgNumber.substring(6), name,
                payoutAccount, schedule, feeFixed, feeBasisPoints);
    }

    static String clientId(int index) {
        return "CL" + pad(index + 1, 5);
    }

    Debtor debtor(long index) {
        SplittableRandom r = random(DEBTOR_SALT, index);
        boolean person = r.nextInt(3) != 0;
        String surname = pick(r, SURNAMES);
        String firstName = pick(r, FIRST_NAMES);
        String name = person ? firstName + " " + surname
                : COMPANY_TEMPLATES[r.nextInt(COMPANY_TEMPLATES.length)].formatted(surname);
        int roll = r.nextInt(100);
        int country = roll < 85 ? 0 : roll < 90 ? 1 : roll < 94 ? 2 : roll < 97 ? 3 : 4;
        Iban account = Iban.of(DEBTOR_COUNTRIES[country], digits(r, BBAN_LENGTHS[country]));
        return new Debtor("DB" + pad(index + 1, 8), name, DEBTOR_COUNTRIES[country], account);
    }

    /** The invoice that payment {@code index} was issued for; every payment index has one, paid or not. */
    PlannedInvoice invoice(long index) {
        SplittableRandom r = random(INVOICE_SALT, index);
        int client = r.nextInt(settings.clients());
        long major = 100 + r.nextLong(49_900);
        long minor = r.nextInt(4) == 0 ? r.nextLong(minorFactor) : 0;
        // issued 20 to 40 days before payment with 30 days to pay: most pay near the due date, some late
        int issuedDaysBefore = 20 + r.nextInt(21);
        long debtorIndex = r.nextLong(debtorPool);
        LocalDate issued = dayOf(index).minusDays(issuedDaysBefore);
        Debtor debtor = debtor(debtorIndex);
        Planted planted = planted(index);
        if (planted != null) {
            int day = (int) (index / settings.paymentsPerDay());
            minor = 0;
            switch (planted) {
                case LARGE_PAYMENT -> {
                    major = 200_000;
                    debtor = plantedDebtor("DBPLANT01", LARGE_PAYER);
                }
                case SANCTIONED_PAYER -> debtor = plantedDebtor("DBPLANT02", SANCTIONED_NAME);
                case STRUCTURING -> {
                    major = STRUCTURED_MAJOR[day];
                    debtor = plantedDebtor("DBPLANT03", STRUCTURING_PAYER);
                }
                case ONE_PAYER_MANY_CLIENTS -> {
                    // eight payments on the second day, to clients 1 to 8
                    client = (int) (index % settings.paymentsPerDay()) - 3;
                    debtor = plantedDebtor("DBPLANT04", MANY_CLIENTS_PAYER);
                }
                case ROUND_REFUNDED_ELSEWHERE -> {
                    major = 55_000;
                    debtor = plantedDebtor("DBPLANT05", ROUND_PAYER);
                }
                // an ordinary amount to an ordinary client, from a debtor the invoice gives a high-risk country
                case HIGH_RISK_DEBTOR -> debtor = plantedDebtor("DBPLANT07", HIGH_RISK_DEBTOR, HIGH_RISK_COUNTRY);
                // from the day's ordinary debtors, each under every other rule's limits
                case VELOCITY_SPIKE -> {
                    major = VELOCITY_MAJOR;
                    client = VELOCITY_CLIENT;
                }
            }
        }
        return new PlannedInvoice("INV" + pad(index + 1, 10), clientId(client), invoiceOcr(index),
                new Money(major * minorFactor + minor, settings.currency()), issued, issued.plusDays(30), debtor);
    }

    /**
     * The pattern planted at a payment index, or null: on the first day a large payment (payment 1) and the sanctioned
     * payer (payment 2); payment 3 of each of the first three days structured; on the second day a round overpayment
     * refunded to another account (payment 1) and eight payments of one payer to eight clients (payments 4 to 11); on
     * the third day a debtor of a high-risk country (payment 1) and eight payments to the first client (payments 4 to
     * 11), a spike in its inflow.
     */
    Planted planted(long index) {
        if (!settings.monitoringPatterns()) {
            return null;
        }
        long day = index / settings.paymentsPerDay();
        long n = index % settings.paymentsPerDay();
        if (day > 2) {
            return null;
        }
        if (n == 2) {
            return Planted.STRUCTURING;
        }
        if (day == 0) {
            return n == 0 ? Planted.LARGE_PAYMENT : n == 1 ? Planted.SANCTIONED_PAYER : null;
        }
        if (n == 0) {
            return day == 1 ? Planted.ROUND_REFUNDED_ELSEWHERE : Planted.HIGH_RISK_DEBTOR;
        }
        if (n >= 3 && n <= 10) {
            return day == 1 ? Planted.ONE_PAYER_MANY_CLIENTS : Planted.VELOCITY_SPIKE;
        }
        return null;
    }

    private Debtor plantedDebtor(String id, String name) {
        return plantedDebtor(id, name, "SE");
    }

    /** A planted debtor of a country; they pay from a Swedish account whatever their country. */
    private Debtor plantedDebtor(String id, String name, String country) {
        SplittableRandom r = random(DEBTOR_SALT, id.hashCode());
        return new Debtor(id, name, country, Iban.of("SE", digits(r, 20)));
    }

    static String invoiceOcr(long index) {
        return OcrReference.withCheckDigit("1" + pad(index, 10)).value();
    }

    /** The anomaly drawn for a payment before duplicates are resolved; null for a clean payment. */
    AnomalyType drawnAnomaly(long index) {
        SplittableRandom r = random(KIND_SALT, index);
        int roll = r.nextInt(1000);
        int kind = r.nextInt(KINDS.length);
        Planted planted = planted(index);
        if (planted != null) {
            // a planted pattern is paid as planned: the round one overpays its invoice, the others pay it exactly
            return planted == Planted.ROUND_REFUNDED_ELSEWHERE ? AnomalyType.OVERPAYMENT : null;
        }
        return roll < settings.anomalyPerMille() ? KINDS[kind] : null;
    }

    PlannedPayment payment(long index) {
        SplittableRandom r = random(PAYMENT_SALT, index);
        LocalDate day = dayOf(index);
        long sequence = index % settings.paymentsPerDay() + 1;
        String reference = reference(index);
        String endToEndId = "E2E" + compactDay(index) + "-" + pad(sequence, 7);
        PlannedInvoice own = invoice(index);
        AnomalyType anomaly = drawnAnomaly(index);
        long duplicated = -1;
        if (anomaly == AnomalyType.DUPLICATE_PAYMENT) {
            duplicated = cleanPaymentBefore(index);
            if (duplicated < 0) {
                // nothing earlier to pay twice (the first payments of a run): overpay instead, keeping the rate
                anomaly = AnomalyType.OVERPAYMENT;
            }
        }
        // drawn for every payment, used by some, so that each payment draws the same sequence of numbers
        long shortfall = 1 + r.nextLong(Math.max(1, own.amount().minorUnits() / 2));
        long excess = minorFactor + r.nextLong(1000 * minorFactor);
        int wrongCheckDigitOffset = 1 + r.nextInt(9);
        boolean refunded = r.nextBoolean();
        String approver = pick(r, APPROVERS);

        Iban refundAccount = null;
        if (planted(index) == Planted.ROUND_REFUNDED_ELSEWHERE) {
            // 60,000 paid on an invoice of 55,000: round, and the excess refunded to an account the money never came from
            excess = 5_000 * minorFactor;
            refunded = true;
            refundAccount = plantedDebtor("DBPLANT06", ROUND_PAYER).account();
        }
        Money amount = own.amount();
        String ocr = own.ocr();
        Debtor debtor = own.debtor();
        PlannedInvoice invoice = own;
        String related = null;
        String feeReference = null;
        Money fee = null;
        String refundId = null;
        if (anomaly != null) {
            switch (anomaly) {
                case INVALID_OCR -> {
                    int check = ocr.charAt(ocr.length() - 1) - '0';
                    ocr = ocr.substring(0, ocr.length() - 1) + (check + wrongCheckDigitOffset) % 10;
                    invoice = null;
                }
                case UNKNOWN_OCR -> {
                    ocr = OcrReference.withCheckDigit("9" + pad(index, 10)).value();
                    invoice = null;
                }
                case UNDERPAYMENT -> amount = new Money(amount.minorUnits() - shortfall, amount.currency());
                case OVERPAYMENT -> {
                    amount = new Money(amount.minorUnits() + excess, amount.currency());
                    refundId = refunded ? "RF" + pad(index + 1, 10) : null;
                }
                case DUPLICATE_PAYMENT -> {
                    invoice = invoice(duplicated);
                    amount = invoice.amount();
                    ocr = invoice.ocr();
                    debtor = invoice.debtor();
                    related = reference(duplicated);
                }
                case BANK_FEE_ON_STATEMENT_ONLY -> {
                    feeReference = "FEE" + compactDay(index) + "-" + pad(sequence, 7);
                    fee = new Money(BANK_FEE_MAJOR_UNITS * minorFactor, settings.currency());
                }
                case PAYMENT_MISSING_FROM_STATEMENT -> {
                    // the payment itself is ordinary; only the statement leaves it out
                }
            }
        }
        return new PlannedPayment(index, day, reference, endToEndId, amount, ocr, debtor, invoice, anomaly, related,
                feeReference, fee, refundId, refundId == null ? null : approver, refundId == null ? null : refundAccount);
    }

    String reference(long index) {
        return "BK" + compactDay(index) + "-" + pad(index % settings.paymentsPerDay() + 1, 7);
    }

    private String compactDay(long paymentIndex) {
        return compactDays[(int) (paymentIndex / settings.paymentsPerDay())];
    }

    /** An earlier payment that settled its invoice in full and is on the statement, or -1 when there is none. */
    private long cleanPaymentBefore(long index) {
        if (index == 0) {
            return -1;
        }
        SplittableRandom r = random(DUPLICATE_SALT, index);
        long from = index - 1 - r.nextLong(Math.min(index, DUPLICATE_WINDOW));
        for (long j = from; j >= 0 && j > index - 1 - 2L * DUPLICATE_WINDOW; j--) {
            // (a planted pattern is not paid twice: that would be a second finding)
            if (drawnAnomaly(j) == null && planted(j) == null) {
                return j;
            }
        }
        return -1;
    }

    LocalDate dayOf(long paymentIndex) {
        return days.get((int) (paymentIndex / settings.paymentsPerDay()));
    }

    private SplittableRandom random(long salt, long index) {
        return new SplittableRandom(mix(mix(settings.seed() ^ salt) + index));
    }

    // SplitMix64 finaliser: neighbouring indexes get unrelated seeds
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String digits(SplittableRandom r, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + r.nextInt(10)));
        }
        return digits.toString();
    }

    static String pad(long value, int width) {
        String text = Long.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }

    private static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
