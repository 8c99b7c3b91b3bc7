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

    /** Generates the demo business the settings describe and returns its banking days, oldest first. */
    public static List<LocalDate> generate(se.clientfunds.calendar.BankingCalendar calendar,
                                           se.clientfunds.generator.DemoDataSettings settings) throws IOException {
        new DemoDataGenerator(calendar).generate(settings);
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = calendar.onOrAfter(settings.start());
        for (int i = 0; i < settings.days(); i++, day = calendar.nextBankingDay(day)) {
            days.add(day);
        }
        return days;
    }

    /** Empties the books (every table) and the home's folders: a home as a new user's. */
    public static void emptyBooks(org.springframework.jdbc.core.JdbcTemplate jdbc, se.clientfunds.settings.SettlementHome home)
            throws IOException {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox(), home.reports());
    }

    /** Copies generated files into the inbox. */
    public static void deliver(Path generated, Path inbox, List<String> names) throws IOException {
        for (String name : names) {
            Files.copy(generated.resolve(name), inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
