package se.clientfunds.bank.camt;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The encoding a file's first bytes announce, as XML reads them (XML 1.0, appendix F): a byte order mark of UTF-32,
 * UTF-8 or UTF-16, or UTF-16 without one, told by {@code <?} next to zero bytes. Both the format detection and the
 * camt reader go by it, so a file is recognised in the encoding it is then read in.
 *
 * @param charset what the bytes are
 * @param length  how many bytes the mark takes (0 for UTF-16 told by its first characters)
 */
public record ByteOrderMark(Charset charset, int length) {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /** The encoding the first {@code count} bytes of {@code head} announce, if they announce one. */
    public static Optional<ByteOrderMark> of(byte[] head, int count) {
        int b0 = count > 0 ? head[0] & 0xFF : -1;
        int b1 = count > 1 ? head[1] & 0xFF : -1;
        int b2 = count > 2 ? head[2] & 0xFF : -1;
        int b3 = count > 3 ? head[3] & 0xFF : -1;
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
            return Optional.of(new ByteOrderMark(UTF_32BE, 4));
        } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
            return Optional.of(new ByteOrderMark(UTF_32LE, 4));
        } else if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return Optional.of(new ByteOrderMark(StandardCharsets.UTF_8, 3));
        } else if (b0 == 0xFE && b1 == 0xFF) {
            return Optional.of(new ByteOrderMark(StandardCharsets.UTF_16BE, 2));
        } else if (b0 == 0xFF && b1 == 0xFE) {
            return Optional.of(new ByteOrderMark(StandardCharsets.UTF_16LE, 2));
        } else if (b0 == 0x00 && b1 == 0x3C && b2 == 0x00 && b3 == 0x3F) {
            return Optional.of(new ByteOrderMark(StandardCharsets.UTF_16BE, 0));
        } else if (b0 == 0x3C && b1 == 0x00 && b2 == 0x3F && b3 == 0x00) {
            return Optional.of(new ByteOrderMark(StandardCharsets.UTF_16LE, 0));
        }
        return Optional.empty();
    }
}
