package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.money.Money;

/** HIGH_RISK_COUNTRY with its dated list of countries, and VELOCITY, at, just under and just over their limits. */
class CountryAndVelocityRulesTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);

    @TempDir
    Path folder;

    // --- the list of high-risk countries

    private HighRiskCountries countries(String... lines) throws Exception {
        Path file = folder.resolve("high-risk-countries.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return HighRiskCountries.read(file);
    }

    @Test
    void aCountryIsListedFromItsFirstDayUntilTheDayItIsDelistedFrom() throws Exception {
        HighRiskCountries list = countries("# the EU's list, kept by compliance", "country,listed-from,delisted-from",
                "KP,2016-09-23,", "MM,2026-03-04,", "PA,2024-01-01,2026-03-04", "PA,2026-06-01,");
        assertThat(list.listedOn(DAY)).containsExactly("KP", "MM");
        assertThat(list.listedOn(DAY.minusDays(1))).containsExactly("KP", "PA");
        assertThat(list.listing("MM", DAY.minusDays(1))).as("the day before it is listed").isEmpty();
        assertThat(list.listing("pa", LocalDate.of(2026, 6, 1)).orElseThrow().line()).as("listed again, line 6").isEqualTo(6);
        assertThat(list.listing("SE", DAY)).isEmpty();
        assertThat(list.listing(null, DAY)).isEmpty();
    }

    @Test
    void aBrokenListIsRefusedNamingTheLineAndTheField() throws Exception {
        String header = "country,listed-from,delisted-from";
        Path file = folder.resolve("high-risk-countries.csv");
        assertThatThrownBy(() -> countries("country;listed-from")).hasMessage(file + " line 1: the header must be '" + header
                + "', is 'country;listed-from'");
        assertThatThrownBy(() -> countries(header, "KP,2016-09-23,", "Korea,2016-09-23,")).hasMessage(file
                + " line 3, field country: 'Korea' is not an ISO 3166 country code of two capital letters");
        assertThatThrownBy(() -> countries(header, "QQ,2016-09-23,")).hasMessageContaining("line 2, field country: 'QQ'");
        assertThatThrownBy(() -> countries(header, "KP,2016-02-30,")).hasMessage(file
                + " line 2, field listed-from: '2016-02-30' is not a date yyyy-MM-dd");
        assertThatThrownBy(() -> countries(header, "KP,,")).hasMessageContaining("line 2, field listed-from: missing");
        assertThatThrownBy(() -> countries(header, "KP,2016-09-23,2016-09-23")).hasMessage(file
                + " line 2, field delisted-from: 2016-09-23 is not after listed-from 2016-09-23");
        assertThatThrownBy(() -> countries(header, "KP,2016-09-23")).hasMessage(file + " line 2: 2 fields, must be 3 (" + header
                + ")");
        assertThatThrownBy(() -> countries(header, "PA,2024-01-01,2026-03-04", "PA,2026-03-03,")).hasMessage(file
                + " line 3, field listed-from: PA is listed already on that day by line 2 (a country is listed again only after"
                + " the day it was delisted from)");
        assertThatThrownBy(() -> countries("# nothing but a comment")).hasMessage(file + ": empty; the first line must be '"
                + header + "'");
        Files.write(file, new byte[] {'c', (byte) 0xC3, '(', '\n'});
        assertThatThrownBy(() -> HighRiskCountries.read(file)).hasMessage(file + ": not UTF-8 text");
        assertThatThrownBy(() -> HighRiskCountries.read(folder.resolve("missing.csv"))).hasMessageContaining(
                "cannot read the list of high-risk countries");
    }

    // --- HIGH_RISK_COUNTRY

    @Test
    void aDebtorOfACountryListedOnTheDayRaisesOneAlert() throws Exception {
        HighRiskCountries list = countries("country,listed-from,delisted-from", "KP,2016-09-23,", "PA,2024-01-01,2026-03-04");
        HighRiskCountryRule rule = new HighRiskCountryRule(new MonitoringSettings.RuleSetting(AlertRule.HIGH_RISK_COUNTRY, FROM,
                NewAlert.Severity.MEDIUM, null, null, null, null), list);
        NewAlert alert = rule.evaluate(debtor("KP", DAY)).orElseThrow();
        assertThat(alert.subjectKind()).isEqualTo(NewAlert.SubjectKind.DEBTOR);
        assertThat(alert.subject()).isEqualTo("Darius Demovand");
        assertThat(alert.evidenceKey()).isEqualTo("SE01/R1 SE01/R2");
        assertThat(alert.payments()).containsExactly("SE01/R1", "SE01/R2");
        assertThat(alert.amount()).isEqualTo(Money.ofMinor(250_000, "SEK"));
        assertThat(alert.explanation()).isEqualTo("debtor Darius Demovand (DB1) of KP, on the list of high-risk countries from"
                + " 2016-09-23 (high-risk-countries.csv line 2), paid 2500.00 SEK in 2 payments (HIGH_RISK_COUNTRY in force"
                + " from 2026-01-01)");
        assertThat(rule.evaluate(debtor("PA", DAY.minusDays(1)))).as("the last day PA is listed").isPresent();
        assertThat(rule.evaluate(debtor("PA", DAY))).as("the day PA is delisted from").isEmpty();
        assertThat(rule.evaluate(debtor("SE", DAY))).isEmpty();
    }

    private static HighRiskCountryRule.DebtorDay debtor(String country, LocalDate day) {
        return new HighRiskCountryRule.DebtorDay("DB1", "Darius Demovand", country, day, Money.ofMinor(250_000, "SEK"),
                List.of("SE01/R1", "SE01/R2"));
    }

    @Test
    void theCountryRuleIsInForceFromItsValidFromDate() {
        MonitoringSettings settings = new MonitoringSettings(List.of(
                new MonitoringSettings.RuleSetting(AlertRule.HIGH_RISK_COUNTRY, DAY, NewAlert.Severity.HIGH, null, null, null, null)));
        assertThat(settings.inForce(AlertRule.HIGH_RISK_COUNTRY, DAY.minusDays(1))).isEmpty();
        assertThat(settings.inForce(AlertRule.HIGH_RISK_COUNTRY, DAY).orElseThrow().severity()).isEqualTo(NewAlert.Severity.HIGH);
        assertThat(settings.highRiskCountries()).isEqualTo(Path.of("reference/high-risk-countries.csv"));
    }

    // --- VELOCITY: factor 5, five banking days back, floor 1,000.00 SEK

    private static final VelocityRule VELOCITY = new VelocityRule(velocity(FROM, "5", NewAlert.Severity.MEDIUM));

    private static MonitoringSettings.RuleSetting velocity(LocalDate from, String factor, NewAlert.Severity severity) {
        return MonitoringSettings.RuleSetting.velocity(from, severity, new BigDecimal(factor), 5, Map.of("SEK", "1000.00"));
    }

    private static VelocityRule.ClientDay client(long inflow, long... history) {
        return new VelocityRule.ClientDay("CL1", DAY, Money.ofMinor(inflow, "SEK"), history, List.of("SE01/R1", "SE01/R2"));
    }

    @Test
    void aClientsDayAboveFactorTimesItsMedianAndTheFloor() {
        // median of 300, 100, 200, 900, 0 (in minor units ×100) is 200.00 SEK: five times is 1,000.00
        long[] history = {30_000, 10_000, 20_000, 90_000, 0};
        assertThat(VELOCITY.evaluate(client(100_000, history))).as("exactly five times").isEmpty();
        NewAlert alert = VELOCITY.evaluate(client(100_001, history)).orElseThrow();
        assertThat(alert.subjectKind()).isEqualTo(NewAlert.SubjectKind.CLIENT);
        assertThat(alert.subject()).isEqualTo("CL1");
        assertThat(alert.evidenceKey()).isEqualTo("2026-03-04 SEK");
        assertThat(alert.amount()).isEqualTo(Money.ofMinor(100_001, "SEK"));
        assertThat(alert.explanation()).isEqualTo("client CL1 received 1000.01 SEK in 2 payments, more than 5 times its median"
                + " daily inflow of 200.00 SEK over the previous 5 banking days and at least the floor of 1000.00 SEK (VELOCITY"
                + " in force from 2026-01-01)");
        assertThat(VELOCITY.evaluate(client(99_999, 0, 0, 0, 0, 0))).as("under the floor, however quiet").isEmpty();
        assertThat(VELOCITY.evaluate(client(100_000, 0, 0, 0, 0, 0))).as("at the floor, nothing before").isPresent();
        assertThat(VELOCITY.evaluate(client(1_000_000))).as("no history: the books' first day").isEmpty();
        assertThat(VELOCITY.evaluate(new VelocityRule.ClientDay("CL1", DAY, Money.ofMinor(1_000_000, "EUR"), history, List.of())))
                .as("no floor for EUR").isEmpty();
    }

    @Test
    void theMedianOfAnEvenNumberOfDaysIsBetweenTheMiddleTwo() {
        assertThat(VelocityRule.median(new long[] {1, 4, 2, 100})).isEqualByComparingTo("3");
        assertThat(VelocityRule.median(new long[] {1, 2})).isEqualByComparingTo("1.5");
        // 2 days: median 150.005 SEK... in minor units 15,000.5; five times is 75,002.5
        assertThat(VELOCITY.evaluate(client(100_000, 15_000, 15_001))).isPresent();
        assertThat(new VelocityRule(velocity(FROM, "6.67", NewAlert.Severity.LOW)).evaluate(client(100_000, 15_000, 15_001)))
                .as("6.67 × 15,000.5 = 100,053.3").isEmpty();
    }

    @Test
    void aVelocitySettingIsCheckedAndTakesEffectFromItsValidFromDate() {
        assertThatThrownBy(() -> new MonitoringSettings(List.of(velocity(FROM, "1", NewAlert.Severity.LOW)))).hasMessage(
                "settlement.monitoring.rules[0] (VELOCITY).factor: must be more than 1 and at most 1000, with at most two"
                        + " decimals, is 1");
        assertThatThrownBy(() -> new MonitoringSettings(List.of(velocity(FROM, "2.555", NewAlert.Severity.LOW))))
                .hasMessageContaining("is 2.555");
        assertThatThrownBy(() -> new MonitoringSettings(List.of(MonitoringSettings.RuleSetting.velocity(FROM,
                NewAlert.Severity.LOW, BigDecimal.TEN, 0, Map.of("SEK", "1000")))))
                .hasMessage("settlement.monitoring.rules[0] (VELOCITY).lookback-days: must be from 1 to 250, is 0");
        assertThatThrownBy(() -> new MonitoringSettings(List.of(MonitoringSettings.RuleSetting.velocity(FROM,
                NewAlert.Severity.LOW, BigDecimal.TEN, 5, null)))).hasMessageContaining("(VELOCITY).floor: missing");
        MonitoringSettings settings = new MonitoringSettings(List.of(velocity(FROM, "5", NewAlert.Severity.LOW),
                velocity(DAY, "10", NewAlert.Severity.HIGH)));
        long[] history = {20_000, 20_000, 20_000, 20_000, 20_000};
        assertThat(new VelocityRule(settings.inForce(AlertRule.VELOCITY, DAY.minusDays(1)).orElseThrow())
                .evaluate(client(150_000, history))).as("5 times before").isPresent();
        assertThat(new VelocityRule(settings.inForce(AlertRule.VELOCITY, DAY).orElseThrow())
                .evaluate(client(150_000, history))).as("10 times from the day").isEmpty();
    }
}
