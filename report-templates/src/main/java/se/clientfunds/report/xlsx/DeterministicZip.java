package se.clientfunds.report.xlsx;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Copies a zip (an .xlsx) entry by entry, in the same order, giving every entry the same fixed time. POI stamps its
 * entries with the wall clock and no POI setting turns that off, so two renderings of the same report would differ.
 * The compressed bytes are copied as they are (commons-compress, which POI itself writes with), not inflated and
 * deflated again: for a million movements that is the difference between a fraction of a second and four seconds.
 */
public final class DeterministicZip {

    private DeterministicZip() {
    }

    /** Writes a zip (a workbook) to the file it is given. */
    @FunctionalInterface
    public interface ZipWriter {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Lets {@code writer} write its zip to a temporary file, then copies that to {@code target} with every entry dated
     * {@code entryTime}; the temporary file is deleted whatever happens.
     */
    public static void write(ZipWriter writer, OutputStream target, LocalDateTime entryTime) throws IOException {
        Path raw = Files.createTempFile("report-", ".zip");
        try {
            writer.writeTo(raw);
            copyWithFixedTimes(raw, target, entryTime);
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /**
     * Copies {@code source} to {@code target} with every entry dated {@code entryTime}. A zip stores a local date-time
     * (DOS time); the conversion through this JVM's time zone here is undone by the writer's conversion back, so the
     * bytes do not depend on the time zone.
     */
    public static void copyWithFixedTimes(Path source, OutputStream target, LocalDateTime entryTime) throws IOException {
        long time = entryTime.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        try (ZipFile zip = ZipFile.builder().setPath(source).get();
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(new NonClosingOutputStream(target))) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                copy.setMethod(entry.getMethod());
                copy.setCrc(entry.getCrc());
                copy.setSize(entry.getSize());
                copy.setCompressedSize(entry.getCompressedSize());
                copy.setTime(time);
                try (InputStream raw = zip.getRawInputStream(entry)) {
                    out.addRawArchiveEntry(copy, raw);
                }
            }
            out.finish();
        }
    }

    /** Lets the caller keep owning the stream it passed in. */
    private static final class NonClosingOutputStream extends FilterOutputStream {

        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
