package se.clientfunds.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import se.clientfunds.money.Money;

/**
 * {@code HIGH_RISK_COUNTRY}: a debtor whose country (as the client's invoice gives it) is on the EU's list of
 * high-risk third countries on the business day, reported on a day payments of theirs were allocated; one alert a
 * debtor, currency and day, with those payments as its evidence.
 */
public final class HighRiskCountryRule {

    /**
     * A debtor's payments allocated on a day, in one currency.
     *
     * @param payments {@code iban/bank reference}, in order
     * @param amount   what those payments paid to the debtor's invoices together
     */
    public record DebtorDay(String debtorId, String debtorName, String country, LocalDate day, Money amount,
                            List<String> payments) {

        public DebtorDay {
            payments = List.copyOf(payments);
        }
    }

    private final MonitoringSettings.RuleSetting setting;
    private final HighRiskCountries countries;

    public HighRiskCountryRule(MonitoringSettings.RuleSetting setting, HighRiskCountries countries) {
        if (setting.rule() != AlertRule.HIGH_RISK_COUNTRY) {
            throw new IllegalArgumentException("not a HIGH_RISK_COUNTRY setting: " + setting.rule());
        }
        this.setting = setting;
        this.countries = countries;
    }

    /** Whether the debtor's country is listed on the day (before their payments are read for the alert). */
    public boolean applies(DebtorDay debtor) {
        return countries.listing(debtor.country(), debtor.day()).isPresent();
    }

    /** The alert for the debtor's day, if their country is listed on it. */
    public Optional<NewAlert> evaluate(DebtorDay debtor) {
        return countries.listing(debtor.country(), debtor.day()).map(listing -> {
            String subject = debtor.debtorName() == null || debtor.debtorName().isBlank() ? "(no name) " + debtor.debtorId()
                    : debtor.debtorName().strip();
            return new NewAlert(AlertRule.HIGH_RISK_COUNTRY, setting.severity(), debtor.day(), NewAlert.SubjectKind.DEBTOR,
                    subject, Rules.evidenceKey(debtor.payments()), debtor.amount(), "debtor " + subject + " ("
                            + debtor.debtorId() + ") of " + listing.country() + ", on the list of high-risk countries from "
                            + listing.listedFrom() + " (" + countries.file().getFileName() + " line " + listing.line() + "), paid "
                            + debtor.amount() + " in " + debtor.payments().size() + " payment"
                            + (debtor.payments().size() == 1 ? "" : "s") + " (HIGH_RISK_COUNTRY in force from "
                            + setting.validFrom() + ")", null, debtor.payments());
        });
    }
}
