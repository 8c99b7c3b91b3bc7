package se.clientfunds.bank.bgmax;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import se.clientfunds.bank.AccountId;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileParser;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.Direction;
import se.clientfunds.money.Money;

/**
 * Streams a Bankgirot BGMax file (ISO-8859-1, 80-character records) as one section per deposit (TK05 to TK15) with
 * one entry per TK20 payment (credit) or TK21 deduction (debit), in constant memory. It refuses what breaks the
 * format (record types, lengths, field syntax, order, TK70 counts, test files) and leaves the TK15 totals to
 * {@link se.clientfunds.bank.BankFileValidation}; the field positions and the mapping are in {@code package-info}.
 */
public final class BgMaxParser implements BankFileParser {

    /** How strict to be with what the file says about itself. */
    public record Options(boolean acceptTestFiles) {

        /** Production: a file whose TK01 has test mark {@code T} is refused. */
        public static final Options DEFAULT = new Options(false);

        /** For reading Bankgirot's test files on purpose, e.g. when connecting a new bankgiro. */
        public static Options acceptingTestFiles() {
            return new Options(true);
        }
    }

    private static final String LAYOUT_NAME = "BGMAX";
    private static final String CURRENCIES = "SEK or EUR";

    private final String fileName;
    private final BgMaxLineReader lines;
    private final DepositDateLookahead dates;
    private final Path spool;
    private final String version;
    private final LocalDateTime writtenAt;
    private final boolean testFile;

    private BgMaxLine pending;
    private long firstBlankLine;
    private boolean ended;

    private BankSection deposit;
    private long depositLine;
    private LocalDate paymentDate;
    private PaymentUnderway payment;

    private long paymentRecords;
    private long deductionRecords;
    private long extraReferenceRecords;
    private long depositRecords;

    private BgMaxParser(Path file, String fileName, Options options, Path spool) throws IOException {
        this.fileName = fileName;
        this.spool = spool;
        this.lines = new BgMaxLineReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.ISO_8859_1));
        try {
            this.dates = new DepositDateLookahead(file);
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
        try {
            BgMaxLine start = read();
            if (start == null) {
                throw new BankFileException(fileName, "line 1", "the file is empty; a BGMax file starts with a TK01");
            }
            if (start.type() != BgMaxRecordType.START) {
                throw start.error("comes first; a BGMax file starts with a TK01 start record");
            }
            String layout = start.text(3, 22);
            if (!LAYOUT_NAME.equals(layout)) {
                throw start.error("field layout name (positions 3-22) '" + layout + "' is not " + LAYOUT_NAME);
            }
            this.version = LAYOUT_NAME + " " + start.digits("version", 23, 24);
            this.writtenAt = start.timestamp("written", 25, 44);
            this.testFile = start.code("test mark", 45, "TP") == 'T';
            if (testFile && !options.acceptTestFiles()) {
                throw start.error("test mark (position 45) is 'T': a Bankgirot test file, refused unless the parser"
                        + " is opened with Options.acceptingTestFiles()");
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(e);
            throw e;
        }
    }

    /** Opens a BGMax file refusing test files; close the parser when done. */
    public static BgMaxParser open(Path file) {
        return open(file, Options.DEFAULT);
    }

    public static BgMaxParser open(Path file, Options options) {
        Objects.requireNonNull(options, "options");
        try {
            return new BgMaxParser(file, file.getFileName().toString(), options, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads a BGMax file from a stream refusing test files; {@code fileName} names it in messages. */
    public static BgMaxParser open(InputStream in, String fileName) {
        return open(in, fileName, Options.DEFAULT);
    }

    /**
     * Reads a BGMax file from a stream. The stream is first copied to a temporary file, deleted on {@link #close()},
     * because a deposit's payment date comes after its payments and a file can be read twice where a stream cannot.
     */
    public static BgMaxParser open(InputStream in, String fileName, Options options) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(options, "options");
        Path spool = null;
        try {
            spool = Files.createTempFile("bgmax-", ".spool");
            Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            return new BgMaxParser(spool, fileName, options, spool);
        } catch (IOException | RuntimeException e) {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + fileName, io);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public BankFileFormat format() {
        return BankFileFormat.BGMAX;
    }

    /** {@code BGMAX} and the TK01 version, e.g. {@code BGMAX 01}. */
    @Override
    public String version() {
        return version;
    }

    /** When Bankgirot wrote the file (TK01 timestamp, Swedish local time). */
    public LocalDateTime writtenAt() {
        return writtenAt;
    }

    /** Whether TK01 marks the file as a test file ({@code T}); only ever true with {@link Options#acceptingTestFiles()}. */
    public boolean testFile() {
        return testFile;
    }

    @Override
    public BankRecord next() {
        try {
            return advance();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName + " after line " + lines.lineNumber(), e);
        }
    }

    private BankRecord advance() throws IOException {
        while (!ended) {
            BgMaxLine line = read();
            if (line == null) {
                throw new BankFileException(fileName, "line " + lines.lineNumber(), "the file ends without a TK70 end"
                        + " record" + (deposit == null ? "" : ", inside the deposit opened at line " + depositLine)
                        + ": it is truncated");
            }
            switch (line.type()) {
                case START -> throw line.error("appears again; the TK01 start record is line 1 only");
                case DEPOSIT_OPENING -> {
                    return openDeposit(line);
                }
                case PAYMENT, DEDUCTION -> {
                    requireDeposit(line);
                    BankRecord done = finishPayment(line);
                    if (done != null) {
                        return done;
                    }
                    payment = startPayment(line);
                }
                case EXTRA_REFERENCE, NEGATIVE_EXTRA_REFERENCE -> {
                    requirePayment(line);
                    extraReferenceRecords++;
                    line.digits("sender bankgiro number", 3, 12);
                    line.amount("amount", 38, 55, deposit.currency());
                    line.code("reference code", 56, "012345");
                    line.digits("payment channel code", 57, 57);
                    line.digits("BGC serial number", 58, 69);
                    line.code("image mark", 70, "01");
                    payment.extraReference(line, line.text(13, 37),
                            line.type() == BgMaxRecordType.NEGATIVE_EXTRA_REFERENCE);
                }
                case INFORMATION -> {
                    requirePayment(line);
                    payment.information(line, line.text(3, 52));
                }
                case NAME -> {
                    requirePayment(line);
                    payment.name(line, line.text(3, 37), line.text(38, 72));
                }
                case ADDRESS -> {
                    requirePayment(line);
                    payment.address(line);
                }
                case TOWN -> {
                    requirePayment(line);
                    payment.town(line, line.text(73, 74));
                }
                case ORGANISATION_NUMBER -> {
                    requirePayment(line);
                    payment.organisationNumber(line);
                }
                case DEPOSIT_END -> {
                    requireDeposit(line);
                    BankRecord done = finishPayment(line);
                    return done != null ? done : closeDeposit(line);
                }
                case END -> {
                    if (deposit != null) {
                        throw line.error("ends the file inside the deposit opened at line " + depositLine
                                + ", which has no TK15");
                    }
                    end(line);
                }
            }
        }
        return null;
    }

    private BankRecord openDeposit(BgMaxLine line) throws IOException {
        if (deposit != null) {
            throw line.error("opens a deposit while the one opened at line " + depositLine + " has no TK15");
        }
        String bankgiro = bankgiro(line.digits("recipient bankgiro number", 3, 12));
        if (bankgiro == null) {
            throw line.error("field recipient bankgiro number (positions 3-12) is all zeros");
        }
        String plusgiro = line.text(13, 22);
        if (!plusgiro.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw line.error("recipient plusgiro number", 13, 22, plusgiro, "is not numeric");
        }
        Currency currency = currency(line, 23, 25);
        depositLine = line.number();
        paymentDate = dates.paymentDateOfDepositAt(depositLine);
        deposit = new BankSection(line.location() + " (TK05)", null, AccountId.bankgiro(bankgiro), currency, null,
                List.of(), null, null);
        return new BankRecord.SectionOpened(deposit);
    }

    private PaymentUnderway startPayment(BgMaxLine line) {
        boolean deduction = line.type() == BgMaxRecordType.DEDUCTION;
        if (deduction) {
            deductionRecords++;
        } else {
            paymentRecords++;
        }
        String sender = bankgiro(line.digits("sender bankgiro number", 3, 12));
        String reference = line.text(13, 37);
        Money amount = line.amount("amount", 38, 55, deposit.currency());
        char referenceCode = line.code("reference code", 56, "012345");
        String channel = line.digits("payment channel code", 57, 57);
        if (line.text(58, 69).isEmpty()) {
            // Autogiro payments reported through BGMax may come without one
            throw line.error("field BGC serial number (positions 58-69) is blank: it is the payment's bank reference,"
                    + " by which it is posted once and only once, so a payment without one cannot be imported"
                    + " (payment channel " + channel + (channel.equals("4") ? ", Autogiro" : "") + "); ask Bankgirot"
                    + " for the deposit with its serial numbers, or book the payment by hand");
        }
        String serial = line.digits("BGC serial number", 58, 69);
        char imageMark = line.code("image mark", 70, "01");
        String code = line.type() + "/R" + referenceCode + "/C" + channel + "/I" + imageMark;
        if (deduction) {
            code += "/D" + line.digits("deduction code", 71, 71);
        }
        return new PaymentUnderway(line, deduction ? Direction.DEBIT : Direction.CREDIT, amount, sender, reference,
                referenceCode, serial, code);
    }

    /** Ends the payment underway, if any, and keeps {@code next} for the following call. */
    private BankRecord finishPayment(BgMaxLine next) {
        if (payment == null) {
            return null;
        }
        BankRecord.Entry entry = new BankRecord.Entry(deposit, payment.toEntry(paymentDate));
        payment = null;
        pending = next;
        return entry;
    }

    private BankRecord closeDeposit(BgMaxLine line) {
        depositRecords++;
        LocalDate date = line.date("payment date", 38, 45);
        String serial = line.digits("deposit serial number", 46, 50);
        Currency currency = currency(line, 69, 71);
        Money amount = line.amount("deposit amount", 51, 68, currency);
        long count = line.number("number of payments", 72, 79);
        if (!currency.equals(deposit.currency())) {
            throw line.error("field currency (positions 69-71) '" + currency + "' differs from " + deposit.currency()
                    + " in the TK05 at line " + depositLine);
        }
        if (paymentDate == null || dates.depositEndLine() != line.number() || !paymentDate.equals(date)) {
            // the look-ahead read the same bytes: a difference means the file changed while it was read
            throw line.error("field payment date (positions 38-45) was read ahead as " + paymentDate + " at line "
                    + dates.depositEndLine() + ": the file changed while it was read");
        }
        BankSection closed = new BankSection(line.location() + " (TK15)", serial, deposit.account(), currency,
                Long.parseLong(serial), List.of(), count, amount);
        deposit = null;
        paymentDate = null;
        return new BankRecord.SectionClosed(closed);
    }

    private void end(BgMaxLine line) throws IOException {
        long payments = line.number("number of payment records", 3, 10);
        long deductions = line.number("number of deduction records", 11, 18);
        long extraReferences = line.number("number of extra reference records", 19, 26);
        long deposits = line.number("number of deposit records", 27, 34);
        StringBuilder mismatches = new StringBuilder();
        mismatch(mismatches, "payment records (TK20)", payments, paymentRecords);
        mismatch(mismatches, "deduction records (TK21)", deductions, deductionRecords);
        mismatch(mismatches, "extra reference records (TK22, TK23)", extraReferences, extraReferenceRecords);
        mismatch(mismatches, "deposit records (TK15)", deposits, depositRecords);
        if (!mismatches.isEmpty()) {
            throw line.error("counts do not match the file: " + mismatches);
        }
        ended = true;
        for (String after = lines.next(); after != null; after = lines.next()) {
            if (!after.isBlank()) {
                throw new BankFileException(fileName, "line " + lines.lineNumber(), "'" + preview(after)
                        + "' follows the TK70 end record at line " + line.number());
            }
        }
    }

    private static void mismatch(StringBuilder out, String what, long declared, long found) {
        if (declared != found) {
            out.append(out.isEmpty() ? "" : "; ").append(what).append(' ').append(declared).append(", the file holds ")
                    .append(found);
        }
    }

    private void requireDeposit(BgMaxLine line) {
        if (deposit == null) {
            throw line.error("comes outside a deposit: no TK05 opening record before it");
        }
    }

    private void requirePayment(BgMaxLine line) {
        requireDeposit(line);
        if (payment == null) {
            throw line.error("comes before any TK20 payment or TK21 deduction of the deposit opened at line "
                    + depositLine);
        }
    }

    /** The next record; blank lines are refused unless only blank lines follow them (checked by the caller). */
    private BgMaxLine read() throws IOException {
        if (pending != null) {
            BgMaxLine line = pending;
            pending = null;
            return line;
        }
        while (true) {
            String raw = lines.next();
            if (raw == null) {
                return null;
            }
            if (raw.isBlank()) {
                if (firstBlankLine == 0) {
                    firstBlankLine = lines.lineNumber();
                }
                continue;
            }
            if (firstBlankLine != 0) {
                throw new BankFileException(fileName, "line " + firstBlankLine, "is blank, and records follow it"
                        + " (line " + lines.lineNumber() + "); BGMax has no blank records");
            }
            return BgMaxLine.of(fileName, lines.lineNumber(), raw, lines.lastLength());
        }
    }

    private static Currency currency(BgMaxLine line, int from, int to) {
        String code = line.text(from, to);
        if (!code.equals("SEK") && !code.equals("EUR")) {
            throw line.error("currency", from, to, code, "is not " + CURRENCIES);
        }
        return Currency.getInstance(code);
    }

    /** A zero-filled bankgiro number without its zeros, or null when it is all zeros (no bankgiro given). */
    private static String bankgiro(String digits) {
        String number = digits.replaceFirst("^0+", "");
        return number.isEmpty() ? null : number;
    }

    private static String preview(String line) {
        return line.length() > 20 ? line.substring(0, 20) + "..." : line;
    }

    private void closeQuietly(Exception cause) {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the file (both read positions) and deletes the copy of a stream. */
    @Override
    public void close() throws IOException {
        try (lines; dates) {
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
        }
    }
}
