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

        // then the file has its old bytes again and the whole chain verifies
        assertThat(regenerated.exitCode()).as(regenerated.out() + regenerated.err()).isZero();
        assertThat(regenerated.out()).contains("reconciliation.pdf " + original + " (CHANGED)", "manifest.json",
                "positions.xlsx", "(same bytes)");
        assertThat(Sha256.of(reconciliation)).isEqualTo(original);
        Run again = settle("--home", home, "verify", SECOND_DAY);
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();

        // then a day without reports does not verify
        Run missing = settle("--home", home, "verify", "2026-01-07");
        assertThat(missing.exitCode()).isEqualTo(SettleCommand.JOB_FAILED);
        assertThat(missing.out() + missing.err()).contains("2026-01-07/manifest.json is missing");
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
