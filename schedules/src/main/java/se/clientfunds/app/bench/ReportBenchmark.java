package se.clientfunds.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import se.clientfunds.app.Console;
import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.AccountReconciliation;
import se.clientfunds.report.pdf.BalanceProof;
import se.clientfunds.report.pdf.BareBreaksTable;
import se.clientfunds.report.pdf.BreakStatus;
import se.clientfunds.report.pdf.BreakType;
import se.clientfunds.report.pdf.ControlTotal;
import se.clientfunds.report.pdf.MatchRule;
import se.clientfunds.report.pdf.ReconciliationBreak;
import se.clientfunds.report.pdf.ReconciliationPdf;
import se.clientfunds.report.pdf.ReconciliationReport;
import se.clientfunds.report.pdf.ReportHeader;
import se.clientfunds.report.pdf.RollForward;
import se.clientfunds.report.positions.AccountKind;
import se.clientfunds.report.positions.ControlTotals;
import se.clientfunds.report.positions.InputFile;
import se.clientfunds.report.positions.MovementLine;
import se.clientfunds.report.positions.PositionLine;
import se.clientfunds.report.positions.PositionsReport;
import se.clientfunds.report.positions.PositionsXlsxRenderer;
import se.clientfunds.report.positions.Side;

/**
 * The report stages: the movements sheet of {@code positions.xlsx} with N rows against a bare SXSSF loop writing the
 * same cells, and {@code reconciliation.pdf} with 10,000 breaks against a bare OpenPDF table of the same cells.
 * Nothing touches the database: the renderers work on plain records, generated here as they are read.
 */
final class ReportBenchmark {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);
    private static final String HASH = "0".repeat(64);
    static final int BREAKS = 10_000;
    private static final Amount NOTHING = Amount.of(0, "SEK");

    private final Path work;
    private final Console console;

    ReportBenchmark(Path work, Console console) {
        this.work = work;
        this.console = console;
    }

    BenchmarkResult movementsSheet(long rows) throws IOException {
        Files.createDirectories(work);
        console.progress("bench report_movements: positions.xlsx with " + rows + " movements");
        HeapPeak.reset();
        long start = System.nanoTime();
        new PositionsXlsxRenderer().render(report(rows), Locale.ENGLISH, work.resolve("positions.xlsx"));
        long ours = System.nanoTime() - start;
        long peak = HeapPeak.peakBytes();
        console.progress("bench report_movements: bare SXSSF loop over the same cells");
        start = System.nanoTime();
        bareMovements(rows, work.resolve("bare.xlsx"));
        long bare = System.nanoTime() - start;
        console.endProgressLine();
        return new BenchmarkResult("report_movements", rows, ours, bare, peak);
    }

    BenchmarkResult reconciliationPdf() throws IOException {
        Files.createDirectories(work);
        List<ReconciliationBreak> breaks = breaks(BREAKS);
        ReconciliationReport report = new ReconciliationReport(new ReportHeader(DAY, 1, List.of(
                new se.clientfunds.report.pdf.InputFile("camt053.xml", HASH)),
                List.of(ControlTotal.count(se.clientfunds.report.pdf.ControlTotalKind.OPEN_BREAKS, BREAKS))),
                List.of(new AccountReconciliation("SE4550000000058398257466", "SEK", Map.of(MatchRule.REFERENCE, 1),
                        breaks, new RollForward(0, BREAKS, 0, BREAKS),
                        new BalanceProof(NOTHING, NOTHING, NOTHING, NOTHING, NOTHING), List.of(),
                        se.clientfunds.report.pdf.ReconciliationStatus.RECONCILED)), 10);
        // one warm-up each: the first PDF of a JVM loads fonts and classes
        ReconciliationPdf renderer = new ReconciliationPdf(Locale.ENGLISH);
        renderer.write(report, OutputStream.nullOutputStream());
        BareBreaksTable.write(breaks, Locale.ENGLISH, OutputStream.nullOutputStream());
        console.progress("bench report_breaks_pdf: reconciliation.pdf with " + BREAKS + " breaks");
        HeapPeak.reset();
        long start = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(work.resolve("reconciliation.pdf"))) {
            renderer.write(report, out);
        }
        long ours = System.nanoTime() - start;
        long peak = HeapPeak.peakBytes();
        start = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(work.resolve("bare.pdf"))) {
            BareBreaksTable.write(breaks, Locale.ENGLISH, out);
        }
        long bare = System.nanoTime() - start;
        console.endProgressLine();
        return new BenchmarkResult("report_breaks_pdf", BREAKS, ours, bare, peak);
    }

    private static PositionsReport report(long rows) {
        Amount zero = new Amount(0, "SEK");
        Amount total = new Amount(rows * 100, "SEK");
        List<PositionLine> positions = List.of(
                new PositionLine("BANK:SE4550000000058398257466", AccountKind.BANK, "SEK", zero, total, zero, total),
                new PositionLine("UNALLOCATED", AccountKind.UNALLOCATED, "SEK", zero, zero, total, total));
        Iterable<MovementLine> movements = () -> new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < rows;
            }

            @Override
            public MovementLine next() {
                long i = next++;
                return movement(i);
            }
        };
        return new PositionsReport(DAY, 1, List.of(new InputFile("camt054.xml", HASH)), positions, movements, List.of(),
                new ControlTotals(rows, rows, 0, List.of(total)));
    }

    /** The same cells the renderer writes for each movement: date, event, reference, account, side, amount, currency. */
    private static MovementLine movement(long i) {
        return new MovementLine(DAY, "PAYMENT_RECEIVED", "SE4550000000058398257466/BK" + i,
                i % 2 == 0 ? "BANK:SE4550000000058398257466" : "UNALLOCATED", i % 2 == 0 ? Side.D : Side.C,
                new Amount(100 + i % 100_000, "SEK"));
    }

    private static void bareMovements(long rows, Path file) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
             OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            SXSSFSheet sheet = workbook.createSheet("Movements");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            for (long i = 0; i < rows; i++) {
                MovementLine line = movement(i);
                Row row = sheet.createRow((int) i + 1);
                row.createCell(0).setCellValue(line.bookingDate());
                row.getCell(0).setCellStyle(date);
                row.createCell(1).setCellValue(line.eventType());
                row.createCell(2).setCellValue(line.reference());
                row.createCell(3).setCellValue(line.account());
                row.createCell(4).setCellValue(line.side().name());
                // the same exact decimal the renderer computes, a double only at the cell
                row.createCell(5).setCellValue(BigDecimal.valueOf(line.amount().minor(), 2).doubleValue());
                row.getCell(5).setCellStyle(amount);
                row.createCell(6).setCellValue(line.amount().currency());
            }
            workbook.write(out);
        }
    }

    private static List<ReconciliationBreak> breaks(int count) {
        BreakType[] types = BreakType.values();
        List<ReconciliationBreak> breaks = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            int age = i % 15;
            breaks.add(new ReconciliationBreak(i, types[i % types.length],
                    Amount.of(i * 101L, "SEK"), "REF-" + i, DAY.minusDays(age), age, BreakStatus.OPEN));
        }
        return breaks;
    }
}
