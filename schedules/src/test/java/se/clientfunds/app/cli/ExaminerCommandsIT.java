package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.app.Console;

/**
 * The day as an operator and an examiner meet it on the command line: a day waiting for its statement, a statement
 * that comes after the day closed, a break's history, an action about safeguarding, the resolution pack.
 */
class ExaminerCommandsIT {

    private static final String FIRST = "2026-01-02";
    private static final String SECOND = "2026-01-05";

    @TempDir
    Path dir;

    @Test
    void aDayWaitsForItsStatementWithExitThreeAndClosesWhenItComes() throws Exception {
        // given a generated day whose statement is held back
        Path generated = dir.resolve("generated");
        assertThat(settle("generate", "--out", generated.toString(), "--clients", "4", "--days", "1", "--payments-per-day", "20")
                .exitCode()).isZero();
        Path home = dir.resolve("home");
        Path inbox = home.resolve("inbox");
        Files.createDirectories(inbox);
        for (String file : List.of("clients.csv", "invoices.csv", "refunds.csv", "camt054-20260102.xml")) {
            Files.copy(generated.resolve(file), inbox.resolve(file));
        }

        // when
        Run early = settle("--home", home.toString(), "run-day", FIRST, "--operator", "anna", "--reason", "morning run");

        // then it says what it waits for, prints its figures as provisional, exits 3 and wrote no payment file
        assertThat(early.exitCode()).as(early.out() + early.err()).isEqualTo(SettleCommand.NEEDS_ATTENTION);
        assertThat(early.err()).contains("NEEDS ATTENTION: " + FIRST + " is waiting for its statement: no camt.053 or MT940"
                + " closing on " + FIRST + " for SE4550000000058398257466");
        assertThat(early.out()).contains("books (provisional, " + FIRST + " is not closed): BANK:SE4550000000058398257466");
        assertThat(home.resolve("outbox/pain001-20260102.xml")).doesNotExist();

        // when the statement arrives and the day is run again
        Files.copy(generated.resolve("camt053-20260102.xml"), inbox.resolve("camt053-20260102.xml"));
        Run onTime = settle("--home", home.toString(), "run-day", FIRST);

        // then it closes
        assertThat(onTime.exitCode()).as(onTime.out() + onTime.err()).isIn(SettleCommand.OK, SettleCommand.NEEDS_ATTENTION);
        assertThat(onTime.out()).contains("closeBusinessDayJob " + FIRST + ": closed " + FIRST, "books: BANK:");
        assertThat(home.resolve("reports").resolve(FIRST).resolve("manifest.json")).exists();
    }

    @Test
    void historyActionsAndTheResolutionPackOnADemoHome() throws Exception {
        // given the demo's two days
        String home = dir.resolve("demo").toString();
        Run demo = settle("--home", home, "demo", "--days", "2", "--clients", "5", "--payments-per-day", "40");
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isIn(SettleCommand.OK, SettleCommand.NEEDS_ATTENTION);

        // when a closed day with its statement is reconciled again, then there is nothing new
        Run nothingNew = settle("--home", home, "reconcile", FIRST);
        assertThat(nothingNew.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(nothingNew.err()).contains("nothing new to reconcile for " + FIRST);

        // when a break is explained twice, then its history keeps both, after its opening
        String id = settle("--home", home, "breaks", SECOND, "--format", "csv").out().lines().skip(1).findFirst().orElseThrow()
                .split(",")[0];
        assertThat(settle("--home", home, "breaks", "explain", id, "--reason", "asked the bank", "--operator", "anna").exitCode())
                .isZero();
        assertThat(settle("--home", home, "breaks", "explain", id, "--reason", "bank confirms a fee", "--operator", "bo").exitCode())
                .isZero();
        Run history = settle("--home", home, "breaks", "history", id, "--format", "csv");
        assertThat(history.exitCode()).as(history.err()).isZero();
        List<String> events = history.out().lines().toList();
        assertThat(events.get(0)).isEqualTo("business_date,run,event,rule,operator,reason,recorded_at");
        assertThat(events).hasSize(4);
        assertThat(events.get(1)).contains(",OPENED,");
        assertThat(events.get(2)).contains(",EXPLAINED,", "anna", "asked the bank");
        assertThat(events.get(3)).contains(",EXPLAINED,", "bo", "bank confirms a fee");

        // when an action about the second day's safeguarding is recorded
        Run action = settle("--home", home, "safeguarding", "action", SECOND, "--type", "OTHER", "--amount", "0.00", "--reason",
                "reviewed: the difference is the firm's fees", "--operator", "cecilia");
        Run badAmount = settle("--home", home, "safeguarding", "action", SECOND, "--type", "TOP_UP", "--amount", "12",
                "--reason", "x");

        // then the second day's reports get a second version beside the first, and the chain verifies
        assertThat(action.exitCode()).as(action.out() + action.err()).isZero();
        assertThat(action.out()).contains("safeguarding action recorded about " + SECOND + ": OTHER 0.00 SEK by cecilia",
                "written as version 2", Path.of(home, "reports", SECOND, "v2").toString());
        assertThat(badAmount.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(badAmount.err()).contains("amount '12' must have exactly 2 decimals for SEK");
        assertThat(settle("--home", home, "verify", SECOND).exitCode()).isZero();

        // when the resolution pack of the day is written, then it holds version 2 and the lists
        Run pack = settle("--home", home, "resolution-pack", SECOND);
        assertThat(pack.exitCode()).as(pack.out() + pack.err()).isZero();
        assertThat(pack.out()).contains("(reports version 2)", "filings/resolution-pack-" + SECOND + ".zip", "unallocated.csv",
                "debtor-credit.csv", "client-balances.csv", "accounts.csv", "index.txt");
        assertThat(Path.of(home, "filings", "resolution-pack-" + SECOND + ".zip")).isRegularFile();
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
