package se.clientfunds.generator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What one generator run wrote, for the CLI to print: the files, how many payments, invoices, refunds and anomalies. */
public record GenerationSummary(
        List<Path> files,
        long payments,
        long invoices,
        long refunds,
        Map<AnomalyType, Long> anomaliesByType) {

    public GenerationSummary {
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        // an EnumMap keeps the types in declaration order, so the CLI prints them the same way every run
        EnumMap<AnomalyType, Long> copy = new EnumMap<>(AnomalyType.class);
        copy.putAll(Objects.requireNonNull(anomaliesByType, "anomaliesByType"));
        anomaliesByType = Collections.unmodifiableMap(copy);
    }

    public long anomalies() {
        return anomaliesByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Lines for the operator: counts, anomalies by type, and where the files went. */
    public List<String> describe(Path out) {
        StringBuilder anomalies = new StringBuilder();
        anomaliesByType.forEach((type, count) -> anomalies.append(anomalies.isEmpty() ? "" : ", ").append(type).append(' ').append(count));
        return List.of(
                "generated " + payments + " payments, " + invoices + " invoices, " + refunds + " refunds and " + anomalies()
                        + " anomalies" + (anomalies.isEmpty() ? "" : " (" + anomalies + ")"),
                "wrote " + files.size() + " files to " + out.toAbsolutePath().normalize());
    }
}
