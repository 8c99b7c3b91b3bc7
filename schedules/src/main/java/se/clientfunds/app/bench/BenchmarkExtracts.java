package se.clientfunds.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

import se.clientfunds.extract.ExtractKind;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;

/** Writes the benchmark's inputs: a few clients and N valid invoices, streamed, the same bytes for the same N. */
final class BenchmarkExtracts {

    static final int CLIENTS = 50;

    private BenchmarkExtracts() {
    }

    static void writeClients(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ExtractKind.CLIENTS.headerLine());
            out.write('\n');
            for (int c = 1; c <= CLIENTS; c++) {
                String bban = String.format("5000%016d", 1000 + c);
                String org = OcrReference.withCheckDigit("556" + String.format("%03d", c) + "000").value();
                out.write("C" + c + "," + org.substring(0, 6) + "-" + org.substring(6) + ",Bench client " + c + ",SEK,"
                        + Iban.of("SE", bban).value() + ",DAILY,2.50,1.25\n");
            }
        }
    }

    static void writeInvoices(Path file, long rows) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        LocalDate issued = LocalDate.of(2026, 1, 2);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ExtractKind.INVOICES.headerLine());
            out.write('\n');
            StringBuilder line = new StringBuilder(160);
            for (long i = 1; i <= rows; i++) {
                long minor = 10_000 + random.nextLong(5_000_000);
                line.setLength(0);
                line.append("INV").append(i).append(",C").append(1 + i % CLIENTS).append(',')
                        .append(OcrReference.withCheckDigit(Long.toString(1_000_000_000L + i)).value())
                        .append(",SEK,").append(minor / 100).append('.').append(minor % 100 < 10 ? "0" : "").append(minor % 100)
                        .append(',').append(issued).append(',').append(issued.plusDays(30))
                        .append(",Debtor ").append(i % 10_007).append(",D").append(i % 10_007).append(",SE\n");
                out.append(line);
            }
        }
    }
}
