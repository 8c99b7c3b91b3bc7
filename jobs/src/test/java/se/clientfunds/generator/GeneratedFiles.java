package se.clientfunds.generator;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import se.clientfunds.money.Money;

/** Reads back what the generator wrote, independently of the generator's own code. */
final class GeneratedFiles {

    static final String NS054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";
    static final String NS053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

    record Entry(String ref, long minorUnits, String direction, String ocr, String debtorIban, String debtorName) {
    }

    record Statement(long sequenceNumber, long opening, long closing, List<Entry> entries) {
    }

    private GeneratedFiles() {
    }

    /** shared/samples is inside the repository or next to it; walk up from the module directory to find it. */
    static Path xsd(String fileName) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples/camt/xsd").resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/samples/camt/xsd/" + fileName + " above " + Path.of("").toAbsolutePath());
    }

    static Schema schema(String fileName) throws Exception {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd(fileName).toFile());
    }

    static Map<String, String> sha256OfEveryFile(Path dir) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
                hashes.put(file.getFileName().toString(), HexFormat.of().formatHex(digest.digest()));
            }
        }
        return hashes;
    }

    static List<Path> filesStartingWith(Path dir, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    static List<Entry> notificationEntries(Path file) throws Exception {
        Element notification = child(parse(file).getDocumentElement(), "BkToCstmrDbtCdtNtfctn", "Ntfctn");
        return entries(notification);
    }

    static Statement statement(Path file) throws Exception {
        Element statement = child(parse(file).getDocumentElement(), "BkToCstmrStmt", "Stmt");
        long opening = 0;
        long closing = 0;
        for (Element balance : children(statement, "Bal")) {
            String type = text(balance, "Tp", "CdOrPrtry", "Cd");
            long amount = signed(balance);
            if (type.equals("OPBD")) {
                opening = amount;
            } else if (type.equals("CLBD")) {
                closing = amount;
            }
        }
        return new Statement(Long.parseLong(text(statement, "ElctrncSeqNb")), opening, closing, entries(statement));
    }

    private static List<Entry> entries(Element parent) {
        List<Entry> entries = new ArrayList<>();
        for (Element entry : children(parent, "Ntry")) {
            Element tx = child(entry, "NtryDtls", "TxDtls");
            Element ref = child(tx, "RmtInf", "Strd", "CdtrRefInf");
            Element parties = child(tx, "RltdPties");
            entries.add(new Entry(text(entry, "AcctSvcrRef"), minor(text(entry, "Amt")), text(entry, "CdtDbtInd"),
                    ref == null ? null : text(ref, "Ref"),
                    parties == null || child(parties, "DbtrAcct") == null ? null : text(parties, "DbtrAcct", "Id", "IBAN"),
                    parties == null ? null : text(parties, "Dbtr", "Pty", "Nm")));
        }
        return entries;
    }

    private static long signed(Element balance) {
        long amount = minor(text(balance, "Amt"));
        return text(balance, "CdtDbtInd").equals("DBIT") ? -amount : amount;
    }

    static long minor(String decimal) {
        return Money.parse(decimal, DemoDataSettings.DEFAULT_CURRENCY).minorUnits();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static Element child(Element parent, String... path) {
        Element current = parent;
        for (String name : path) {
            List<Element> found = children(current, name);
            if (found.isEmpty()) {
                return null;
            }
            current = found.get(0);
        }
        return current;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String... path) {
        Element element = child(parent, path);
        if (element == null) {
            throw new IllegalStateException("no " + String.join("/", path) + " under " + parent.getLocalName());
        }
        return element.getTextContent();
    }
}
