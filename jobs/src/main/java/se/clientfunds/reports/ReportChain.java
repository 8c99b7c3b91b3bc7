package se.clientfunds.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import se.clientfunds.files.Sha256;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report folders {@code reports/<yyyy-mm-dd>/} and the chain of their manifests: each day's {@code manifest.json}
 * lists every file in the folder with its SHA-256 and names the SHA-256 of the manifest of the latest earlier day
 * that has one, so changing, removing or adding a file of any day breaks the chain from there on (DESIGN §2.7).
 * Files are written under a hidden partial name and moved into place once complete; hidden files are never listed.
 */
public final class ReportChain {

    public static final String MANIFEST = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;

    /** @param root the home's {@code reports/} folder */
    public ReportChain(Path root) {
        this.root = root;
    }

    public Path folder(LocalDate day) {
        return root.resolve(day.toString());
    }

    /** Something that writes a whole file to the path it is given. */
    @FunctionalInterface
    public interface FileWriting {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes {@code name} into the day's folder: first to {@code .name.partial}, then moved over the old file, so the
     * folder never shows a half-written report (a crash leaves only the hidden partial, overwritten by the rerun).
     */
    public Path write(LocalDate day, String name, FileWriting writing) {
        Path folder = folder(day);
        Path target = folder.resolve(name);
        Path partial = folder.resolve("." + name + ".partial");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(partial);
            writing.writeTo(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e, e);
        }
    }

    /**
     * Writes the day's manifest over every (non-hidden) file in its folder, chained to the latest earlier manifest.
     * Sorted keys and files, no timestamps: the same files give the same manifest bytes.
     */
    public Path writeManifest(LocalDate day) {
        Path folder = folder(day);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("businessDate", day.toString());
        ArrayNode files = manifest.putArray("files");
        for (Map.Entry<String, String> file : hashes(folder).entrySet()) {
            ObjectNode entry = files.addObject();
            entry.put("name", file.getKey());
            entry.put("sha256", file.getValue());
        }
        Optional<LocalDate> previous = previousManifestDay(day);
        if (previous.isPresent()) {
            manifest.put("previousBusinessDate", previous.get().toString());
            manifest.put("previousManifestSha256", Sha256.of(folder(previous.get()).resolve(MANIFEST)));
        } else {
            manifest.putNull("previousBusinessDate");
            manifest.putNull("previousManifestSha256");
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        String text = JSON.writer().with(printer).writeValueAsString(manifest) + "\n";
        return write(day, MANIFEST, file -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /**
     * Recomputes the chain from the first manifest up to {@code upTo}: every listed file's SHA-256, no file added,
     * every manifest's link to the one before. Returns what is wrong, one line per file; empty when intact.
     */
    public List<String> verify(LocalDate upTo) {
        List<String> problems = new ArrayList<>();
        List<LocalDate> days = days().stream().filter(day -> !day.isAfter(upTo)).toList();
        if (!days.contains(upTo) || !Files.isRegularFile(folder(upTo).resolve(MANIFEST))) {
            problems.add(upTo + "/" + MANIFEST + " is missing: no reports were written for " + upTo);
        }
        LocalDate previousDay = null;
        String previousSha = null;
        for (LocalDate day : days) {
            Path folder = folder(day);
            Path manifestFile = folder.resolve(MANIFEST);
            if (!Files.isRegularFile(manifestFile)) {
                if (!day.equals(upTo)) {
                    problems.add(day + "/" + MANIFEST + " is missing");
                }
                continue;
            }
            JsonNode manifest;
            try {
                manifest = JSON.readTree(manifestFile.toFile());
            } catch (JacksonException e) {
                problems.add(day + "/" + MANIFEST + " changed: it is no longer a readable manifest (" + e.getOriginalMessage() + ")");
                previousDay = day;
                previousSha = Sha256.of(manifestFile);
                continue;
            }
            String recordedPrevious = text(manifest.get("previousManifestSha256"));
            String recordedDay = text(manifest.get("previousBusinessDate"));
            String expectedDay = previousDay == null ? null : previousDay.toString();
            if (!java.util.Objects.equals(recordedPrevious, previousSha) || !java.util.Objects.equals(recordedDay, expectedDay)) {
                problems.add(previousDay == null
                        ? day + "/" + MANIFEST + " names a previous manifest of " + recordedDay + " that is not there"
                        : previousDay + "/" + MANIFEST + " changed: " + day + "/" + MANIFEST + " recorded SHA-256 "
                                + recordedPrevious + " of " + recordedDay + "'s manifest, it is now " + previousSha);
            }
            if (!day.toString().equals(text(manifest.get("businessDate")))) {
                problems.add(day + "/" + MANIFEST + " changed: it is the manifest of " + text(manifest.get("businessDate")));
            }
            Map<String, String> actual = hashes(folder);
            JsonNode files = manifest.get("files");
            if (files != null) {
                for (JsonNode file : files) {
                    String name = text(file.get("name"));
                    String recorded = text(file.get("sha256"));
                    String now = actual.remove(name);
                    if (now == null) {
                        problems.add(day + "/" + name + " is missing");
                    } else if (!now.equals(recorded)) {
                        problems.add(day + "/" + name + " changed: SHA-256 recorded " + recorded + ", now " + now);
                    }
                }
            }
            actual.keySet().forEach(name -> problems.add(day + "/" + name + " was added: it is not in the manifest"));
            previousDay = day;
            previousSha = Sha256.of(manifestFile);
        }
        return problems;
    }

    /** The latest day before {@code day} whose folder has a manifest. */
    Optional<LocalDate> previousManifestDay(LocalDate day) {
        return days().stream().filter(earlier -> earlier.isBefore(day))
                .filter(earlier -> Files.isRegularFile(folder(earlier).resolve(MANIFEST)))
                .reduce((first, second) -> second);
    }

    /** The date folders, oldest first; other names are not report folders and are ignored. */
    private List<LocalDate> days() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(folder -> parse(folder.getFileName().toString()))
                    .flatMap(Optional::stream).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the report folders in " + root, e);
        }
    }

    /** Every non-hidden file of a folder but the manifest, by name, with its SHA-256. */
    private static Map<String, String> hashes(Path folder) {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return hashes;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.equals(MANIFEST))
                    .forEach(name -> hashes.put(name, Sha256.of(folder.resolve(name))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the reports in " + folder, e);
        }
        return hashes;
    }

    private static Optional<LocalDate> parse(String name) {
        try {
            return Optional.of(LocalDate.parse(name));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
