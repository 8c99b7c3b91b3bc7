package se.clientfunds.report.positions;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders a positions workbook with {@code args[0]} lazily made movements to {@code args[1]}; started by
 * {@link PositionsXlsxRendererTest} in a JVM with a small heap, and by hand for timings.
 */
final class MovementsHeapProbe {

    private MovementsHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        long start = System.nanoTime();
        new PositionsXlsxRenderer().render(PositionsFixture.report(PositionsFixture.lazyMovements(rows)),
                Locale.ENGLISH, Path.of(args[1]));
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("rows=%d millis=%d maxHeapMiB=%d%n", rows, (System.nanoTime() - start) / 1_000_000,
                runtime.maxMemory() / (1024 * 1024));
    }
}
