package se.clientfunds.camt;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/**
 * The official camt XSDs and sample files from {@code shared/samples}, which sits either inside the repository or
 * next to it (worktrees are siblings of the shared folder), so the lookup walks up from the module directory.
 */
public final class CamtSchemas {

    private CamtSchemas() {
    }

    static Path xsd(String fileName) {
        return samples("camt/xsd/" + fileName);
    }

    /** A file or folder under {@code shared/samples}, found by walking up from the module directory. */
    public static Path samples(String relativePath) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples").resolve(relativePath);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/samples/" + relativePath + " above " + Path.of("").toAbsolutePath());
    }

    /** Validates the document; a schema violation is thrown as a SAXException naming line and column. */
    public static void validate(String xsdFileName, byte[] document) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(xsd(xsdFileName).toFile());
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(document)));
    }
}
