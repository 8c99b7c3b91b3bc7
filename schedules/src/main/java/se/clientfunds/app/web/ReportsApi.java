package se.clientfunds.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.operations.NotFound;
import se.clientfunds.reports.DailyReports;
import se.clientfunds.reports.ReportChain;
import se.clientfunds.reports.ReportVersions;

/**
 * A day's reports as written (never rendered again here): which files a version holds with the SHA-256 its manifest
 * recorded, each file downloaded with the SHA-256 of the bytes served, and the manifest chain checked (as
 * {@code settle verify DATE}).
 */
@RestController
@RequestMapping("/api/v1/days/{date}")
class ReportsApi {

    /** A file of a version: its name, the SHA-256 the manifest recorded, and where to download it. */
    record ReportFile(String name, String sha256, String download) {
    }

    /** A version of the day's reports, and which versions there are. */
    record Reports(LocalDate date, int version, int latestVersion, String reason, List<ReportFile> files) {
    }

    /** The manifest chain up to the day: intact, or what is missing or tampered with. */
    record Verification(LocalDate upTo, boolean intact, List<String> problems) {
    }

    private final ReportVersions versions;
    private final BankingCalendar calendar;

    ReportsApi(ReportVersions versions, BankingCalendar calendar) {
        this.versions = versions;
        this.calendar = calendar;
    }

    @GetMapping("/reports")
    @PreAuthorize("hasAuthority('READ')")
    Reports reports(@PathVariable LocalDate date, @RequestParam(required = false) Integer version) {
        ReportVersions.Version shown = version(date, version);
        int latest = versions.latestWritten(date).map(ReportVersions.Version::version).orElse(shown.version());
        List<ReportFile> files = new ArrayList<>();
        versions.chain().listed(date, shown.version()).forEach((name, sha256) -> files.add(new ReportFile(name, sha256,
                "/api/v1/days/" + date + "/reports/" + name + "?version=" + shown.version())));
        files.add(new ReportFile(ReportChain.MANIFEST, shown.manifestSha256(), "/api/v1/days/" + date + "/reports/"
                + ReportChain.MANIFEST + "?version=" + shown.version()));
        return new Reports(date, shown.version(), latest, shown.reason(), files);
    }

    /** One file of a version (the latest when not named), with the SHA-256 of the bytes served in {@code X-SHA-256}. */
    @GetMapping("/reports/{file}")
    @PreAuthorize("hasAuthority('READ')")
    ResponseEntity<byte[]> file(@PathVariable LocalDate date, @PathVariable String file,
                                @RequestParam(required = false) Integer version) throws IOException {
        if (DailyReports.AML_ALERTS.equals(file) && !Permission.READ_ALERTS.isGrantedTo(
                SecurityContextHolder.getContext().getAuthentication())) {
            // it names whom compliance suspects: as the alerts themselves, for READ_ALERTS only (no tipping off)
            throw new AccessDeniedException(file + " names whom compliance suspects: it is for a user who may READ_ALERTS");
        }
        ReportVersions.Version shown = version(date, version);
        Map<String, String> listed = versions.chain().listed(date, shown.version());
        // only what the manifest lists (or the manifest itself): a name is never a path
        if (!listed.containsKey(file) && !ReportChain.MANIFEST.equals(file)) {
            throw new NotFound("the reports of " + date + " version " + shown.version() + " have no file '" + file + "'; they"
                    + " have " + String.join(", ", listed.keySet()) + " and " + ReportChain.MANIFEST);
        }
        Path path = versions.chain().folder(date, shown.version()).resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new NotFound(file + " of the reports of " + date + " version " + shown.version() + " is listed in the manifest"
                    + " but is not there: settle verify " + date + " says more");
        }
        byte[] bytes = Files.readAllBytes(path);
        String sha256 = se.clientfunds.files.Sha256.of(bytes);
        byte[] digest = HexFormat.of().parseHex(sha256);
        return ResponseEntity.ok()
                .contentType(MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .header("X-SHA-256", sha256)
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":")
                .body(bytes);
    }

    @GetMapping("/verify")
    @PreAuthorize("hasAuthority('READ')")
    Verification verify(@PathVariable LocalDate date) {
        calendar.requireBankingDay(date);
        List<String> problems = versions.chain().verify(date, versions.recorded());
        return new Verification(date, problems.isEmpty(), problems);
    }

    private ReportVersions.Version version(LocalDate date, Integer version) {
        calendar.requireBankingDay(date);
        if (version == null) {
            return versions.latestWritten(date).orElseThrow(() -> new NotFound("no reports were written for " + date
                    + " (settle reports " + date + ")"));
        }
        return versions.get(date, version).orElseThrow(() -> new NotFound("the reports of " + date + " have no version "
                + version));
    }
}
