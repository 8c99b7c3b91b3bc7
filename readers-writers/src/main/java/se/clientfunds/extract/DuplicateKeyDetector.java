package se.clientfunds.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * Finds duplicate row ids within one extract of up to tens of millions of rows in about 15 bytes per row, exactly:
 * a repeated 64-bit fingerprint only makes a row a suspect, and a suspect is reported once its id is compared with
 * the real id of the first row that had the fingerprint (see {@link #linesToConfirm()}).
 *
 * <p>Usage: {@link #add} every row's id in one pass; if {@link #needsConfirmation()}, read the file again and
 * {@link #confirm} the id of every line in {@link #linesToConfirm()}; then take {@link #duplicates()}.
 * {@link #findDuplicates(Path, ExtractKind)} does exactly that for a file.
 */
public final class DuplicateKeyDetector {

    private static final int DEFAULT_EXPECTED_ROWS = 1 << 16;
    /** The table is kept at most four fifths full (integer arithmetic: 4 / 5). */
    private static final int LOAD_NUMERATOR = 4;
    private static final int LOAD_DENOMINATOR = 5;
    private static final long EMPTY = 0L;

    private final String idColumn;
    private final ToLongFunction<String> fingerprintFunction;

    /** Open addressing with linear probing: fingerprint per slot (0 = free) and the line it was first seen on. */
    private long[] fingerprints;
    private int[] firstLines;
    private int size;
    private int growAt;

    /** Rows whose fingerprint was seen before, in the order added: only these ids are kept as strings. */
    private final List<Suspect> suspects = new ArrayList<>();
    /** The real ids of first occurrences that suspects point to, once confirmed by the caller. */
    private final Map<Long, String> confirmedFirstIds = new HashMap<>();

    /** A detector for the ids of the given column, for example {@code invoice_id}. */
    public DuplicateKeyDetector(String idColumn) {
        this(idColumn, DEFAULT_EXPECTED_ROWS);
    }

    /** A detector sized up front for about {@code expectedRows} ids, so it need not grow while reading. */
    public DuplicateKeyDetector(String idColumn, int expectedRows) {
        this(idColumn, expectedRows, DuplicateKeyDetector::fingerprint);
    }

    DuplicateKeyDetector(String idColumn, int expectedRows, ToLongFunction<String> fingerprintFunction) {
        this.idColumn = Objects.requireNonNull(idColumn, "idColumn");
        this.fingerprintFunction = Objects.requireNonNull(fingerprintFunction, "fingerprintFunction");
        if (expectedRows < 0) {
            throw new IllegalArgumentException("expectedRows " + expectedRows + " must not be negative");
        }
        allocate((int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, (long) expectedRows * LOAD_DENOMINATOR / LOAD_NUMERATOR + 1)));
    }

    /**
     * Finds the duplicate ids (first column) of an extract file: one pass over the file, and a second only when some
     * fingerprint repeated, to compare the suspects with the real first ids.
     */
    public static List<RowProblem> findDuplicates(Path file, ExtractKind kind) {
        DuplicateKeyDetector detector = new DuplicateKeyDetector(kind.idColumn());
        try {
            try (ExtractCsvReader reader = ExtractCsvReader.open(file, kind)) {
                for (ExtractRow row = reader.next(); row != null; row = reader.next()) {
                    detector.add(row.field(0), row.line());
                }
            }
            detector.confirmFrom(file, kind);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return detector.duplicates();
    }

    /**
     * Reads the file again, only if some fingerprint repeated, and confirms the ids of the lines that need it:
     * the second pass that tells a real duplicate from a fingerprint collision.
     */
    public void confirmFrom(Path file, ExtractKind kind) throws IOException {
        if (!needsConfirmation()) {
            return;
        }
        Set<Long> lines = linesToConfirm();
        try (ExtractCsvReader reader = ExtractCsvReader.open(file, kind)) {
            for (ExtractRow row = reader.next(); row != null; row = reader.next()) {
                if (lines.contains(row.line())) {
                    confirm(row.line(), row.field(0));
                }
            }
        }
    }

    /** Records the id of a row. Empty ids are ignored: an empty id is a problem of its own, not a duplicate. */
    public void add(String id, long line) {
        Objects.requireNonNull(id, "id");
        if (line < 1 || line > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("line " + line + " must be 1 to " + Integer.MAX_VALUE);
        }
        if (id.isEmpty()) {
            return;
        }
        long fingerprint = fingerprintFunction.applyAsLong(id);
        if (fingerprint == EMPTY) {
            fingerprint = 1;
        }
        int slot = slotOf(fingerprint, fingerprints.length);
        while (fingerprints[slot] != EMPTY) {
            if (fingerprints[slot] == fingerprint) {
                suspects.add(new Suspect(firstLines[slot], id, line));
                return;
            }
            slot = slot + 1 == fingerprints.length ? 0 : slot + 1;
        }
        fingerprints[slot] = fingerprint;
        firstLines[slot] = (int) line;
        if (++size >= growAt) {
            grow();
        }
    }

    /** True while some suspect's first id has not been {@linkplain #confirm confirmed}. */
    public boolean needsConfirmation() {
        return !confirmedFirstIds.keySet().containsAll(firstLinesOfSuspects());
    }

    /** The lines (first occurrences) whose ids the caller must {@linkplain #confirm supply} from the file. */
    public Set<Long> linesToConfirm() {
        Set<Long> lines = firstLinesOfSuspects();
        lines.removeAll(confirmedFirstIds.keySet());
        return Collections.unmodifiableSet(lines);
    }

    /** Supplies the id found in the file at one of the {@linkplain #linesToConfirm() lines to confirm}. */
    public void confirm(long line, String id) {
        Objects.requireNonNull(id, "id");
        if (!firstLinesOfSuspects().contains(line)) {
            throw new IllegalArgumentException("line " + line + " is not a line to confirm");
        }
        confirmedFirstIds.put(line, id);
    }

    /**
     * One problem per repeated id, {@code duplicate of line N} naming the first occurrence, in line order.
     *
     * @throws IllegalStateException while {@link #needsConfirmation()}
     */
    public List<RowProblem> duplicates() {
        if (needsConfirmation()) {
            throw new IllegalStateException("the ids on lines " + linesToConfirm() + " must be confirmed first");
        }
        // suspects sharing a first line share a fingerprint; compare them exactly within that group only
        Map<Long, Map<String, Long>> firstSeenByGroup = new LinkedHashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        List<Suspect> inLineOrder = new ArrayList<>(suspects);
        inLineOrder.sort(Comparator.comparingLong(Suspect::line));
        for (Suspect suspect : inLineOrder) {
            Map<String, Long> firstSeen = firstSeenByGroup.computeIfAbsent(suspect.firstLine(), first -> {
                Map<String, Long> ids = new HashMap<>();
                ids.put(confirmedFirstIds.get(first), first);
                return ids;
            });
            Long first = firstSeen.putIfAbsent(suspect.id(), suspect.line());
            if (first != null) {
                problems.add(new RowProblem(suspect.line(), idColumn, suspect.id(), "duplicate of line " + first));
            }
        }
        return problems;
    }

    /** How many distinct fingerprints are held. */
    public int size() {
        return size;
    }

    private Set<Long> firstLinesOfSuspects() {
        Set<Long> lines = new TreeSet<>();
        for (Suspect suspect : suspects) {
            lines.add(suspect.firstLine());
        }
        return lines;
    }

    private void allocate(int capacity) {
        fingerprints = new long[capacity];
        firstLines = new int[capacity];
        growAt = (int) ((long) capacity * LOAD_NUMERATOR / LOAD_DENOMINATOR);
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldLines = firstLines;
        allocate((int) Math.min(Integer.MAX_VALUE - 8, oldFingerprints.length * 3L / 2));
        for (int i = 0; i < oldFingerprints.length; i++) {
            long fingerprint = oldFingerprints[i];
            if (fingerprint != EMPTY) {
                int slot = slotOf(fingerprint, fingerprints.length);
                while (fingerprints[slot] != EMPTY) {
                    slot = slot + 1 == fingerprints.length ? 0 : slot + 1;
                }
                fingerprints[slot] = fingerprint;
                firstLines[slot] = oldLines[i];
            }
        }
    }

    /** Maps the high 32 bits onto 0..capacity-1 by multiplication, so the capacity need not be a power of two. */
    private static int slotOf(long fingerprint, int capacity) {
        return (int) (((fingerprint >>> 32) * capacity) >>> 32);
    }

    /** FNV-1a over the UTF-16 code units, finished with the MurmurHash3 64-bit mixer so all bits avalanche. */
    static long fingerprint(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private record Suspect(long firstLine, String id, long line) {
    }
}
