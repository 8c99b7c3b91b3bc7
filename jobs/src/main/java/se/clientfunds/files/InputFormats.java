package se.clientfunds.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells bank files from platform extracts by their first bytes, never by their names. */
public final class InputFormats {

    private InputFormats() {
    }

    /** An ISO 20022 XML document, a SWIFT MT message or statement, or a Bankgirot BGMax file. */
    public static boolean isBankFile(Path file) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String start = new String(head, 0, n, StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "").stripLeading();
        return start.startsWith("<") || start.startsWith("{1:") || start.startsWith(":20:") || start.startsWith("01BGMAX");
    }
}
