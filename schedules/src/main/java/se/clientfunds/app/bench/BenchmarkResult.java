package se.clientfunds.app.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** One benchmark stage timed against its baseline on the same data in the same run. */
public record BenchmarkResult(String stage, long rows, long nanos, long baselineNanos, long peakHeapBytes) {

    public static final List<String> COLUMNS = List.of("stage", "rows", "seconds", "baseline_seconds", "ratio", "peak_heap_mb");

    public BigDecimal ratio() {
        return BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(Math.max(1, baselineNanos)), 2, RoundingMode.HALF_UP);
    }

    public List<String> cells() {
        return List.of(stage, Long.toString(rows), seconds(nanos), seconds(baselineNanos), ratio().toPlainString(),
                Long.toString(peakHeapBytes / (1024 * 1024)));
    }

    private static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos).movePointLeft(9).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
