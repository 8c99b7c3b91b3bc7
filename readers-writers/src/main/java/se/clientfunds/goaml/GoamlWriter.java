package se.clientfunds.goaml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Writes a {@link GoamlReport} as goAML XML, in the schema's element order, and validates it against the FIU's schema
 * before anyone sees it: a report that does not validate is refused naming the line and the schema's complaint (which
 * names the element). The same report gives the same bytes.
 */
public final class GoamlWriter {

    private static final DateTimeFormatter SQL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'00:00:00");

    private final Schema schema;
    private final Path schemaFile;

    /** A writer validating against the schema file (the FIU's goAMLSchema.xsd). */
    public GoamlWriter(Path schemaFile) {
        this.schemaFile = schemaFile;
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            this.schema = factory.newSchema(schemaFile.toFile());
        } catch (SAXException e) {
            throw new GoamlException("the goAML schema " + schemaFile + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The report as validated XML bytes (UTF-8). */
    public byte[] write(GoamlReport report) {
        byte[] xml = xml(report);
        // every complaint of the first line at fault: the schema names the value in one and the element in the next
        java.util.List<SAXParseException> errors = new java.util.ArrayList<>();
        try {
            var validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // not a reason to refuse
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e);
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            errors.add(e);
        } catch (SAXException | IOException e) {
            throw new GoamlException("goAML report " + report.entityReference() + " cannot be validated: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            int line = errors.get(0).getLineNumber();
            throw new GoamlException("goAML report " + report.entityReference() + " does not validate against "
                    + schemaFile.getFileName() + ": line " + line + ": " + errors.stream().filter(e -> e.getLineNumber() == line)
                    .map(SAXParseException::getMessage).collect(java.util.stream.Collectors.joining(" ")), errors.get(0));
        }
        return xml;
    }

    /** The XML without validation (what {@link #write} validates), for tests of the validation itself. */
    static byte[] xml(GoamlReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            Indent w = new Indent(xml);
            xml.writeStartDocument("UTF-8", "1.0");
            w.open("report", 0);
            w.text("rentity_id", Integer.toString(report.rentityId()), 1);
            w.text("rentity_branch", report.rentityBranch(), 1);
            w.text("submission_code", report.submissionCode(), 1);
            w.text("report_code", report.reportCode(), 1);
            w.optional("entity_reference", report.entityReference(), 1);
            w.text("submission_date", SQL_DATE.format(report.reportDate()), 1);
            w.text("currency_code_local", report.localCurrency(), 1);
            GoamlReport.ReportingPerson person = report.reportingPerson();
            w.open("reporting_person", 1);
            w.text("first_name", person.firstName(), 2);
            w.text("last_name", person.lastName(), 2);
            if (present(person.phoneNumber())) {
                w.open("phones", 2);
                w.open("phone", 3);
                w.text("tph_contact_type", "-", 4);
                w.text("tph_communication_type", "-", 4);
                w.text("tph_country_prefix", person.phoneCountryPrefix() == null ? "" : person.phoneCountryPrefix(), 4);
                w.text("tph_number", person.phoneNumber(), 4);
                w.close(3);
                w.close(2);
            }
            w.optional("email", person.email(), 2);
            w.close(1);
            GoamlReport.Address location = report.location();
            w.open("location", 1);
            w.text("address_type", "-", 2);
            w.text("address", location.address(), 2);
            w.text("city", location.city(), 2);
            w.optional("zip", location.zip(), 2);
            w.text("country_code", location.countryCode(), 2);
            w.close(1);
            w.optional("reason", report.reason(), 1);
            w.optional("action", report.action(), 1);
            for (GoamlReport.Transaction transaction : report.transactions()) {
                w.open("transaction", 1);
                w.text("transactionnumber", transaction.number(), 2);
                w.text("transaction_location", transaction.location() == null ? "" : transaction.location(), 2);
                w.text("transaction_description", transaction.description() == null ? "" : transaction.description(), 2);
                w.text("date_transaction", SQL_DATE.format(transaction.date()), 2);
                w.text("transmode_code", transaction.transmodeCode(), 2);
                w.text("amount_local", transaction.amountLocal().toPlainString(), 2);
                w.open("t_from", 2);
                w.text("from_funds_code", transaction.fundsCode(), 3);
                if (transaction.from() != null) {
                    account(w, "from_account", transaction.from(), 3);
                } else {
                    w.open("from_entity", 3);
                    w.text("name", transaction.fromName(), 4);
                    w.close(3);
                }
                w.text("from_country", transaction.fromCountry(), 3);
                w.close(2);
                w.open("t_to", 2);
                w.text("to_funds_code", transaction.fundsCode(), 3);
                account(w, "to_account", transaction.to(), 3);
                w.text("to_country", transaction.toCountry(), 3);
                w.close(2);
                w.close(1);
            }
            w.open("report_indicators", 1);
            for (String indicator : report.indicators()) {
                w.text("indicator", indicator, 2);
            }
            w.close(1);
            w.close(0);
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.close();
        } catch (XMLStreamException e) {
            throw new GoamlException("cannot write goAML report " + report.entityReference() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void account(Indent w, String element, GoamlReport.Account account, int depth) throws XMLStreamException {
        w.open(element, depth);
        w.text("institution_name", account.institutionName(), depth + 1);
        if (present(account.swift())) {
            w.text("swift", account.swift(), depth + 1);
        } else {
            w.text("institution_code", account.institutionCode(), depth + 1);
        }
        w.text("account", account.account(), depth + 1);
        w.optional("currency_code", account.currency(), depth + 1);
        w.optional("account_name", account.accountName(), depth + 1);
        w.optional("iban", account.iban(), depth + 1);
        if (present(account.holderName())) {
            w.open("t_entity", depth + 1);
            w.text("name", account.holderName(), depth + 2);
            w.optional("incorporation_number", account.holderNumber(), depth + 2);
            w.optional("incorporation_country_code", account.holderCountry(), depth + 2);
            w.close(depth + 1);
        }
        w.close(depth);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** Elements one per line, indented by two spaces a level: a filing a person can read. */
    private record Indent(XMLStreamWriter xml) {

        void open(String name, int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
            xml.writeStartElement(name);
        }

        void close(int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
            xml.writeEndElement();
        }

        void text(String name, String value, int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
            xml.writeStartElement(name);
            xml.writeCharacters(value == null ? "" : value);
            xml.writeEndElement();
        }

        void optional(String name, String value, int depth) throws XMLStreamException {
            if (present(value)) {
                text(name, value, depth);
            }
        }
    }
}
