package se.clientfunds.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import se.clientfunds.settings.SettlementHome;

/**
 * Moves an input file out of the way once it is dealt with: to {@code archive/<yyyy>/<mm>/} when imported, to
 * {@code quarantine/} with a {@code .reason.txt} beside it when refused. A file named on the command line from
 * outside the inbox is copied, not moved: it is the operator's.
 *
 * <p>Inside a transaction the move waits for the commit: a file must never sit in the archive while the database
 * still says its import is running (a crash would then leave an import nobody can restart).
 */
@Component
public class InputFileMover {

    private final SettlementHome home;

    public InputFileMover(SettlementHome home) {
        this.home = home;
    }

    public void archive(Path file, LocalDate date) {
        afterCommit(() -> relocate(file, home.archive(date)));
    }

    public void quarantine(Path file, String reason) {
        afterCommit(() -> {
            Path target = relocate(file, home.quarantine());
            try {
                Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"),
                        reason.endsWith("\n") ? reason : reason + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the reason file beside " + target, e);
            }
        });
    }

    private static void afterCommit(Runnable move) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            move.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                move.run();
            }
        });
    }

    private Path relocate(Path file, Path folder) {
        try {
            Files.createDirectories(folder);
            Path target = freeName(folder, file.getFileName().toString());
            if (file.toAbsolutePath().normalize().startsWith(home.inbox())) {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + folder, e);
        }
    }

    /** Never overwrite: a second file of the same name gets a numbered suffix. */
    private static Path freeName(Path folder, String name) {
        Path target = folder.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(name + "." + n);
        }
        return target;
    }
}
