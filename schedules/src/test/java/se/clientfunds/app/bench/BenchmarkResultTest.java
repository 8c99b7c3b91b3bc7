package se.clientfunds.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class BenchmarkResultTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aStageAgainstItsBaselineLeavesTheOldBaselineCellsEmpty() {
        // given
        BenchmarkResult result = new BenchmarkResult("screen", 1000, 3_000_000_000L, 2_000_000_000L, 90 * MB);

        // when / then
        assertThat(result.cells()).containsExactly("screen", "1000", "3.00", "2.00", "1.50", "90", "", "");
        assertThat(result.cells()).hasSameSizeAs(BenchmarkResult.COLUMNS);
    }

    @Test
    void anOldBaselineIsPrintedAfterTheColumnsThatWereThereBefore() {
        // given
        BenchmarkResult result = new BenchmarkResult("import_camt054", 2000, 2_820_000_000L, 320_000_000L, 98 * MB)
                .withOldBaseline(30_000_000L);

        // when / then
        assertThat(BenchmarkResult.COLUMNS).startsWith("stage", "rows", "seconds", "baseline_seconds", "ratio", "peak_heap_mb")
                .endsWith("old_baseline_seconds", "old_ratio");
        assertThat(result.cells()).containsExactly("import_camt054", "2000", "2.82", "0.32", "8.81", "98", "0.03", "94.00");
    }

    @Test
    void aStageWithoutABaselineHasNoRatio() {
        // given
        BenchmarkResult result = BenchmarkResult.withoutBaseline("day_1m", 2000, 19_610_000_000L, 158 * MB);

        // when / then
        assertThat(result.ratio()).isEmpty();
        assertThat(result.cells()).containsExactly("day_1m", "2000", "19.61", "", "", "158", "", "");
    }

    @Test
    void anOldBaselineWithoutABaselineIsRefused() {
        assertThatThrownBy(() -> new BenchmarkResult("day_1m", 1, 1, OptionalLong.empty(), 0, OptionalLong.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("day_1m");
    }
}
