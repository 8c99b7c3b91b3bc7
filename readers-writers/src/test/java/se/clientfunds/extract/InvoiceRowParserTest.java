package se.clientfunds.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;

class InvoiceRowParserTest {

    private static final List<String> VALID = List.of("INV-1", "C1", "1000017", "SEK", "1250.00", "2026-11-01",
            "2026-11-30", "Åsa Öberg", "19800101-1234", "SE");

    private final InvoiceRowParser parser = new InvoiceRowParser(Set.of("C1", "C2")::contains);

    @Test
    void parsesAValidRowIntoATypedRecord() {
        // given
        ExtractRow row = new ExtractRow(7, VALID);

        // when
        RowOutcome<InvoiceRecord> outcome = parser.parse(row);

        // then
        assertThat(outcome.problems()).isEmpty();
        InvoiceRecord invoice = outcome.value();
        assertThat(invoice.line()).isEqualTo(7);
        assertThat(invoice.invoiceId()).isEqualTo("INV-1");
        assertThat(invoice.clientId()).isEqualTo("C1");
        assertThat(invoice.ocr().value()).isEqualTo("1000017");
        assertThat(invoice.amount()).isEqualTo(Money.ofMinor(125_000, "SEK"));
        assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(invoice.debtorName()).isEqualTo("Åsa Öberg");
        assertThat(invoice.debtorId()).isEqualTo("19800101-1234");
        assertThat(invoice.debtorCountry()).isEqualTo("SE");
    }

    @Test
    void acceptsACurrencyWithoutMinorUnitsAndAnEmptyDebtorId() {
        // given
        ExtractRow row = row("currency", "JPY", "amount", "5000", "debtor_id", "");

        // when
        RowOutcome<InvoiceRecord> outcome = parser.parse(row);

        // then
        assertThat(outcome.value().amount()).isEqualTo(Money.ofMinor(5000, "JPY"));
        assertThat(outcome.value().debtorId()).isEmpty();
    }

    @Test
    void readsAmountsExactlyAsMoneyParseDoes() {
        for (String amount : List.of("0012.50", "0.01", "922337203685477.58", "92233720368547758.07", "1250.00")) {
            // when
            Money parsed = parser.parse(row("amount", amount)).value().amount();

            // then
            assertThat(parsed).isEqualTo(Money.parse(amount, parsed.currency()));
        }
    }

    @Test
    void refusesEachBrokenFieldWithItsColumnAndReason() {
        assertProblem(row("invoice_id", ""), "invoice_id", "must not be empty");
        assertProblem(row("invoice_id", "I".repeat(65)), "invoice_id", "must have at most 64 characters, has 65");
        assertProblem(row("invoice_id", "INV\t1"), "invoice_id",
                "must not contain control characters, has U+0009 at position 4");
        assertProblem(row("client_id", "C9"), "client_id", "unknown client");
        assertProblem(row("client_id", ""), "client_id", "must not be empty");
        assertProblem(row("ocr", "1000018"), "ocr", "OCR reference '1000018' has a wrong check digit");
        assertProblem(row("ocr", "0"), "ocr", "OCR reference '0' must have 2 to 25 digits, has 1");
        assertProblem(row("ocr", "12345678901234567890123455"), "ocr",
                "OCR reference '12345678901234567890123455' must have 2 to 25 digits, has 26");
        assertProblem(row("currency", "sek"), "currency", "currency 'sek' is not a three-letter ISO 4217 code");
        assertProblem(row("currency", "XYZ"), "currency", "currency 'XYZ' is not an ISO 4217 currency");
        assertProblem(row("amount", "1250"), "amount", "amount '1250' must have exactly 2 decimals for SEK");
        assertProblem(row("amount", "1250.5"), "amount", "amount '1250.5' must have exactly 2 decimals for SEK");
        assertProblem(row("amount", "1" + "0".repeat(5000) + ".00"), "amount",
                "amount is 5004 characters long; an amount has at most 24");
        assertProblem(row("amount", "1,250.00"), "amount", "amount '1,250.00' is not a decimal number with a dot");
        assertProblem(row("amount", "0.00"), "amount", "amount '0.00' must be more than zero");
        assertProblem(row("amount", "-5.00"), "amount", "amount '-5.00' must be more than zero");
        assertProblem(row("amount", "99999999999999999999.00"), "amount",
                "amount '99999999999999999999.00' is too large");
        assertProblem(row("amount", ".50"), "amount", "amount '.50' is not a decimal number with a dot");
        assertProblem(row("amount", "+1.50"), "amount", "amount '+1.50' is not a decimal number with a dot");
        assertProblem(row("currency", "JPY", "amount", "5000.00"), "amount",
                "amount '5000.00' must have exactly 0 decimals for JPY");
        assertProblem(row("issue_date", "2026-1-01"), "issue_date", "date '2026-1-01' is not an ISO date yyyy-MM-dd");
        assertProblem(row("issue_date", "2026-13-01"), "issue_date", "date '2026-13-01' does not exist");
        assertProblem(row("issue_date", "2026-02-30"), "issue_date", "date '2026-02-30' does not exist");
        assertProblem(row("issue_date", "01/11/2026"), "issue_date", "date '01/11/2026' is not an ISO date yyyy-MM-dd");
        assertProblem(row("due_date", "2026-10-31"), "due_date", "due_date 2026-10-31 is before issue_date 2026-11-01");
        assertProblem(row("debtor_name", " "), "debtor_name", "must not be empty");
        assertProblem(row("debtor_name", "Lars Ek\nc/o Berg"), "debtor_name",
                "must not contain control characters, has U+000A at position 8");
        assertProblem(row("debtor_country", "XX"), "debtor_country",
                "country 'XX' is not an ISO 3166 alpha-2 country code");
        assertProblem(row("debtor_country", "se"), "debtor_country",
                "country 'se' is not an ISO 3166 alpha-2 country code");
    }

    @Test
    void textLongerThanItsColumnIsRefusedBeforeAnythingIsStaged() {
        assertProblem(row("debtor_name", "Ö".repeat(201)), "debtor_name", "must have at most 200 characters, has 201");
        assertProblem(row("debtor_id", "D".repeat(65)), "debtor_id", "must have at most 64 characters, has 65");
        assertThat(parser.parse(row("debtor_name", "Ö".repeat(200))).isValid()).isTrue();
    }

    @Test
    void reportsEveryProblemOfTheRow() {
        // given
        ExtractRow row = row("invoice_id", "", "client_id", "C9", "ocr", "12", "currency", "SE",
                "amount", "abc", "debtor_country", "");

        // when
        RowOutcome<InvoiceRecord> outcome = parser.parse(row);

        // then
        assertThat(outcome.isValid()).isFalse();
        assertThat(outcome.problems()).extracting(RowProblem::field)
                .containsExactly("invoice_id", "client_id", "ocr", "currency", "amount", "debtor_country");
        assertThat(outcome.problems()).extracting(RowProblem::line).containsOnly(12L);
        assertThat(outcome.problems().get(4))
                .isEqualTo(new RowProblem(12, "amount", "abc", "amount 'abc' is not a decimal number with a dot"));
    }

    private void assertProblem(ExtractRow row, String field, String reason) {
        // when
        RowOutcome<InvoiceRecord> outcome = parser.parse(row);

        // then
        String value = row.field(ExtractKind.INVOICES.columns().indexOf(field));
        assertThat(outcome.problems()).containsExactly(new RowProblem(12, field, value, reason));
        assertThat(outcome.value()).isNull();
    }

    /** The valid row on line 12 with the named columns replaced. */
    private static ExtractRow row(String... columnsAndValues) {
        List<String> fields = new ArrayList<>(VALID);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            fields.set(ExtractKind.INVOICES.columns().indexOf(columnsAndValues[i]), columnsAndValues[i + 1]);
        }
        return new ExtractRow(12, fields);
    }
}
