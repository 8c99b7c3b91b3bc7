package se.clientfunds.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

import se.clientfunds.reference.Iban;

/**
 * What the demo data generator produces: how many clients, banking days and payments a day, from which seed,
 * starting on the first banking day on or after {@code start}, with anomalies at a rate in per mille
 * (integer, so no floating point creeps near money), for one client-funds account and currency.
 */
public record DemoDataSettings(
        Path out,
        int clients,
        int days,
        int paymentsPerDay,
        long seed,
        LocalDate start,
        int anomalyPerMille,
        Iban account,
        Currency currency,
        boolean monitoringPatterns) {

    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 2);
    public static final int DEFAULT_ANOMALY_PER_MILLE = 50;
    public static final Iban DEFAULT_ACCOUNT = Iban.of("SE", "50000000058398257466");
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("SEK");

    // references carry the sequence within the day in seven digits; wider would still be unique, but uneven
    static final int MAX_PAYMENTS_PER_DAY = 9_999_999;

    public DemoDataSettings {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
        if (clients < 1 || clients > 99_999) {
            throw new IllegalArgumentException("clients must be 1 to 99999, is " + clients);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, is " + days);
        }
        if (paymentsPerDay < 1 || paymentsPerDay > MAX_PAYMENTS_PER_DAY) {
            throw new IllegalArgumentException("paymentsPerDay must be 1 to " + MAX_PAYMENTS_PER_DAY + ", is " + paymentsPerDay);
        }
        if (anomalyPerMille < 0 || anomalyPerMille > 1000) {
            throw new IllegalArgumentException("anomalyPerMille must be 0 to 1000, is " + anomalyPerMille);
        }
        if ((long) days * paymentsPerDay > 9_999_999_999L) {
            throw new IllegalArgumentException("days × paymentsPerDay must stay below 10^10 (ten-digit invoice numbers), is "
                    + (long) days * paymentsPerDay);
        }
    }

    /** Settings with the defaults for start date, anomaly rate, account and currency. */
    public static DemoDataSettings of(Path out, int clients, int days, int paymentsPerDay, long seed) {
        return new DemoDataSettings(out, clients, days, paymentsPerDay, seed, DEFAULT_START,
                DEFAULT_ANOMALY_PER_MILLE, DEFAULT_ACCOUNT, DEFAULT_CURRENCY, false);
    }

    public DemoDataSettings withOut(Path newOut) {
        return new DemoDataSettings(newOut, clients, days, paymentsPerDay, seed, start, anomalyPerMille, account, currency, monitoringPatterns);
    }

    public DemoDataSettings withSeed(long newSeed) {
        return new DemoDataSettings(out, clients, days, paymentsPerDay, newSeed, start, anomalyPerMille, account, currency, monitoringPatterns);
    }

    public DemoDataSettings withStart(LocalDate newStart) {
        return new DemoDataSettings(out, clients, days, paymentsPerDay, seed, newStart, anomalyPerMille, account, currency, monitoringPatterns);
    }

    public DemoDataSettings withAnomalyPerMille(int newAnomalyPerMille) {
        return new DemoDataSettings(out, clients, days, paymentsPerDay, seed, start, newAnomalyPerMille, account, currency, monitoringPatterns);
    }

    /** The client-funds account the bank files are about. */
    public DemoDataSettings withAccount(Iban newAccount) {
        return new DemoDataSettings(out, clients, days, paymentsPerDay, seed, start, anomalyPerMille, newAccount, currency, monitoringPatterns);
    }

    /**
     * Settings that also plant the patterns monitoring looks for (a large payment, a sanctioned payer with the demo
     * sanctions list, structuring, one payer paying many clients, a round overpayment refunded to another account, a
     * debtor of a high-risk country with the demo's list of countries, a spike in a client's inflow), listed in
     * truth.json; needs at least 3 days, 11 payments a day and 8 clients.
     */
    public DemoDataSettings withMonitoringPatterns() {
        if (!canPlantMonitoringPatterns()) {
            throw new IllegalArgumentException("the monitoring patterns need at least 3 days, 11 payments a day and 8 clients");
        }
        return new DemoDataSettings(out, clients, days, paymentsPerDay, seed, start, anomalyPerMille, account, currency, true);
    }

    /** Whether there is room for the monitoring patterns (see {@link #withMonitoringPatterns()}). */
    public boolean canPlantMonitoringPatterns() {
        return days >= 3 && paymentsPerDay >= 11 && clients >= 8;
    }

    public long totalPayments() {
        return (long) days * paymentsPerDay;
    }
}
