package se.clientfunds.monitoring;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.clientfunds.money.Money;
import se.clientfunds.settings.ConfiguredAmount;

/**
 * The monitoring rules as configured ({@code settlement.monitoring.rules}): each entry is one rule with its thresholds,
 * in force from its {@code valid-from} date until a later entry of the same rule. A day is monitored with the entries
 * in force on it, so an old day run again is judged by the rules of its time.
 */
@ConfigurationProperties("settlement.monitoring")
public record MonitoringSettings(List<RuleSetting> rules, @DefaultValue("2000") int chunkSize,
                                 @DefaultValue(DEFAULT_HIGH_RISK_COUNTRIES) Path highRiskCountries) {

    /** Where the dated list of high-risk countries is kept, relative to the settlement home unless absolute. */
    public static final String DEFAULT_HIGH_RISK_COUNTRIES = "reference/high-risk-countries.csv";

    public MonitoringSettings(List<RuleSetting> rules) {
        this(rules, 2000, Path.of(DEFAULT_HIGH_RISK_COUNTRIES));
    }

    public MonitoringSettings(List<RuleSetting> rules, int chunkSize) {
        this(rules, chunkSize, Path.of(DEFAULT_HIGH_RISK_COUNTRIES));
    }

    @ConstructorBinding
    public MonitoringSettings {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("settlement.monitoring.chunk-size: must be 1 or more, is " + chunkSize);
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
        highRiskCountries = highRiskCountries == null ? Path.of(DEFAULT_HIGH_RISK_COUNTRIES) : highRiskCountries;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == null) {
                throw new IllegalArgumentException("settlement.monitoring.rules[" + i + "]: empty");
            }
            rules.get(i).check("settlement.monitoring.rules[" + i + "]");
        }
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                if (rules.get(i).rule() == rules.get(j).rule() && rules.get(i).validFrom().equals(rules.get(j).validFrom())) {
                    throw new IllegalArgumentException("settlement.monitoring.rules[" + j + "]: " + rules.get(j).rule()
                            + " is already configured from " + rules.get(j).validFrom() + " (rules[" + i + "])");
                }
            }
        }
    }

    /** The entry of the rule in force on the date: the latest valid-from on or before it. */
    public Optional<RuleSetting> inForce(AlertRule rule, LocalDate date) {
        return rules.stream().filter(setting -> setting.rule() == rule && !setting.validFrom().isAfter(date))
                .max(Comparator.comparing(RuleSetting::validFrom));
    }

    /**
     * One rule from a date on. Which keys a rule needs: LARGE_PAYMENT {@code threshold}; STRUCTURING {@code threshold},
     * {@code below-percent}, {@code min-count}, {@code window-days}; ROUND_AMOUNT {@code minimum}, {@code multiple};
     * ONE_PAYER_MANY_CLIENTS {@code min-clients}, {@code window-days}; REFUND_TO_OTHER_ACCOUNT none; HIGH_RISK_COUNTRY
     * none (the countries are in the file {@link MonitoringSettings#highRiskCountries()}); VELOCITY {@code factor},
     * {@code lookback-days}, {@code floor}.
     *
     * @param threshold    per currency, decimals in the currency ({@code SEK: 150000.00})
     * @param belowPercent how far under the threshold a payment may be and still count as structured (1 to 99)
     * @param minCount     how many such payments from one payer make a pattern
     * @param windowDays   over how many banking days, the business day included
     * @param minimum      per currency: the smallest payment a round amount counts from
     * @param multiple     per currency: what a round amount is a multiple of
     * @param minClients   how many different clients one payer pays within the window to be reported
     * @param factor       how many times its median daily inflow a client's day must exceed to be reported ({@code 5},
     *                     {@code 4.5})
     * @param lookbackDays over how many banking days before the business day the median is taken
     * @param floor        per currency: a client's day under it is never reported, however quiet its history
     */
    public record RuleSetting(AlertRule rule, LocalDate validFrom, NewAlert.Severity severity, Map<String, String> threshold,
                              Integer belowPercent, Integer minCount, Integer windowDays, Map<String, String> minimum,
                              Map<String, String> multiple, Integer minClients, BigDecimal factor, Integer lookbackDays,
                              Map<String, String> floor) {

        @ConstructorBinding
        public RuleSetting {
            threshold = threshold == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(upperCase(threshold)));
            minimum = minimum == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(upperCase(minimum)));
            multiple = multiple == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(upperCase(multiple)));
            floor = floor == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(upperCase(floor)));
        }

        /** A setting of the rules from before VELOCITY, whose keys it does not have. */
        public RuleSetting(AlertRule rule, LocalDate validFrom, NewAlert.Severity severity, Map<String, String> threshold,
                           Integer belowPercent, Integer minCount, Integer windowDays, Map<String, String> minimum,
                           Map<String, String> multiple, Integer minClients) {
            this(rule, validFrom, severity, threshold, belowPercent, minCount, windowDays, minimum, multiple, minClients, null,
                    null, null);
        }

        /** A VELOCITY setting. */
        public static RuleSetting velocity(LocalDate validFrom, NewAlert.Severity severity, BigDecimal factor,
                                           Integer lookbackDays, Map<String, String> floor) {
            return new RuleSetting(AlertRule.VELOCITY, validFrom, severity, null, null, null, null, null, null, null, factor,
                    lookbackDays, floor);
        }

        /** A setting with a threshold and the structuring keys (the rules that need no others). */
        public RuleSetting(AlertRule rule, LocalDate validFrom, NewAlert.Severity severity, Map<String, String> threshold,
                           Integer belowPercent, Integer minCount, Integer windowDays) {
            this(rule, validFrom, severity, threshold, belowPercent, minCount, windowDays, null, null, null);
        }

        void check(String key) {
            if (rule == null) {
                throw new IllegalArgumentException(key + ".rule: missing; one of " + java.util.Arrays.toString(AlertRule.values()));
            }
            String where = key + " (" + rule + ")";
            if (validFrom == null) {
                throw new IllegalArgumentException(where + ".valid-from: missing; the first day the rule is in force, yyyy-MM-dd");
            }
            if (severity == null) {
                throw new IllegalArgumentException(where + ".severity: missing; LOW, MEDIUM or HIGH");
            }
            switch (rule) {
                case LARGE_PAYMENT -> requireThreshold(where);
                case STRUCTURING -> {
                    requireThreshold(where);
                    require(where, "below-percent", belowPercent, 1, 99);
                    require(where, "min-count", minCount, 2, 1000);
                    require(where, "window-days", windowDays, 1, 250);
                }
                case ROUND_AMOUNT -> {
                    requireAmounts(where, "minimum", minimum);
                    requireAmounts(where, "multiple", multiple);
                    multiple.forEach((currency, text) -> {
                        if (amount(where + ".multiple." + currency, currency, text).isZero()) {
                            throw new IllegalArgumentException(where + ".multiple." + currency + ": must be more than 0");
                        }
                    });
                    if (!minimum.keySet().equals(multiple.keySet())) {
                        throw new IllegalArgumentException(where + ": minimum and multiple name different currencies: "
                                + minimum.keySet() + " and " + multiple.keySet());
                    }
                }
                case ONE_PAYER_MANY_CLIENTS -> {
                    require(where, "min-clients", minClients, 2, 10_000);
                    require(where, "window-days", windowDays, 1, 250);
                }
                case REFUND_TO_OTHER_ACCOUNT, HIGH_RISK_COUNTRY -> {
                    // nothing to set: any refund paid elsewhere than the payment came from; any country on the list
                }
                case VELOCITY -> {
                    if (factor == null || factor.compareTo(BigDecimal.ONE) <= 0 || factor.compareTo(BigDecimal.valueOf(1000)) > 0
                            || factor.scale() > 2) {
                        throw new IllegalArgumentException(where + ".factor: must be more than 1 and at most 1000, with at"
                                + " most two decimals, is " + (factor == null ? null : factor.toPlainString()));
                    }
                    require(where, "lookback-days", lookbackDays, 1, 250);
                    requireAmounts(where, "floor", floor);
                }
                case SANCTIONS_MATCH -> throw new IllegalArgumentException(where + ": SANCTIONS_MATCH is not configured here;"
                        + " it is settlement.sanctions.match-threshold, and every payment is screened before allocation");
            }
        }

        private void requireThreshold(String where) {
            requireAmounts(where, "threshold", threshold);
        }

        private static void requireAmounts(String where, String name, Map<String, String> amounts) {
            if (amounts.isEmpty()) {
                throw new IllegalArgumentException(where + "." + name + ": missing; an amount per currency, such as { SEK: 150000.00 }");
            }
            amounts.forEach((currency, amount) -> amount(where + "." + name + "." + currency, currency, amount));
        }

        /** Every minimum the rule has, by currency. */
        public Map<Currency, Money> minimums() {
            return amounts("minimum", minimum);
        }

        /** Every floor the rule has, by currency. */
        public Map<Currency, Money> floors() {
            return amounts("floor", floor);
        }

        /** Every multiple the rule has, by currency. */
        public Map<Currency, Money> multiples() {
            return amounts("multiple", multiple);
        }

        private static void require(String where, String name, Integer value, int min, int max) {
            if (value == null || value < min || value > max) {
                throw new IllegalArgumentException(where + "." + name + ": must be from " + min + " to " + max + ", is " + value);
            }
        }

        /** Every threshold the rule has, by currency. */
        public Map<Currency, Money> thresholds() {
            return amounts("threshold", threshold);
        }

        private static Map<Currency, Money> amounts(String name, Map<String, String> texts) {
            Map<Currency, Money> amounts = new java.util.LinkedHashMap<>();
            texts.forEach((currency, text) -> {
                Money amount = amount(name, currency, text);
                amounts.put(amount.currency(), amount);
            });
            return Collections.unmodifiableMap(amounts);
        }

        private static Map<String, String> upperCase(Map<String, String> amounts) {
            Map<String, String> upper = new TreeMap<>();
            amounts.forEach((currency, amount) -> upper.put(currency.trim().toUpperCase(Locale.ROOT), amount == null ? null
                    : amount.trim()));
            return upper;
        }

        private static Money amount(String key, String currency, String text) {
            try {
                return ConfiguredAmount.parse(currency, text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage());
            }
        }
    }
}
