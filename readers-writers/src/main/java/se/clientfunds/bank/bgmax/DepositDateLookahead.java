package se.clientfunds.bank.bgmax;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A second read position in the same file, running ahead of the parser to the TK15 that closes a deposit, because
 * the payment date that every payment of a deposit is booked on only comes after the payments. Reading the file a
 * second time keeps memory constant however large a deposit is; holding a deposit's payments would not.
 * It never refuses anything: what it cannot read it leaves for the parser, which reaches it in file order and
 * reports it there.
 */
final class DepositDateLookahead implements Closeable {

    private final BgMaxLineReader reader;
    private boolean exhausted;
    private long depositEndLine;

    DepositDateLookahead(Path file) throws IOException {
        this.reader = new BgMaxLineReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.ISO_8859_1));
    }

    /**
     * The payment date in the TK15 that closes the deposit opened on {@code depositLine}, or null when there is none
     * before the next TK05 or TK70 or it does not read as a date.
     */
    LocalDate paymentDateOfDepositAt(long depositLine) throws IOException {
        depositEndLine = 0;
        while (!exhausted && reader.lineNumber() < depositLine) {
            exhausted = reader.next() == null;
        }
        while (!exhausted) {
            String line = reader.next();
            if (line == null) {
                exhausted = true;
                return null;
            }
            if (line.startsWith(BgMaxRecordType.DEPOSIT_END.code())) {
                depositEndLine = reader.lineNumber();
                return dateAt38(line);
            }
            if (line.startsWith(BgMaxRecordType.DEPOSIT_OPENING.code()) || line.startsWith(BgMaxRecordType.END.code())) {
                return null;
            }
        }
        return null;
    }

    /** The line of the TK15 the last date came from, 0 when none was found. */
    long depositEndLine() {
        return depositEndLine;
    }

    private static LocalDate dateAt38(String line) {
        if (line.length() < 45) {
            return null;
        }
        String value = line.substring(37, 45);
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
