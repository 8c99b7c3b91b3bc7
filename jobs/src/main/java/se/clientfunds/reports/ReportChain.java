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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * The report folders and the chain of their manifests (DESIGN §2.7). Version 1 of a day's reports is
 * {@code reports/<yyyy-mm-dd>/}, a later version {@code reports/<yyyy-mm-dd>/v<n>/}; an earlier version is never
 * written over. Each version's {@code manifest.json} lists every file of its folder with its SHA-256 and names the
 * manifest written before it (date, version, SHA-256), so changing, removing or adding a file of any version breaks
 * the chain from there on; a later version also names the version it supersedes and, per file, what it was and is.
 * Files are written under a hidden partial name and moved into place once complete; hidden files are never listed.
 * The goAML filings made on the day are written elsewhere ({@code filings/<date>/}, beside {@code reports/} in the
 * settlement home) and sent to the FIU as they are; the day's manifest lists them apart ({@code filings}: path under
 * the home, alert, SHA-256), so the chain covers them as it covers the reports.
 */
public final class ReportChain {

    public static final String MANIFEST = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A manifest in the chain: which day and version, and its SHA-256. */
    public record Link(LocalDate businessDate, int version, String sha256) {

        /** The manifest's path under {@code reports/}. */
        public String path() {
            return relativeFolder(businessDate, version) + "/" + MANIFEST;
        }
    }

    /**
     * What a later version replaces: the version before it (its manifest's SHA-256), why, and each file's SHA-256
     * there ({@code null} for a file it did not have).
     */
    public record Supersedes(int version, String manifestSha256, String reason, Map<String, String> files) {
    }

    /**
     * A goAML filing made on the day, as the manifest lists it.
     *
     * @param path where it is under the settlement home (the folder above {@code reports/}), with {@code /}, e.g.
     *             {@code filings/2026-01-07/goaml-STR-12.xml}
     */
    public record Filed(String path, long alertId, String sha256) {
    }

    /** A manifest as the database recorded it when it was written, and whether its keyed hash still checks. */
    public record Recorded(LocalDate businessDate, int version, String sha256, Boolean hmacValid) {
    }

    private final Path root;

    /** @param root the home's {@code reports/} folder */
    public ReportChain(Path root) {
        this.root = root;
    }

    /** Version 1's folder of the day. */
    public Path folder(LocalDate day) {
        return root.resolve(day.toString());
    }

    /** The folder of a version of the day's reports: the day's folder for version 1, {@code v<n>/} inside it after. */
    public Path folder(LocalDate day, int version) {
        return root.resolve(relativeFolder(day, version));
    }

    static String relativeFolder(LocalDate day, int version) {
        if (version < 1) {
            throw new IllegalArgumentException("report version " + version + " of " + day + " is not positive");
        }
        return version == 1 ? day.toString() : day + "/v" + version;
    }

    /** Something that writes a whole file to the path it is given. */
    @FunctionalInterface
    public interface FileWriting {
        void writeTo(Path file) throws IOException;
    }

    /** Writes a file of version 1 of the day's reports (see {@link #write(LocalDate, int, String, FileWriting)}). */
    public Path write(LocalDate day, String name, FileWriting writing) {
        return write(day, 1, name, writing);
    }

    /**
     * Writes {@code name} into the version's folder: first to {@code .name.partial}, then moved over the old file, so
     * the folder never shows a half-written report (a crash leaves only the hidden partial, overwritten by the rerun).
     */
    public Path write(LocalDate day, int version, String name, FileWriting writing) {
        Path folder = folder(day, version);
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

    /** Writes the manifest of a version of a day without filings (see {@link #writeManifest(LocalDate, int, Optional, Optional, List)}). */
    public String writeManifest(LocalDate day, int version, Optional<Link> previous, Optional<Supersedes> supersedes) {
        return writeManifest(day, version, previous, supersedes, List.of());
    }

    /**
     * Writes the version's manifest over every (non-hidden) file in its folder, chained to {@code previous} (the
     * manifest written before it, empty for the first of all), naming what it supersedes and, when the day has any,
     * the goAML filings made on it (by path). Sorted keys and files, no timestamps: the same files and links give the
     * same bytes; a day without filings has no {@code filings} key, as manifests had before filings were chained.
     * Returns the manifest's SHA-256.
     */
    public String writeManifest(LocalDate day, int version, Optional<Link> previous, Optional<Supersedes> supersedes,
                                List<Filed> filings) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("businessDate", day.toString());
        manifest.put("version", version);
        ArrayNode files = manifest.putArray("files");
        Map<String, String> hashes = hashes(folder(day, version));
        for (Map.Entry<String, String> file : hashes.entrySet()) {
            ObjectNode entry = files.addObject();
            entry.put("name", file.getKey());
            entry.put("sha256", file.getValue());
        }
        if (!filings.isEmpty()) {
            ArrayNode filed = manifest.putArray("filings");
            for (Filed filing : filings.stream().sorted(java.util.Comparator.comparing(Filed::path)).toList()) {
                ObjectNode entry = filed.addObject();
                entry.put("path", filing.path());
                entry.put("alert", filing.alertId());
                entry.put("sha256", filing.sha256());
            }
        }
        if (previous.isPresent()) {
            manifest.put("previousBusinessDate", previous.get().businessDate().toString());
            manifest.put("previousVersion", previous.get().version());
            manifest.put("previousManifest", previous.get().path());
            manifest.put("previousManifestSha256", previous.get().sha256());
        } else {
            manifest.putNull("previousBusinessDate");
            manifest.putNull("previousVersion");
            manifest.putNull("previousManifest");
            manifest.putNull("previousManifestSha256");
        }
        if (supersedes.isPresent()) {
            Supersedes earlier = supersedes.get();
            ObjectNode superseded = manifest.putObject("supersedes");
            superseded.put("version", earlier.version());
            superseded.put("manifest", relativeFolder(day, earlier.version()) + "/" + MANIFEST);
            superseded.put("manifestSha256", earlier.manifestSha256());
            superseded.put("reason", earlier.reason());
            ArrayNode changes = superseded.putArray("files");
            Map<String, String> names = new TreeMap<>();
            earlier.files().keySet().forEach(name -> names.put(name, name));
            hashes.keySet().forEach(name -> names.put(name, name));
            for (String name : names.keySet()) {
                ObjectNode change = changes.addObject();
                change.put("name", name);
                change.put("was", earlier.files().get(name));
                change.put("now", hashes.get(name));
            }
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        String text = JSON.writer().with(printer).writeValueAsString(manifest) + "\n";
        Path written = write(day, version, MANIFEST, file -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return Sha256.of(written);
    }

    /** The files a version's manifest lists, by name, with the SHA-256 it recorded; empty when it has none. */
    public Map<String, String> listed(LocalDate day, int version) {
        Map<String, String> files = new TreeMap<>();
        readManifest(day, version, folder(day, version).resolve(MANIFEST)).map(Manifest::json).ifPresent(json -> {
            for (JsonNode file : json.path("files")) {
                files.put(text(file.get("name")), text(file.get("sha256")));
            }
        });
        return files;
    }

    /** The days whose version 1 has a manifest, oldest first. */
    public List<LocalDate> daysWithManifest() {
        return days().stream().filter(day -> Files.isRegularFile(folder(day).resolve(MANIFEST))).toList();
    }

    /** The manifest a version's manifest names as the one before it, if it names one. */
    public Optional<Link> linkNamedBy(LocalDate day, int version) {
        return readManifest(day, version, folder(day, version).resolve(MANIFEST)).map(Manifest::json).flatMap(json -> {
            String previousDay = text(json.get("previousBusinessDate"));
            String sha256 = text(json.get("previousManifestSha256"));
            if (previousDay == null || sha256 == null) {
                return Optional.empty();
            }
            return Optional.of(new Link(LocalDate.parse(previousDay), json.path("previousVersion").asInt(1), sha256));
        });
    }

    /** Every non-hidden file of a version's folder but the manifest, by name, with its SHA-256. */
    public Map<String, String> hashes(LocalDate day, int version) {
        return hashes(folder(day, version));
    }

    /**
     * Checks every manifest of every version of the days up to {@code upTo}: each listed file's SHA-256, no file added,
     * the link to the manifest written before it (which must be there with the SHA-256 recorded), one successor per
     * manifest, and each manifest against what the database recorded when it was written (and its keyed hash). Returns
     * what is wrong, one line per finding; empty when intact.
     */
    public List<String> verify(LocalDate upTo, List<Recorded> recorded) {
        List<String> problems = new ArrayList<>();
        Map<String, Manifest> manifests = new TreeMap<>();
        for (Manifest manifest : manifests()) {
            manifests.put(manifest.key(), manifest);
        }
        if (manifests.values().stream().noneMatch(manifest -> manifest.day().equals(upTo))) {
            problems.add(upTo + "/" + MANIFEST + " is missing: no reports were written for " + upTo);
        }
        Map<String, String> successors = new HashMap<>();
        for (Manifest manifest : manifests.values()) {
            boolean inScope = !manifest.day().isAfter(upTo);
            String name = manifest.path();
            if (manifest.json() == null) {
                if (inScope) {
                    problems.add(name + " changed: it is no longer a readable manifest (" + manifest.unreadable() + ")");
                }
                continue;
            }
            if (inScope && (!manifest.day().toString().equals(text(manifest.json().get("businessDate")))
                    || manifest.version() != manifest.json().path("version").asInt(1))) {
                problems.add(name + " changed: it is the manifest of " + text(manifest.json().get("businessDate")) + " version "
                        + manifest.json().path("version").asInt(1));
            }
            if (inScope) {
                verifyFiles(manifest, problems);
            }
            String previousPath = previousPath(manifest.json());
            String previousSha = text(manifest.json().get("previousManifestSha256"));
            if (previousPath != null) {
                String other = successors.put(previousPath, name);
                if (other != null && inScope) {
                    problems.add(previousPath + " is followed twice, by " + other + " and by " + name + ": the chain forks");
                }
                Manifest previous = manifests.get(previousPath);
                if (inScope && previous == null) {
                    problems.add(previousPath + " is missing: " + name + " chains to it");
                } else if (inScope && !Objects.equals(previous.sha256(), previousSha)) {
                    problems.add(previousPath + " changed: " + name + " recorded SHA-256 " + previousSha + " of it, it is now "
                            + previous.sha256());
                }
            }
        }
        Map<String, Recorded> byPath = new HashMap<>();
        for (Recorded record : recorded) {
            String path = relativeFolder(record.businessDate(), record.version()) + "/" + MANIFEST;
            byPath.put(path, record);
            if (record.businessDate().isAfter(upTo)) {
                continue;
            }
            Manifest manifest = manifests.get(path);
            if (manifest == null) {
                problems.add(path + " is missing: the database recorded it as written (SHA-256 " + record.sha256() + ")");
            } else if (!record.sha256().equals(manifest.sha256())) {
                problems.add(path + " changed: the database recorded SHA-256 " + record.sha256() + " when it was written, it is"
                        + " now " + manifest.sha256());
            }
            if (Boolean.FALSE.equals(record.hmacValid())) {
                problems.add(path + ": its keyed hash (HMAC-SHA256 with settlement.reports.manifest-key) does not match what"
                        + " the database holds: the record or the key changed");
            }
        }
        for (Manifest manifest : manifests.values()) {
            if (!manifest.day().isAfter(upTo) && !byPath.containsKey(manifest.path())) {
                problems.add(manifest.path() + " was added: the database has no record of it being written");
            }
        }
        return problems;
    }

    private void verifyFiles(Manifest manifest, List<String> problems) {
        String prefix = relativeFolder(manifest.day(), manifest.version()) + "/";
        Map<String, String> actual = hashes(folder(manifest.day(), manifest.version()));
        JsonNode files = manifest.json().get("files");
        if (files != null) {
            for (JsonNode file : files) {
                String name = text(file.get("name"));
                String recorded = text(file.get("sha256"));
                String now = actual.remove(name);
                if (now == null) {
                    problems.add(prefix + name + " is missing");
                } else if (!now.equals(recorded)) {
                    problems.add(prefix + name + " changed: SHA-256 recorded " + recorded + ", now " + now);
                }
            }
        }
        actual.keySet().forEach(name -> problems.add(prefix + name + " was added: it is not in the manifest"));
        JsonNode filings = manifest.json().get("filings");
        if (filings != null) {
            Path home = root.toAbsolutePath().getParent();
            for (JsonNode filing : filings) {
                String path = text(filing.get("path"));
                String recorded = text(filing.get("sha256"));
                Path file = path == null ? null : home.resolve(path);
                if (file == null || !Files.isRegularFile(file)) {
                    problems.add(path + " is missing: " + manifest.path() + " lists it as a filing with the FIU");
                } else if (!Sha256.of(file).equals(recorded)) {
                    problems.add(path + " changed: " + manifest.path() + " recorded SHA-256 " + recorded + " of the filing, it is now "
                            + Sha256.of(file));
                }
            }
        }
    }

    /** The path of the manifest a manifest chains to; manifests written before versions existed name only the date. */
    private static String previousPath(JsonNode manifest) {
        String path = text(manifest.get("previousManifest"));
        if (path != null) {
            return path;
        }
        String day = text(manifest.get("previousBusinessDate"));
        return day == null ? null : day + "/" + MANIFEST;
    }

    /** A manifest found on disk: parsed, or why it could not be. */
    private record Manifest(LocalDate day, int version, String sha256, JsonNode json, String unreadable) {

        String key() {
            return path();
        }

        String path() {
            return relativeFolder(day, version) + "/" + MANIFEST;
        }
    }

    /** Every manifest under the report folders: each day's, and each of its later versions'. */
    private List<Manifest> manifests() {
        List<Manifest> found = new ArrayList<>();
        for (LocalDate day : days()) {
            Path dayFolder = folder(day);
            readManifest(day, 1, dayFolder.resolve(MANIFEST)).ifPresent(found::add);
            try (Stream<Path> versions = Files.list(dayFolder)) {
                for (Path folder : versions.filter(Files::isDirectory).toList()) {
                    String name = folder.getFileName().toString();
                    if (name.matches("v[1-9]\\d*") && !name.equals("v1")) {
                        readManifest(day, Integer.parseInt(name.substring(1)), folder.resolve(MANIFEST)).ifPresent(found::add);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dayFolder, e);
            }
        }
        return found;
    }

    private static Optional<Manifest> readManifest(LocalDate day, int version, Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Manifest(day, version, Sha256.of(file), JSON.readTree(file.toFile()), null));
        } catch (JacksonException e) {
            return Optional.of(new Manifest(day, version, Sha256.of(file), null, e.getOriginalMessage()));
        }
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
