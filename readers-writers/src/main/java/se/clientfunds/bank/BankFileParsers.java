package se.clientfunds.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import se.clientfunds.bank.bgmax.BgMaxParser;
import se.clientfunds.bank.camt.CamtParser;
import se.clientfunds.bank.mt940.Mt940Parser;

/** Tells which bank format a file is from its first bytes (never its name) and opens the parser for it. */
public final class BankFileParsers {

    private static final int HEAD_BYTES = 4096;

    private BankFileParsers() {
    }

    /** The file's format, or empty when it is none of the bank formats the pipeline reads. */
    public static Optional<BankFileFormat> detect(Path file) {
        String text = head(file);
        if (text.startsWith("<")) {
            if (text.contains("urn:iso:std:iso:20022:tech:xsd:camt.054.")) {
                return Optional.of(BankFileFormat.CAMT_054);
            }
            if (text.contains("urn:iso:std:iso:20022:tech:xsd:camt.053.")) {
                return Optional.of(BankFileFormat.CAMT_053);
            }
            return Optional.empty();
        }
        if (text.startsWith("01BGMAX")) {
            return Optional.of(BankFileFormat.BGMAX);
        }
        if (text.startsWith("{1:") || text.startsWith(":20:") || text.startsWith(":940:")) {
            return Optional.of(BankFileFormat.MT940);
        }
        return Optional.empty();
    }

    /**
     * Whether the file is meant as a bank file: one of the formats, or any XML (which the bank-file import then
     * refuses, naming why), as opposed to a platform extract.
     */
    public static boolean isBankFile(Path file) {
        return head(file).startsWith("<") || detect(file).isPresent();
    }

    private static String head(Path file) {
        byte[] head = new byte[HEAD_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new String(head, 0, n, StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "").stripLeading();
    }

    /**
     * Opens the parser for a file of a known format.
     *
     * @param allowTestFiles whether a BGMax file marked as a test file is read (otherwise it is refused)
     */
    public static BankFileParser open(Path file, BankFileFormat format, boolean allowTestFiles) {
        try {
            return switch (format) {
                case CAMT_053, CAMT_054 -> CamtParser.open(file);
                case BGMAX -> BgMaxParser.open(file, new BgMaxParser.Options(allowTestFiles));
                case MT940 -> Mt940Parser.open(file);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }
}
