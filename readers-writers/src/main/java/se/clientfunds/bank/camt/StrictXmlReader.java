package se.clientfunds.bank.camt;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters of an XML file, decoded here rather than by the XML parser: the encoding comes from the byte order
 * mark (UTF-8, UTF-16 or UTF-32, either byte order), else from the first bytes as XML's appendix F reads them, else
 * from the XML declaration, else UTF-8. Bytes that are not valid in that encoding fail the read with
 * {@link UndecodableBytes}, naming line, column and bytes: the JDK's parser, left to decode, would print
 * {@code [Fatal Error] :-1:-1: ...} to standard error whatever handler is set.
 */
final class StrictXmlReader extends Reader {

    private static final int HEAD_BYTES = 1024;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    /** Bytes the file's encoding cannot decode, with where they are; the message is one line. */
    static final class UndecodableBytes extends IOException {

        UndecodableBytes(String message) {
            super(message);
        }
    }

    /** An encoding that cannot be read, named as the file names it. */
    static final class UnsupportedEncoding extends IOException {

        UnsupportedEncoding(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes;
    private boolean endOfInput;
    private boolean flushed;
    // the document's first characters: the JDK's parser reading characters loses a DOCTYPE's text, a message needs it
    private final StringBuilder head = new StringBuilder();
    private int line = 1;
    private long column = 1;

    private StrictXmlReader(InputStream in, Charset charset, ByteBuffer head) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.bytes = ByteBuffer.allocate(Math.max(BUFFER_BYTES, head.remaining()));
        this.bytes.put(head).flip();
    }

    /** Reads the head of the stream for its encoding and returns its characters, the byte order mark left out. */
    static StrictXmlReader open(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD_BYTES);
        Optional<ByteOrderMark> mark = ByteOrderMark.of(head, head.length);
        Charset charset = mark.isPresent() ? mark.get().charset() : declared(new String(head, StandardCharsets.ISO_8859_1));
        int bom = mark.map(ByteOrderMark::length).orElse(0);
        return new StrictXmlReader(in, charset, ByteBuffer.wrap(head, bom, head.length - bom));
    }

    /** The encoding an ASCII-compatible file declares, UTF-8 when it declares none. */
    private static Charset declared(String head) throws UnsupportedEncoding {
        Matcher declaration = DECLARED_ENCODING.matcher(head);
        if (!declaration.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = declaration.group(1);
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncoding("the XML declaration names encoding '" + name + "', which cannot be read");
        }
        String canonical = charset.name().toUpperCase(Locale.ROOT);
        if (canonical.startsWith("UTF-16") || canonical.startsWith("UTF-32")) {
            throw new UnsupportedEncoding("the XML declaration names encoding '" + name
                    + "', but the file has no byte order mark and its first bytes are not " + charset.name());
        }
        return charset;
    }

    /** The encoding the characters are read in. */
    Charset charset() {
        return charset;
    }

    /** The DOCTYPE declaration among the document's first characters as read so far, or null. */
    String doctype() {
        int start = head.indexOf("<!DOCTYPE");
        if (start < 0) {
            return null;
        }
        int subset = head.indexOf("[", start);
        int firstEnd = head.indexOf(">", start);
        int end = subset >= 0 && (firstEnd < 0 || subset < firstEnd) ? head.indexOf("]>", subset) + 1 : firstEnd;
        return end > start ? head.substring(start, end + 1) : head.substring(start);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (length < 2) {
            // a character outside the BMP needs two chars; the XML parser always asks for more
            char[] two = new char[2];
            int n = read(two, 0, 2);
            if (n > 1) {
                throw new IOException("cannot return a surrogate pair into one char");
            }
            if (n == 1) {
                target[offset] = two[0];
            }
            return n;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                advance(target, offset, out.position());
                throw undecodable(result.length());
            }
            if (out.position() > offset) {
                advance(target, offset, out.position());
                return out.position() - offset;
            }
            if (result.isOverflow()) {
                throw new IOException("no room to decode into");
            }
            if (endOfInput) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                    advance(target, offset, out.position());
                    if (out.position() > offset) {
                        return out.position() - offset;
                    }
                }
                return -1;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }

    /** Keeps line and column of the next character, for a message about bytes that do not decode. */
    private void advance(char[] chars, int from, int to) {
        if (head.length() < HEAD_BYTES) {
            head.append(chars, from, Math.min(to - from, HEAD_BYTES - head.length()));
        }
        for (int i = from; i < to; i++) {
            if (chars[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    private UndecodableBytes undecodable(int count) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < count && bytes.position() + i < bytes.limit(); i++) {
            shown.append(i == 0 ? "" : " ").append(String.format("%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        boolean truncated = endOfInput && bytes.position() + count >= bytes.limit();
        return new UndecodableBytes("line " + line + ", column " + column + ": " + (count == 1 ? "byte " : "bytes ")
                + shown + (count == 1 ? " is" : " are") + " not valid " + charset.name()
                + (truncated ? " (the file ends inside a character)" : ""));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
