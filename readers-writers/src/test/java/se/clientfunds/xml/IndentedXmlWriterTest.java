package se.clientfunds.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IndentedXmlWriterTest {

    private static final String NAMESPACE = "urn:example:test";

    /** Stands for a caller's own exception type. */
    static final class DocumentException extends RuntimeException {
        DocumentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Test
    void indentsTwoSpacesALevelAndClosesWhatIsStillOpenOnFinish() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IndentedXmlWriter xml = new IndentedXmlWriter(out, NAMESPACE, "Document", "doc-1", DocumentException::new);

        // when
        xml.start("Party");
        xml.text("Nm", "Åsa & Co <AB>");
        xml.text("Amt", "Ccy", "SEK", "12.50");
        xml.start("Empty");
        xml.end();
        xml.start("Open");
        xml.text("Id", "1");
        xml.finish();

        // then
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:example:test">
                  <Party>
                    <Nm>Åsa &amp; Co &lt;AB&gt;</Nm>
                    <Amt Ccy="SEK">12.50</Amt>
                    <Empty></Empty>
                    <Open>
                      <Id>1</Id>
                    </Open>
                  </Party>
                </Document>
                """);
    }

    @Test
    void throwsTheCallersExceptionNamingTheDocumentWhenTheStreamFails() {
        // given
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };

        // when / then
        assertThatThrownBy(() -> new IndentedXmlWriter(broken, NAMESPACE, "Document", "doc-2", DocumentException::new))
                .isInstanceOf(DocumentException.class)
                .hasMessage("doc-2: cannot start: java.io.IOException: disk full")
                .hasRootCauseInstanceOf(IOException.class);
    }
}
