package se.clientfunds.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders the integration tests share: the home's folders emptied between tests, and the public samples. */
public final class TestFolders {

    private TestFolders() {
    }

    /** Deletes everything inside the folders, keeping the folders. */
    public static void empty(Path... folders) throws IOException {
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(folder)) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    /** The public sample files, beside the repository as {@code shared/samples}. */
    public static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/samples above " + Path.of("").toAbsolutePath());
    }
}
