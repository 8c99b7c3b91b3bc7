package se.clientfunds.report.pdf;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Keeps the caller's stream open when OpenPDF closes the document: whoever opened a stream closes it. */
final class NonClosing extends FilterOutputStream {

    NonClosing(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
