package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.app.Console;
import se.clientfunds.files.Sha256;

/**
 * {@code verify} and {@code reports} on a home where the demo ran two business days: the chain holds, one changed
 * byte is named, and regenerating the day gives its old bytes back, so the later day's manifest chains again.
 */
class ReportsCommandsIT {

    private static final String FIRST_DAY = "2026-01-02";
    private static final String SECOND_DAY = "2026-01-05";

    @TempDir
    Path dir;

    @Test
    void verifyNamesATamperedReportAndRegeneratingTheDayRestoresTheChain() throws Exception {
        // given a home where the demo ran two days
        String home = dir.resolve("home").toString();
        Run demo = settle("--home", home, "demo", "--days", "2", "--clients", "5", "--payments-per-day", "40");
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        Path reconciliation = Path.of(home, "reports", FIRST_DAY, "reconciliation.pdf");
        String original = Sha256.of(reconciliation);

        // when the chain is verified up to the second day, then it is intact
        Run intact = settle("--home", home, "verify", SECOND_DAY);
        assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("intact");

        // when one byte of the first day's reconciliation.pdf changes
        byte[] bytes = Files.readAllBytes(reconciliation);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(reconciliation, bytes);
        Run tampered = settle("--home", home, "verify", SECOND_DAY);

        // then verify fails naming that file, and only that file
        assertThat(tampered.exitCode()).isEqualTo(SettleCommand.JOB_FAILED);
        String said = tampered.out() + tampered.err();
        assertThat(said).contains(FIRST_DAY + "/reconciliation.pdf changed");
        assertThat(said.lines().filter(line -> line.contains("TAMPERED"))).hasSize(1);

        // when the first day's reports are regenerated
        Run regenerated = settle("--home", home, "reports", FIRST_DAY);

        // then the books render to the bytes recorded, so the changed file is put back and no new version is made
        assertThat(regenerated.exitCode()).as(regenerated.out() + regenerated.err()).isZero();
        assertThat(regenerated.out()).contains("reports of " + FIRST_DAY + " version 1 render to the same bytes",
                "reconciliation.pdf " + original + " (restored: it had been changed)", "manifest.json",
                "positions.xlsx", "(same bytes)");
        assertThat(Path.of(home, "reports", FIRST_DAY, "v2")).doesNotExist();
        assertThat(Sha256.of(reconciliation)).isEqualTo(original);
        Run again = settle("--home", home, "verify", SECOND_DAY);
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();

        // then a day without reports does not verify
        Run missing = settle("--home", home, "verify", "2026-01-07");
        assertThat(missing.exitCode()).isEqualTo(SettleCommand.JOB_FAILED);
        assertThat(missing.out() + missing.err()).contains("2026-01-07/manifest.json is missing");
    }

    @Test
    void aRewriteOfTheLastDayIsFoundByWhatTheDatabaseRecordedAndItsKeyedHash() throws Exception {
        // given a home whose manifests are recorded with an HMAC under a key, and the demo's two days
        Path home = dir.resolve("keyed");
        Files.createDirectories(home);
        Files.writeString(home.resolve("settlement.yml"), "settlement:\n  reports:\n    manifest-key: not-a-real-secret\n");
        Run demo = settle("--home", home.toString(), "demo", "--days", "2", "--clients", "5", "--payments-per-day", "40");
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(settle("--home", home.toString(), "verify", SECOND_DAY).exitCode()).isZero();

        // when the last day's positions.xlsx is replaced and its manifest rewritten to match it (the chain alone would
        // not notice: no later manifest links to the last one)
        Path folder = home.resolve("reports").resolve(SECOND_DAY);
        Path positions = folder.resolve("positions.xlsx");
        byte[] bytes = Files.readAllBytes(positions);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(positions, bytes);
        Path manifest = folder.resolve("manifest.json");
        String forgedManifest = Files.readString(manifest).replaceAll("(\"name\" : \"positions.xlsx\",\\s*\"sha256\" : \")[0-9a-f]{64}",
                "$1" + Sha256.of(positions));
        Files.writeString(manifest, forgedManifest);
        Run rewritten = settle("--home", home.toString(), "verify", SECOND_DAY);

        // then verify names the manifest, by the SHA-256 the database recorded when it was written
        assertThat(rewritten.exitCode()).isEqualTo(SettleCommand.JOB_FAILED);
        assertThat(rewritten.err()).contains("TAMPERED: " + SECOND_DAY + "/manifest.json changed: the database recorded SHA-256");
        assertThat(rewritten.err().lines().filter(line -> line.contains("TAMPERED"))).hasSize(1);

        // when the record in the database is changed to match as well, the HMAC under the key gives it away
        try (var context = se.clientfunds.app.SettlementContext.start(home)) {
            context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).update("UPDATE report_version SET manifest_sha256 = ?"
                    + " WHERE business_date = ?", Sha256.of(manifest), java.sql.Date.valueOf(SECOND_DAY));
        }
        Run recordChanged = settle("--home", home.toString(), "verify", SECOND_DAY);
        assertThat(recordChanged.exitCode()).isEqualTo(SettleCommand.JOB_FAILED);
        assertThat(recordChanged.err()).contains("TAMPERED: " + SECOND_DAY + "/manifest.json: its keyed hash (HMAC-SHA256 with"
                + " settlement.reports.manifest-key) does not match");

        // when the keyed hash is taken away as well, then a keyed chain still does not accept a manifest without one
        try (var context = se.clientfunds.app.SettlementContext.start(home)) {
            context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).update("UPDATE report_version SET manifest_hmac = NULL"
                    + " WHERE business_date = ?", java.sql.Date.valueOf(SECOND_DAY));
        }
        Run hmacRemoved = settle("--home", home.toString(), "verify", SECOND_DAY);
        assertThat(hmacRemoved.exitCode()).isEqualTo(SettleCommand.JOB_FAILED);
        assertThat(hmacRemoved.err()).contains("TAMPERED: " + SECOND_DAY + "/manifest.json: its keyed hash");

        // when every keyed hash is taken away, then the day kept in the settings since which all are keyed still catches it
        try (var context = se.clientfunds.app.SettlementContext.start(home)) {
            context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).update("UPDATE report_version SET manifest_hmac = NULL");
        }
        Files.writeString(home.resolve("settlement.yml"), "settlement:\n  reports:\n    manifest-key: not-a-real-secret\n"
                + "    manifest-key-since: " + SECOND_DAY + "\n");
        Run allRemoved = settle("--home", home.toString(), "verify", SECOND_DAY);
        assertThat(allRemoved.exitCode()).isEqualTo(SettleCommand.JOB_FAILED);
        assertThat(allRemoved.err().lines().filter(line -> line.contains("its keyed hash")))
                .singleElement().asString().contains(SECOND_DAY + "/manifest.json");
    }

    private static Run settle(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SettleCommand.execute(args, new Console(new PrintWriter(out, true), new PrintWriter(err, true), false));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
