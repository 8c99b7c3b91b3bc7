package se.clientfunds.bank.camt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import se.clientfunds.bank.BankFileException;

/**
 * A StAX reader for bank files that refuses DTDs, external entities and entity expansion: a file with a
 * DOCTYPE is refused before its root element is reached, so nothing from an XXE or billion-laughs file is read.
 * The characters are decoded by {@link StrictXmlReader} (UTF-8, UTF-16 and UTF-32 with or without a byte order mark,
 * or the declared encoding), so that nothing the parser finds wrong is printed to standard error: every failure is
 * one exception naming line, column and cause.
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
            StrictXmlReader characters;
            try {
                characters = StrictXmlReader.open(in);
            } catch (StrictXmlReader.UnsupportedEncoding e) {
                throw new BankFileException(fileName, "prolog", e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + fileName, e);
            }
            xml = inputFactory().createXMLStreamReader(characters);
            while (true) {
                int event = xml.getEventType();
                if (event == XMLStreamConstants.DTD) {
                    String doctype = characters.doctype();
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
            throw closing(xml, new BankFileException(fileName, isUndecodable(e) ? null : "prolog", describe(e), e));
        } catch (RuntimeException e) {
            throw closing(xml, e);
        }
    }

    /** What the StAX parser found wrong, with line and column but without its own "ParseError" framing. */
    public static String describe(XMLStreamException e) {
        StrictXmlReader.UndecodableBytes undecodable = undecodable(e);
        if (undecodable != null) {
            return undecodable.getMessage();
        }
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

    /**
     * Whether the parser stopped at bytes the file's encoding cannot decode: where the parser was then says nothing,
     * as it decodes ahead of what it reads; the message alone names line and column.
     */
    static boolean isUndecodable(XMLStreamException e) {
        return undecodable(e) != null;
    }

    // the decoder's exception reaches here nested in the parser's, whose position is that of its own buffer
    private static StrictXmlReader.UndecodableBytes undecodable(XMLStreamException e) {
        if (e.getNestedException() instanceof StrictXmlReader.UndecodableBytes undecodable) {
            return undecodable;
        }
        return e.getCause() instanceof StrictXmlReader.UndecodableBytes undecodable ? undecodable : null;
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
