package se.clientfunds.xml;

import java.io.OutputStream;
import java.util.Objects;
import java.util.function.BiFunction;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Streams a UTF-8 XML document in one default namespace, an element at a time, indented two spaces a level; a StAX
 * failure is thrown as the caller's own exception, its message naming the document.
 */
public final class IndentedXmlWriter {

    // the JDK's own implementation, not whichever StAX library is on the classpath: same input, same bytes
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final String INDENT = "  ";

    private final XMLStreamWriter xml;
    private final String label;
    private final BiFunction<String, Throwable, ? extends RuntimeException> failure;
    private int depth;
    private boolean lastWasStart;

    /**
     * Writes the XML declaration and opens the root element, declaring the namespace on it.
     *
     * @param label names the document in failure messages, e.g. {@code "camt.054 MSG-1"}
     * @param failure makes the exception to throw from a message and its StAX cause, e.g. a constructor reference
     */
    public IndentedXmlWriter(OutputStream out, String namespace, String root, String label,
            BiFunction<String, Throwable, ? extends RuntimeException> failure) {
        Objects.requireNonNull(out, "out");
        this.label = label;
        this.failure = Objects.requireNonNull(failure, "failure");
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(namespace);
            start(root);
            xml.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw failure("cannot start", e);
        }
    }

    /** Opens an element on a new line. */
    public void start(String name) {
        try {
            newLine();
            xml.writeStartElement(name);
            depth++;
            lastWasStart = true;
        } catch (XMLStreamException e) {
            throw failure("cannot write <" + name + ">", e);
        }
    }

    /** Closes the innermost open element, on its own line unless it is still empty. */
    public void end() {
        try {
            depth--;
            if (!lastWasStart) {
                newLine();
            }
            xml.writeEndElement();
            lastWasStart = false;
        } catch (XMLStreamException e) {
            throw failure("cannot end an element", e);
        }
    }

    /** Writes an element holding only the text, escaped, on one line. */
    public void text(String name, String value) {
        text(name, null, null, value);
    }

    /** Writes an element with one attribute and the text, escaped, on one line; e.g. an amount and its currency. */
    public void text(String name, String attribute, String attributeValue, String value) {
        try {
            newLine();
            xml.writeStartElement(name);
            if (attribute != null) {
                xml.writeAttribute(attribute, attributeValue);
            }
            xml.writeCharacters(value);
            xml.writeEndElement();
            lastWasStart = false;
        } catch (XMLStreamException e) {
            throw failure("cannot write <" + name + ">", e);
        }
    }

    /** Pushes what was written to the stream, leaving the document open. */
    public void flush() {
        try {
            xml.flush();
        } catch (XMLStreamException e) {
            throw failure("cannot flush", e);
        }
    }

    /** Closes every open element, ends the document and flushes; the stream stays open for its owner. */
    public void finish() {
        try {
            while (depth > 0) {
                end();
            }
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw failure("cannot finish", e);
        }
    }

    private RuntimeException failure(String what, XMLStreamException cause) {
        return failure.apply(label + ": " + what + ": " + cause.getMessage(), cause);
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n");
        for (int i = 0; i < depth; i++) {
            xml.writeCharacters(INDENT);
        }
    }
}
