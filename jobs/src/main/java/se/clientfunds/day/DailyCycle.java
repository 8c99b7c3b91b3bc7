package se.clientfunds.day;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.extract.ExtractCsvReader;
import se.clientfunds.extract.ExtractKind;
import se.clientfunds.extracts.ExtractImportOutcome;
import se.clientfunds.extracts.ExtractImports;
import se.clientfunds.files.InputFormats;
import se.clientfunds.jobs.Causes;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.settings.SettlementHome;

/**
 * {@code run-day}: the daily cycle for one business date. For now: import the platform extracts waiting in the
 * inbox (clients before invoices before refunds, since each depends on the one before). Bank files are recognised
 * by their content and left in the inbox until bank-file import exists.
 */
@Service
public class DailyCycle {

    private final SettlementHome home;
    private final BusinessDays businessDays;
    private final ExtractImports extractImports;
    private final BankingCalendar calendar;

    public DailyCycle(SettlementHome home, BusinessDays businessDays, ExtractImports extractImports, BankingCalendar calendar) {
        this.home = home;
        this.businessDays = businessDays;
        this.extractImports = extractImports;
        this.calendar = calendar;
    }

    public DayReport run(LocalDate businessDate) {
        if (!calendar.isBankingDay(businessDate)) {
            throw new IllegalArgumentException(businessDate + " (" + businessDate.getDayOfWeek().toString().toLowerCase()
                    + ") is not a Swedish banking day");
        }
        businessDays.open(businessDate);
        List<ExtractImportOutcome> imports = new ArrayList<>();
        List<Path> waiting = new ArrayList<>();
        List<InboxFile> inbox = inboxFiles();
        inbox.stream().filter(InboxFile::bankFile).forEach(file -> waiting.add(file.path()));
        for (InboxFile inboxFile : inbox.stream().filter(file -> !file.bankFile()).toList()) {
            ExtractImportOutcome outcome;
            try {
                outcome = extractImports.importFile(inboxFile.path(), businessDate);
            } catch (Exception e) {
                // the day reports it like a failed job: the next run tries again, the other files wait their turn
                outcome = new ExtractImportOutcome(inboxFile.path(), ExtractImportOutcome.Status.FAILED, null, 0,
                        Causes.rootMessage(e), null);
            }
            imports.add(outcome);
            if (outcome.status() == ExtractImportOutcome.Status.FAILED) {
                // later extracts may depend on this one (invoices on clients): stop here, a rerun restarts it
                break;
            }
        }
        return new DayReport(businessDate, imports, waiting);
    }

    private List<InboxFile> inboxFiles() {
        try (Stream<Path> files = Files.list(home.inbox())) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .map(DailyCycle::classify)
                    .sorted(Comparator.comparingInt(InboxFile::order).thenComparing(file -> file.path().getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + home.inbox(), e);
        }
    }

    /** Orders by what a file is, read from its content, never from its name. */
    private static InboxFile classify(Path file) {
        if (InputFormats.isBankFile(file)) {
            return new InboxFile(file, true, 10);
        }
        try (ExtractCsvReader reader = ExtractCsvReader.openDetectingKind(file)) {
            return new InboxFile(file, false, reader.kind().ordinal());
        } catch (RuntimeException | IOException e) {
            // not a recognisable extract: the import job rejects it with the reason, after the good ones
            return new InboxFile(file, false, ExtractKind.values().length);
        }
    }

    private record InboxFile(Path path, boolean bankFile, int order) {
    }
}
