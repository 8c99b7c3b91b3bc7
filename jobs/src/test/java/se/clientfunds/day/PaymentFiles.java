package se.clientfunds.day;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

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
        return XPathFactory.newInstance().newXPath().evaluate("/Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum", parse(file));
    }

    /** Each batch's PmtInfId with its CtrlSum, in file order. */
    static Map<String, String> batchControlSums(Path file) throws Exception {
        Document document = parse(file);
        XPath xpath = XPathFactory.newInstance().newXPath();
        NodeList batches = (NodeList) xpath.evaluate("/Document/CstmrCdtTrfInitn/PmtInf", document, XPathConstants.NODESET);
        Map<String, String> sums = new LinkedHashMap<>();
        for (int i = 0; i < batches.getLength(); i++) {
            sums.put(xpath.evaluate("PmtInfId", batches.item(i)), xpath.evaluate("CtrlSum", batches.item(i)));
        }
        return sums;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
