package se.clientfunds.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import se.clientfunds.generator.DemoDataGenerator;

/** How the generator's files arrive in tests, as in the demo: the extracts with the first day, then each day's bank files. */
public final class GeneratedDays {

    private GeneratedDays() {
    }

    /** The files that arrive on a day: its camt.054 and camt.053, and on the first day the extracts before them. */
    public static List<String> arriving(LocalDate date, boolean firstDay) {
        List<String> files = new ArrayList<>();
        if (firstDay) {
            files.addAll(List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE, DemoDataGenerator.REFUNDS_FILE));
        }
        files.addAll(List.of(DemoDataGenerator.notificationFileName(date), DemoDataGenerator.statementFileName(date)));
        return files;
    }

    /** Copies generated files into the inbox. */
    public static void deliver(Path generated, Path inbox, List<String> names) throws IOException {
        for (String name : names) {
            Files.copy(generated.resolve(name), inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
