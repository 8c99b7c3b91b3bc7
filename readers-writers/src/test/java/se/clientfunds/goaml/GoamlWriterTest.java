package se.clientfunds.goaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.camt.CamtSchemas;

/** goAML reports written in the schema's order validate against the FIU's schema; a broken one is refused naming why. */
class GoamlWriterTest {

    private static final GoamlWriter WRITER = new GoamlWriter(CamtSchemas.samples("goaml/goAMLSchema.xsd"));

    static GoamlReport report(String indicator, String fromAccount) {
        GoamlReport.Account ours = new GoamlReport.Account("Svensk Testbank AB", "TESTSESS", null, "SE4550000000058398257466", "SEK",
                "Exempel Betalningar AB client funds", "SE4550000000058398257466", "Exempel Betalningar AB", "559999-9999", "SE");
        GoamlReport.Account payer = fromAccount == null ? null : new GoamlReport.Account("unknown: the bank gave the account only",
                null, "5000", fromAccount, null, "Ivar Testovsky", fromAccount, "Ivar Testovsky", null, null);
        return new GoamlReport(4711, "Huvudkontoret", "E", "STR", "alert-7", LocalDate.of(2026, 1, 5), "SEK",
                new GoamlReport.ReportingPerson("Karin", "Lindqvist", "karin@example.invalid", "46", "812345678"),
                new GoamlReport.Address("Exempelgatan 12", "Stockholm", "11122", "SE"), "SANCTIONS_MATCH: exact hit <&> \"quoted\"",
                "The payment is held.", List.of(
                        new GoamlReport.Transaction("BK20260102-0000002", "", "Incoming bank transfer", LocalDate.of(2026, 1, 2),
                                new BigDecimal("1250.50"), "-", "-", payer, "Ivar Testovsky", "SE", ours, "SE"),
                        new GoamlReport.Transaction("BK20260102-0000003", "", "Incoming bank transfer", LocalDate.of(2026, 1, 2),
                                new BigDecimal("99.00"), "-", "-", null, "Ivar Testovsky", "SE", ours, "SE")),
                List.of(indicator));
    }

    @Test
    void aReportWithAnAccountAndANameOnlyValidatesAndRepeatsToTheByte() {
        // when
        byte[] xml = WRITER.write(report("-", "SE3550000000054910000003"));
        // then
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report>\n  <rentity_id>4711</rentity_id>")
                .contains("<submission_date>2026-01-05T00:00:00</submission_date>", "<amount_local>1250.50</amount_local>",
                        "<from_entity>\n        <name>Ivar Testovsky</name>", "&lt;&amp;&gt;")
                .endsWith("</report>\n");
        assertThat(WRITER.write(report("-", "SE3550000000054910000003"))).isEqualTo(xml);
    }

    @Test
    void aReportTheSchemaRefusesIsNotWrittenAndTheRefusalNamesTheElement() {
        assertThatThrownBy(() -> WRITER.write(report("SUSPICIOUS", null)))
                .isInstanceOf(GoamlException.class)
                .hasMessageStartingWith("goAML report alert-7 does not validate against goAMLSchema.xsd: line ")
                .hasMessageContaining("SUSPICIOUS").hasMessageContaining("indicator");
    }
}
