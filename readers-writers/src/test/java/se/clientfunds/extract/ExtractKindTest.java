package se.clientfunds.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtractKindTest {

    @Test
    void detectsTheKindFromItsHeaderLine() {
        // given
        String invoices = "\uFEFFinvoice_id,client_id,ocr,currency,amount,issue_date,due_date,debtor_name,debtor_id,"
                + "debtor_country\r\n";

        // when / then
        assertThat(ExtractKind.detect(invoices)).contains(ExtractKind.INVOICES);
        assertThat(ExtractKind.detect(ExtractKind.CLIENTS.headerLine())).contains(ExtractKind.CLIENTS);
        assertThat(ExtractKind.detect("refund_id,payment_ref,amount,currency,to_account,to_name,approved_by\n"))
                .contains(ExtractKind.REFUNDS);
        assertThat(ExtractKind.detect("refund_id,payment_ref,amount")).isEmpty();
        assertThat(ExtractKind.detect("Refund_id,payment_ref,amount,currency,to_account,to_name,approved_by"))
                .isEmpty();
    }

    @Test
    void namesTheConventionalFileAndIdColumn() {
        // given
        ExtractKind kind = ExtractKind.INVOICES;

        // when / then
        assertThat(kind.fileName()).isEqualTo("invoices.csv");
        assertThat(kind.idColumn()).isEqualTo("invoice_id");
        assertThat(kind.columnCount()).isEqualTo(10);
        assertThat(ExtractKind.forFileName("clients.csv")).contains(ExtractKind.CLIENTS);
    }
}
