package se.clientfunds.monitoring;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.clientfunds.money.Money;

/**
 * {@code VELOCITY}: a client whose inflow of the day (what was allocated to its invoices) is more than {@code factor}
 * times its median daily inflow over the previous {@code lookback-days} banking days, and at least the {@code floor}
 * of its currency. A day of the look-back with no inflow counts as nothing received. The look-back covers only days
 * the pipeline has books for: on its first day there is no history and no alert, and in its first weeks the median is
 * over the days there are, so that going live does not make every client look new.
 */
public final class VelocityRule {

    /**
     * A client's inflow on the business day and on each banking day of its look-back.
     *
     * @param history  the inflow of each look-back day, in minor units, zero for a day with none
     * @param payments the day's payments to the client, {@code iban/bank reference}, in order
     */
    public record ClientDay(String clientId, java.time.LocalDate day, Money inflow, long[] history, List<String> payments) {

        public ClientDay {
            history = history.clone();
            payments = List.copyOf(payments);
        }
    }

    private final MonitoringSettings.RuleSetting setting;
    private final Map<Currency, Money> floors;

    public VelocityRule(MonitoringSettings.RuleSetting setting) {
        if (setting.rule() != AlertRule.VELOCITY) {
            throw new IllegalArgumentException("not a VELOCITY setting: " + setting.rule());
        }
        this.setting = setting;
        this.floors = setting.floors();
    }

    public int lookbackDays() {
        return setting.lookbackDays();
    }

    /** The smallest inflow that could be reported in the currency, or null when the rule has no floor for it. */
    public Money floor(Currency currency) {
        return floors.get(currency);
    }

    /** The median of the daily inflows, in minor units; half a minor unit when two middle days differ by an odd amount. */
    static BigDecimal median(long[] history) {
        long[] sorted = history.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? BigDecimal.valueOf(sorted[middle])
                : BigDecimal.valueOf(sorted[middle - 1]).add(BigDecimal.valueOf(sorted[middle])).divide(BigDecimal.valueOf(2));
    }

    /** The alert for the client's day, if its inflow is a spike; none without history or under the floor. */
    public Optional<NewAlert> evaluate(ClientDay client) {
        Money floor = floors.get(client.inflow().currency());
        if (floor == null || client.history().length == 0 || client.inflow().compareTo(floor) < 0) {
            return Optional.empty();
        }
        BigDecimal median = median(client.history());
        BigDecimal limit = median.multiply(setting.factor());
        if (BigDecimal.valueOf(client.inflow().minorUnits()).compareTo(limit) <= 0) {
            return Optional.empty();
        }
        Money medianAmount = Money.ofMinor(median.longValue(), client.inflow().currency().getCurrencyCode());
        return Optional.of(new NewAlert(AlertRule.VELOCITY, setting.severity(), client.day(), NewAlert.SubjectKind.CLIENT,
                client.clientId(), client.day() + " " + client.inflow().currency().getCurrencyCode(), client.inflow(),
                "client " + client.clientId() + " received " + client.inflow() + " in " + client.payments().size() + " payment"
                        + (client.payments().size() == 1 ? "" : "s") + ", more than " + setting.factor().toPlainString()
                        + " times its median daily inflow of " + medianAmount + " over the previous " + client.history().length
                        + " banking days and at least the floor of " + floor + " (VELOCITY in force from "
                        + setting.validFrom() + ")", null, client.payments()));
    }
}
