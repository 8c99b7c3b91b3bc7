package se.clientfunds.day;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;

/** Reads back the pain.001 files the pipeline writes: validated against the official schema, totals by XPath. */
final class PaymentFiles {

    /** The official pain.001.001.09 schema, kept with the writer's tests in readers-writers. */
    private static final Path XSD = Path.of("../readers-writers/src/test/resources/se/clientfunds/pain/pain.001.001.09.xsd");

    private PaymentFiles() {
    }

    static void validate(Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no payment file " + file);
        }
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(XSD.toFile()).newValidator()
                .validate(new StreamSource(file.toFile()));
    }

    static String controlSum(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        return XPathFactory.newInstance().newXPath().evaluate("/Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum", document);
    }
}
