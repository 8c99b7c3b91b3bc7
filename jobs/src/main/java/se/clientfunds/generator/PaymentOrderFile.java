package se.clientfunds.generator;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import se.clientfunds.camt.EntryBatch;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * The payment batches ({@code PmtInf}) of one pain.001 file as the bank reads them before executing them. The files
 * are one business day's payouts and refunds, small enough for DOM. A batch whose control sum or count does not
 * match its transfers, or that lacks what the bank needs to book it, makes the whole file refused, naming it.
 */
final class PaymentOrderFile {

    private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.";

    /** One payment batch: debited from {@code debtorAccount} on or after {@code requestedExecutionDate}. */
    record Batch(Path file, String paymentInformationId, LocalDate requestedExecutionDate, Iban debtorAccount,
                 Money controlSum, EntryBatch transfers) {
    }

    private PaymentOrderFile() {
    }

    static List<Batch> read(Path file) {
        Element root;
        try (InputStream in = Files.newInputStream(file)) {
            root = documentBuilder().parse(in, file.toString()).getDocumentElement();
        } catch (IOException | SAXException e) {
            throw refused(file, "cannot be read as XML: " + e.getMessage(), e);
        }
        String namespace = root.getNamespaceURI();
        if (!"Document".equals(root.getLocalName()) || namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
            throw refused(file, "is not a pain.001 document: root element {" + namespace + "}" + root.getLocalName(), null);
        }
        Element initiation = child(root, "CstmrCdtTrfInitn");
        if (initiation == null) {
            throw refused(file, "holds no CstmrCdtTrfInitn", null);
        }
        List<Batch> batches = new ArrayList<>();
        List<Element> paymentInformation = children(initiation, "PmtInf");
        for (int i = 0; i < paymentInformation.size(); i++) {
            batches.add(batch(file, "PmtInf[" + (i + 1) + "]", paymentInformation.get(i)));
        }
        if (batches.isEmpty()) {
            throw refused(file, "holds no PmtInf", null);
        }
        return batches;
    }

    private static Batch batch(Path file, String where, Element batch) {
        String id = required(file, where, batch, "PmtInfId");
        where = where + " " + id;
        String controlSumText = required(file, where, batch, "CtrlSum");
        String countText = required(file, where, batch, "NbOfTxs");
        Element executionDate = child(batch, "ReqdExctnDt");
        if (executionDate == null) {
            throw refused(file, where + ": ReqdExctnDt is missing", null);
        }
        LocalDate date = date(file, where, executionDate);
        Iban debtorAccount = iban(file, where + "/DbtrAcct", required(file, where, batch, "DbtrAcct", "Id", "IBAN"));
        List<EntryBatch.Transfer> transfers = new ArrayList<>();
        Currency currency = null;
        BigDecimal sum = BigDecimal.ZERO;
        for (Element transfer : children(batch, "CdtTrfTxInf")) {
            String at = where + "/CdtTrfTxInf[" + (transfers.size() + 1) + "]";
            Element amount = child(transfer, "Amt", "InstdAmt");
            if (amount == null || amount.getAttribute("Ccy").isEmpty()) {
                throw refused(file, at + ": Amt/InstdAmt with its Ccy is missing", null);
            }
            try {
                Currency ccy = Currency.getInstance(amount.getAttribute("Ccy"));
                if (currency != null && !currency.equals(ccy)) {
                    throw refused(file, at + ": amount in " + ccy + ", the batch's earlier transfers in " + currency, null);
                }
                currency = ccy;
                Money money = Money.parse(amount.getTextContent().strip(), ccy);
                sum = sum.add(money.toBigDecimal());
                Element creditorAccount = child(transfer, "CdtrAcct", "Id", "IBAN");
                transfers.add(new EntryBatch.Transfer(required(file, at, transfer, "PmtId", "EndToEndId"), money,
                        required(file, at, transfer, "Cdtr", "Nm"),
                        creditorAccount == null ? null : iban(file, at + "/CdtrAcct", creditorAccount.getTextContent().strip())));
            } catch (IllegalArgumentException e) {
                throw refused(file, at + ": " + e.getMessage(), e);
            }
        }
        if (transfers.isEmpty()) {
            throw refused(file, where + ": holds no CdtTrfTxInf", null);
        }
        Money controlSum;
        try {
            controlSum = Money.parse(controlSumText, currency);
        } catch (IllegalArgumentException e) {
            throw refused(file, where + ": CtrlSum '" + controlSumText + "': " + e.getMessage(), e);
        }
        if (controlSum.toBigDecimal().compareTo(sum) != 0) {
            throw refused(file, where + ": CtrlSum " + controlSumText + ", the transfers add up to " + sum.toPlainString(), null);
        }
        if (!countText.equals(Integer.toString(transfers.size()))) {
            throw refused(file, where + ": NbOfTxs " + countText + ", holds " + transfers.size() + " transfers", null);
        }
        return new Batch(file, id, date, debtorAccount, controlSum, new EntryBatch(id, transfers));
    }

    // pain.001.001.09 wraps the date in Dt (or DtTm); version 03 writes it bare
    private static LocalDate date(Path file, String where, Element executionDate) {
        Element dt = child(executionDate, "Dt");
        Element dateTime = child(executionDate, "DtTm");
        String text = (dt != null ? dt : dateTime != null ? dateTime : executionDate).getTextContent().strip();
        try {
            return dt == null && dateTime != null ? OffsetDateTime.parse(text).toLocalDate() : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw refused(file, where + ": ReqdExctnDt '" + text + "' is not a date", e);
        }
    }

    private static Iban iban(Path file, String where, String text) {
        try {
            return Iban.parse(text);
        } catch (IllegalArgumentException e) {
            throw refused(file, where + ": " + e.getMessage(), e);
        }
    }

    private static String required(Path file, String where, Element parent, String... path) {
        Element element = child(parent, path);
        String text = element == null ? "" : element.getTextContent().strip();
        if (text.isEmpty()) {
            throw refused(file, where + ": " + String.join("/", path) + " is missing", null);
        }
        return text;
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
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    // the files are ours, but a parser that resolves DOCTYPEs has no place reading payment files
    private static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints to stderr; the exception thrown says it all
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser available", e);
        }
    }

    private static BankSimulationException refused(Path file, String reason, Exception cause) {
        return new BankSimulationException("payment order file " + file + " refused: " + reason, cause);
    }
}
