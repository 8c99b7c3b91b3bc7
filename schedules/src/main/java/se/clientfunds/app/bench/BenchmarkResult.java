package se.clientfunds.app.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One benchmark stage timed against its baseline on the same data in the same run. A stage that is measured on its own
 * ({@code day_1m}) has no baseline; a stage whose baseline was made honest keeps its old baseline beside it, so that the
 * history of figures stays comparable. Absent figures are empty cells.
 */
public record BenchmarkResult(String stage, long rows, long nanos, OptionalLong baselineNanos, long peakHeapBytes,
                              OptionalLong oldBaselineNanos) {

    /** The columns, the old baseline's last: readers of the first six keep reading them where they were. */
    public static final List<String> COLUMNS = List.of("stage", "rows", "seconds", "baseline_seconds", "ratio", "peak_heap_mb",
            "old_baseline_seconds", "old_ratio");

    public BenchmarkResult {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(baselineNanos, "baselineNanos");
        Objects.requireNonNull(oldBaselineNanos, "oldBaselineNanos");
        if (oldBaselineNanos.isPresent() && baselineNanos.isEmpty()) {
            throw new IllegalArgumentException("stage " + stage + ": an old baseline needs a baseline beside it");
        }
    }

    /** A stage against its baseline, with no old one. */
    public BenchmarkResult(String stage, long rows, long nanos, long baselineNanos, long peakHeapBytes) {
        this(stage, rows, nanos, OptionalLong.of(baselineNanos), peakHeapBytes, OptionalLong.empty());
    }

    /** A stage measured on its own: nothing to compare it with. */
    static BenchmarkResult withoutBaseline(String stage, long rows, long nanos, long peakHeapBytes) {
        return new BenchmarkResult(stage, rows, nanos, OptionalLong.empty(), peakHeapBytes, OptionalLong.empty());
    }

    /** This result with the stage's old baseline beside its baseline. */
    BenchmarkResult withOldBaseline(long oldNanos) {
        return new BenchmarkResult(stage, rows, nanos, baselineNanos, peakHeapBytes, OptionalLong.of(oldNanos));
    }

    public Optional<BigDecimal> ratio() {
        return ratio(baselineNanos);
    }

    public Optional<BigDecimal> oldRatio() {
        return ratio(oldBaselineNanos);
    }

    public List<String> cells() {
        return List.of(stage, Long.toString(rows), seconds(nanos), seconds(baselineNanos), plain(ratio()),
                Long.toString(peakHeapBytes / (1024 * 1024)), seconds(oldBaselineNanos), plain(oldRatio()));
    }

    private Optional<BigDecimal> ratio(OptionalLong baseline) {
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(Math.max(1, baseline.getAsLong())), 2,
                RoundingMode.HALF_UP));
    }

    private static String plain(Optional<BigDecimal> ratio) {
        return ratio.map(BigDecimal::toPlainString).orElse("");
    }

    private static String seconds(OptionalLong nanos) {
        return nanos.isPresent() ? seconds(nanos.getAsLong()) : "";
    }

    private static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos).movePointLeft(9).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
