package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.app.Console;

/**
 * The reconciliation commands ({@code reconciliation}, {@code breaks}, {@code safeguarding}) on a home where the demo
 * ran two business days, the bank debiting the first day's payment orders on the second day's statement.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationCommandsIT {

    private static final String SECOND_DAY = "2026-01-05";

    @TempDir
    static Path dir;

    private static String home;

    @BeforeAll
    static void runTwoDemoDays() {
        home = dir.resolve("home").toString();
        Run demo = settle("--home", home, "demo", "--days", "2", "--clients", "5", "--payments-per-day", "40");
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("reconcileJob 2026-01-05: ", "nothing needs attention");
    }

    @Test
    @Order(1)
    void reconciliationShowsTheRulesTheRollForwardAndAProvenBalance() {
        // when
        Run run = settle("--home", home, "reconciliation", SECOND_DAY, "--format", "csv");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", se.clientfunds.app.DayTables.RECONCILIATION));
        assertThat(lines).hasSize(2);
        List<String> row = List.of(lines.get(1).split(",", -1));
        assertThat(row.get(0)).isEqualTo("SE4550000000058398257466");
        assertThat(Integer.parseInt(row.get(2))).as("matched by reference").isGreaterThanOrEqualTo(30);
        assertThat(Integer.parseInt(row.get(3))).as("the first day's payment batch, debited today").isPositive();
        int opening = Integer.parseInt(row.get(6));
        int opened = Integer.parseInt(row.get(7));
        int cleared = Integer.parseInt(row.get(8));
        int closing = Integer.parseInt(row.get(9));
        assertThat(opening + opened - cleared).isEqualTo(closing);
        assertThat(cleared).as("the first day's payouts, cleared by the debit").isPositive();
        BigDecimal statement = new BigDecimal(row.get(14));
        BigDecimal books = new BigDecimal(row.get(15));
        BigDecimal bankOnly = new BigDecimal(row.get(16));
        BigDecimal booksOnly = new BigDecimal(row.get(17));
        BigDecimal residuals = new BigDecimal(row.get(18));
        BigDecimal resolved = new BigDecimal(row.get(19));
        assertThat(statement.subtract(books)).isEqualByComparingTo(bankOnly.subtract(booksOnly).add(residuals).add(resolved));
        assertThat(row.get(20)).isEqualTo("0.00");
        assertThat(row.get(21)).isEqualTo("RECONCILED");
    }

    @Test
    @Order(2)
    void safeguardingComparesWhatIsOwedWithWhatTheBankHolds() {
        Run run = settle("--home", home, "safeguarding", SECOND_DAY, "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("currency,requirement,resource,difference,status");
        List<String> row = List.of(lines.get(1).split(","));
        assertThat(row.get(0)).isEqualTo("SEK");
        assertThat(new BigDecimal(row.get(2)).subtract(new BigDecimal(row.get(1)))).isEqualByComparingTo(new BigDecimal(row.get(3)));
        assertThat(row.get(4)).isIn("OK", "EXCESS");
    }

    @Test
    @Order(3)
    void breaksListTodaysPaymentOrdersUntilTheBankDebitsThem() {
        Run run = settle("--home", home, "breaks", SECOND_DAY, "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,account,type,amount,currency,reference,booking_date,age_days,status");
        assertThat(lines.subList(1, lines.size())).anySatisfy(line ->
                assertThat(line).contains(",MISSING_IN_BANK,").contains(",PO-20260105-").endsWith(",2026-01-05,0,OPEN"));
        assertThat(lines.subList(1, lines.size())).noneSatisfy(line -> assertThat(line).contains(",PO-20260102-"));
    }

    @Test
    @Order(4)
    void anOperatorResolvesABreakWithAReasonOnceAndOnlyOnce() {
        // given
        Run breaks = settle("--home", home, "breaks", SECOND_DAY, "--format", "csv");
        String id = breaks.out().lines().skip(1).findFirst().orElseThrow().split(",")[0];

        // when / then
        Run resolved = settle("--home", home, "breaks", "resolve", id, "--reason", "timing: the bank books it tomorrow",
                "--operator", "anna");
        assertThat(resolved.exitCode()).as(resolved.err()).isZero();
        assertThat(resolved.out()).contains("break " + id + " resolved by anna: timing: the bank books it tomorrow");
        Run again = settle("--home", home, "breaks", "resolve", id, "--reason", "again");
        assertThat(again.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(again.err()).contains("break " + id + " is resolved already");
        Run unknown = settle("--home", home, "breaks", "explain", "999999", "--reason", "x");
        assertThat(unknown.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(unknown.err()).contains("break 999999: no such break");
        Run noReason = settle("--home", home, "breaks", "resolve", id);
        assertThat(noReason.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
    }

    @Test
    @Order(5)
    void aDayNotReconciledIsAnInputError() {
        Run run = settle("--home", home, "safeguarding", "2026-02-02");
        assertThat(run.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(run.err()).contains("business day 2026-02-02 has not been reconciled");
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
