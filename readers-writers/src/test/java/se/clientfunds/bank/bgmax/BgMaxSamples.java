package se.clientfunds.bank.bgmax;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public BGMax sample files in {@code shared/samples/bgmax}, which sits either inside the repository or next to
 * it (worktrees are siblings of the shared folder), so the lookup walks up from the module directory.
 */
final class BgMaxSamples {

    private BgMaxSamples() {
    }

    static Path sample(String fileName) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples/bgmax").resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/samples/bgmax/" + fileName + " above " + Path.of("").toAbsolutePath());
    }
}
