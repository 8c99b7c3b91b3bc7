package se.clientfunds.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.clientfunds.bank.bgmax.BgMaxParser;
import se.clientfunds.bank.camt.ByteOrderMark;
import se.clientfunds.bank.camt.CamtParser;
import se.clientfunds.bank.mt940.Mt940Parser;

/**
 * Tells which bank format a file is from its first bytes (never its name) and opens the parser for it. A file of a
 * bank format the pipeline does not read (camt.052, pain.002, an MT942, a Bankgirot LB or Autogiro file) is named as
 * such, so the operator knows what was sent rather than only what it is not.
 */
public final class BankFileParsers {

    private static final int HEAD_BYTES = 4096;
    /** What the import reads, for a file that is none of it. */
    public static final String NOT_A_BANK_FILE = "not a camt.053, camt.054, BGMax or MT940 file";

    private static final Pattern ISO_20022_MESSAGE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:([a-z]{4}\\.\\d{3})\\.");
    private static final Map<String, String> ISO_20022_NAMES = Map.of(
            "camt.052", "an account report (intraday)",
            "camt.055", "a customer payment cancellation request",
            "camt.056", "a payment cancellation request",
            "camt.029", "a resolution of investigation",
            "pain.001", "a payment order (the pipeline writes these, it does not read them)",
            "pain.002", "a payment status report",
            "pain.008", "a direct debit order");
    /** An MT940 statement's tags at the start of a line: the transaction reference, the account, the opening balance. */
    private static final Pattern MT940_REFERENCE = Pattern.compile("(?m)(?:^|\\{4:):20:");
    private static final Pattern MT940_ACCOUNT = Pattern.compile("(?m)^:25[P]?:");
    private static final Pattern MT940_OPENING = Pattern.compile("(?m)^:60[FM]:");
    private static final Pattern SWIFT_MESSAGE_TYPE = Pattern.compile("\\{2:[IO](\\d{3})");
    private static final Pattern MT942_TAGS = Pattern.compile("(?m)^:(34F|13D):");

    private BankFileParsers() {
    }

    /** The file's format, or empty when it is none of the bank formats the pipeline reads. */
    public static Optional<BankFileFormat> detect(Path file) {
        return detect(head(file));
    }

    private static Optional<BankFileFormat> detect(String text) {
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
        // by its tags, wherever the statement starts: banks put download headers (ABNANL2A / 940 / ABNANL2A,
        // 0000 01INGBNL2AXXXX00001), SWIFT blocks, control characters or a line of prose before it
        Matcher type = SWIFT_MESSAGE_TYPE.matcher(text);
        boolean otherSwiftType = type.find() && !type.group(1).equals("940");
        if (!otherSwiftType && MT940_REFERENCE.matcher(text).find() && MT940_ACCOUNT.matcher(text).find()
                && MT940_OPENING.matcher(text).find()) {
            return Optional.of(BankFileFormat.MT940);
        }
        return Optional.empty();
    }

    /**
     * Why a file that {@link #detect} does not know is not read, in one line: the format it is when it is a bank
     * format the pipeline does not read, otherwise what the import reads.
     */
    public static String notReadReason(Path file) {
        return unsupported(head(file)).map(what -> what + " is not supported: the import reads camt.053, camt.054,"
                + " BGMax and MT940").orElse(NOT_A_BANK_FILE);
    }

    private static Optional<String> unsupported(String text) {
        if (text.startsWith("<")) {
            Matcher message = ISO_20022_MESSAGE.matcher(text);
            if (message.find()) {
                String name = message.group(1);
                String what = ISO_20022_NAMES.get(name);
                return Optional.of(what == null ? name : name + " (" + what + ")");
            }
            return Optional.empty();
        }
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.startsWith("11") && firstLine.contains("LEVERANT")) {
            return Optional.of("a Bankgirot LB file (Leverantörsbetalningar)");
        }
        if (firstLine.startsWith("01") && firstLine.contains("AUTOGIRO")) {
            return Optional.of("a Bankgirot Autogiro file");
        }
        Matcher type = SWIFT_MESSAGE_TYPE.matcher(text);
        if (type.find() && !type.group(1).equals("940")) {
            return Optional.of("an MT" + type.group(1) + " message");
        }
        if (MT942_TAGS.matcher(text).find()) {
            return Optional.of("an MT942 (interim transaction report)");
        }
        return Optional.empty();
    }

    /**
     * Whether the file is meant as a bank file: one of the formats, a bank format the pipeline does not read, or any
     * XML (which the bank-file import then refuses, naming why), as opposed to a platform extract.
     */
    public static boolean isBankFile(Path file) {
        String text = head(file);
        return text.startsWith("<") || detect(text).isPresent() || unsupported(text).isPresent();
    }

    /**
     * The file's first bytes as text, in the encoding their {@link ByteOrderMark} announces (its mark left out),
     * otherwise byte for byte; without leading white space and the control characters some banks frame messages
     * with (SOH, ETX, SUB).
     */
    private static String head(Path file) {
        byte[] head = new byte[HEAD_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        // every format's markers are ASCII: without a byte order mark the bytes are read one for one
        String text = ByteOrderMark.of(head, n).map(mark -> new String(head, mark.length(), n - mark.length(), mark.charset()))
                .orElseGet(() -> new String(head, 0, n, StandardCharsets.ISO_8859_1));
        return text.replaceAll("[\\x01\\x03\\x1a]", "").stripLeading();
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
