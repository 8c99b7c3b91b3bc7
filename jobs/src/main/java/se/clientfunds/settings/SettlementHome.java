package se.clientfunds.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** The folders under the settlement home where input files wait, are kept, and where outputs go. */
public record SettlementHome(Path root) {

    public SettlementHome {
        root = root.toAbsolutePath().normalize();
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path archive() {
        return root.resolve("archive");
    }

    /** {@code archive/<yyyy>/<mm>/} for a date. */
    public Path archive(LocalDate date) {
        return archive().resolve(String.format("%04d", date.getYear())).resolve(String.format("%02d", date.getMonthValue()));
    }

    public Path quarantine() {
        return root.resolve("quarantine");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    public Path outbox() {
        return root.resolve("outbox");
    }

    public Path filings() {
        return root.resolve("filings");
    }

    public Path database() {
        return root.resolve("db");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /**
     * Whether {@code root} holds a settlement home already (its inbox and database folders, made by the first command
     * that ran on it): commands that only read or act on existing books refuse a folder that does not, so a mistyped
     * {@code --home} is said at once instead of becoming a new, empty home.
     */
    public static boolean existsAt(Path root) {
        SettlementHome home = new SettlementHome(root);
        return Files.isDirectory(home.inbox()) && Files.isDirectory(home.database());
    }

    /** Creates the folders that do not exist yet. */
    public SettlementHome createFolders() {
        try {
            for (Path folder : new Path[] {inbox(), archive(), quarantine(), reports(), outbox(), filings(), database(), logs()}) {
                Files.createDirectories(folder);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folders of settlement home " + root, e);
        }
    }
}
