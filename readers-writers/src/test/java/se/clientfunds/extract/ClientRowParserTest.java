package se.clientfunds.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

class ClientRowParserTest {

    private static final List<String> VALID = List.of("C1", "556036-0793", "Fakturabolaget Åre AB", "SEK",
            "SE4550000000058398257466", "DAILY", "2.50", "1.25");

    private final ClientRowParser parser = new ClientRowParser();

    @Test
    void parsesAValidRowIntoATypedRecord() {
        // given
        ExtractRow row = new ExtractRow(2, VALID);

        // when
        RowOutcome<ClientRecord> outcome = parser.parse(row);

        // then
        ClientRecord client = outcome.value();
        assertThat(client.line()).isEqualTo(2);
        assertThat(client.clientId()).isEqualTo("C1");
        assertThat(client.organisationNumber()).isEqualTo("556036-0793");
        assertThat(client.name()).isEqualTo("Fakturabolaget Åre AB");
        assertThat(client.currency().getCurrencyCode()).isEqualTo("SEK");
        assertThat(client.payoutAccount()).isEqualTo(new Iban("SE4550000000058398257466"));
        assertThat(client.payoutSchedule()).isEqualTo(PayoutSchedule.DAILY);
        assertThat(client.feeFixed()).isEqualTo(Money.ofMinor(250, "SEK"));
        assertThat(client.feePercent()).isEqualTo(new BigDecimal("1.25"));
    }

    @Test
    void acceptsTenDigitOrganisationNumbersAndPercentLimits() {
        // given
        ExtractRow row = row("org_number", "2120000134", "fee_percent", "100", "fee_fixed", "0.00",
                "payout_schedule", "WEEKLY");

        // when
        RowOutcome<ClientRecord> outcome = parser.parse(row);

        // then
        assertThat(outcome.value().organisationNumber()).isEqualTo("212000-0134");
        assertThat(outcome.value().feePercent()).isEqualTo(new BigDecimal("100"));
        assertThat(outcome.value().feeFixed().isZero()).isTrue();
        assertThat(outcome.value().payoutSchedule()).isEqualTo(PayoutSchedule.WEEKLY);
        assertThat(parser.parse(row("fee_percent", "0.0001")).value().feePercent())
                .isEqualTo(new BigDecimal("0.0001"));
    }

    @Test
    void refusesEachBrokenFieldWithItsColumnAndReason() {
        assertProblem(row("client_id", ""), "client_id", "must not be empty");
        assertProblem(row("org_number", "556036-0794"), "org_number",
                "organisation number '556036-0794' has a wrong check digit");
        assertProblem(row("org_number", "55603-60793"), "org_number",
                "organisation number '55603-60793' is not NNNNNN-NNNN or ten digits");
        assertProblem(row("name", ""), "name", "must not be empty");
        assertProblem(row("currency", "KR", "fee_fixed", "2"), "currency",
                "currency 'KR' is not a three-letter ISO 4217 code");
        assertProblem(row("payout_account", "SE4550000000058398257467"), "payout_account",
                "IBAN 'SE4550000000058398257467' has a wrong checksum");
        assertProblem(row("payout_account", "SE45 5000 0000 0583 9825 7466"), "payout_account",
                "IBAN 'SE45 5000 0000 0583 9825 7466' is not two letters, two check digits and 11 to 30 letters"
                        + " or digits");
        assertProblem(row("payout_schedule", "daily"), "payout_schedule", "'daily' must be one of [DAILY, WEEKLY]");
        assertProblem(row("payout_schedule", "MONTHLY"), "payout_schedule",
                "'MONTHLY' must be one of [DAILY, WEEKLY]");
        assertProblem(row("fee_fixed", "2.5"), "fee_fixed", "amount '2.5' must have exactly 2 decimals for SEK");
        assertProblem(row("fee_fixed", "-1.00"), "fee_fixed", "amount '-1.00' must not be negative");
        assertProblem(row("fee_percent", "1.23456"), "fee_percent", "percent '1.23456' has more than 4 decimals");
        assertProblem(row("fee_percent", "100.01"), "fee_percent", "percent '100.01' is more than 100");
        assertProblem(row("fee_percent", "-1"), "fee_percent",
                "percent '-1' is not a non-negative decimal number with a dot");
        assertProblem(row("fee_percent", "1,5"), "fee_percent",
                "percent '1,5' is not a non-negative decimal number with a dot");
    }

    @Test
    void checksTheFixedFeeFormEvenWhenTheCurrencyIsBroken() {
        // given
        ExtractRow row = row("currency", "", "fee_fixed", "two");

        // when
        RowOutcome<ClientRecord> outcome = parser.parse(row);

        // then
        assertThat(outcome.problems()).containsExactly(
                new RowProblem(3, "currency", "", "currency '' is not a three-letter ISO 4217 code"),
                new RowProblem(3, "fee_fixed", "two", "amount 'two' is not a decimal number with a dot"));
    }

    private void assertProblem(ExtractRow row, String field, String reason) {
        // when
        RowOutcome<ClientRecord> outcome = parser.parse(row);

        // then
        String value = row.field(ExtractKind.CLIENTS.columns().indexOf(field));
        assertThat(outcome.problems()).containsExactly(new RowProblem(3, field, value, reason));
    }

    private static ExtractRow row(String... columnsAndValues) {
        List<String> fields = new ArrayList<>(VALID);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            fields.set(ExtractKind.CLIENTS.columns().indexOf(columnsAndValues[i]), columnsAndValues[i + 1]);
        }
        return new ExtractRow(3, fields);
    }
}
