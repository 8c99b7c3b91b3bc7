package se.clientfunds.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;

class RefundRowParserTest {

    private static final List<String> VALID = List.of("REF-1", "PAY-77", "150.00", "EUR",
            "DE89370400440532013000", "Jörg Müller", "support.anna");

    private final RefundRowParser parser = new RefundRowParser();

    @Test
    void parsesAValidRowIntoATypedRecord() {
        // given
        ExtractRow row = new ExtractRow(4, VALID);

        // when
        RefundRecord refund = parser.parse(row).value();

        // then
        assertThat(refund.line()).isEqualTo(4);
        assertThat(refund.refundId()).isEqualTo("REF-1");
        assertThat(refund.paymentRef()).isEqualTo("PAY-77");
        assertThat(refund.amount()).isEqualTo(Money.ofMinor(15_000, "EUR"));
        assertThat(refund.toAccount().value()).isEqualTo("DE89370400440532013000");
        assertThat(refund.toName()).isEqualTo("Jörg Müller");
        assertThat(refund.approvedBy()).isEqualTo("support.anna");
    }

    @Test
    void refusesEachBrokenFieldWithItsColumnAndReason() {
        assertProblem(row("refund_id", ""), "refund_id", "must not be empty");
        assertProblem(row("refund_id", "R\n1"), "refund_id",
                "must not contain control characters, has U+000A at position 2");
        assertProblem(row("payment_ref", ""), "payment_ref", "must not be empty");
        assertProblem(row("amount", "0.00"), "amount", "amount '0.00' must be more than zero");
        assertProblem(row("amount", "150.000"), "amount", "amount '150.000' must have exactly 2 decimals for EUR");
        assertProblem(row("currency", "EURO", "amount", "1"), "currency",
                "currency 'EURO' is not a three-letter ISO 4217 code");
        assertProblem(row("to_account", "DE89370400440532013001"), "to_account",
                "IBAN 'DE89370400440532013001' has a wrong checksum");
        assertProblem(row("to_account", ""), "to_account", "IBAN is empty");
        assertProblem(row("to_name", ""), "to_name", "must not be empty");
        assertProblem(row("approved_by", "  "), "approved_by", "must not be empty");
    }

    private void assertProblem(ExtractRow row, String field, String reason) {
        // when
        RowOutcome<RefundRecord> outcome = parser.parse(row);

        // then
        String value = row.field(ExtractKind.REFUNDS.columns().indexOf(field));
        assertThat(outcome.problems()).containsExactly(new RowProblem(5, field, value, reason));
    }

    private static ExtractRow row(String... columnsAndValues) {
        List<String> fields = new ArrayList<>(VALID);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            fields.set(ExtractKind.REFUNDS.columns().indexOf(columnsAndValues[i]), columnsAndValues[i + 1]);
        }
        return new ExtractRow(5, fields);
    }
}
