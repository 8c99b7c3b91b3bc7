package se.clientfunds.bank.camt;

import java.io.InputStream;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import se.clientfunds.bank.BankFileException;

/**
 * A StAX reader for bank files that refuses DTDs, external entities and entity expansion: a file with a
 * DOCTYPE is refused before its root element is reached, so nothing from an XXE or billion-laughs file is read.
 */
public final class SafeXml {

    private static final int SHOWN_DOCTYPE_CHARS = 80;

    private SafeXml() {
    }

    /** The JDK's own StAX implementation, whatever else is on the classpath, with DTDs and entities off. */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * Opens the stream and moves to the root element, refusing a DOCTYPE on the way.
     *
     * @throws BankFileException when the prolog holds a DOCTYPE or the document is not well-formed up to its root
     */
    public static XMLStreamReader openAtRoot(InputStream in, String fileName) {
        XMLStreamReader xml = null;
        try {
            xml = inputFactory().createXMLStreamReader(in);
            while (true) {
                int event = xml.getEventType();
                if (event == XMLStreamConstants.DTD) {
                    String doctype = xml.getText();
                    throw new BankFileException(fileName, "prolog", "DOCTYPE not allowed: "
                            + shorten(doctype == null ? "<!DOCTYPE>" : doctype.strip()));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return xml;
                }
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new BankFileException(fileName, "prolog", "the file holds no XML element");
                }
                xml.next();
            }
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw closing(xml, new BankFileException(fileName, "prolog", "DOCTYPE not allowed: " + shorten(message), e));
            }
            throw closing(xml, new BankFileException(fileName, "prolog", describe(e), e));
        } catch (RuntimeException e) {
            throw closing(xml, e);
        }
    }

    /** What the StAX parser found wrong, with line and column but without its own "ParseError" framing. */
    public static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int framed = message.indexOf("Message: ");
        if (framed >= 0) {
            message = message.substring(framed + "Message: ".length());
        }
        Location location = e.getLocation();
        return "not well-formed XML"
                + (location == null ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber())
                + ": " + message.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= SHOWN_DOCTYPE_CHARS ? oneLine : oneLine.substring(0, SHOWN_DOCTYPE_CHARS) + "...";
    }

    // the reader is abandoned because of the failure, which stays the one reported
    private static RuntimeException closing(XMLStreamReader xml, RuntimeException failure) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }
}
