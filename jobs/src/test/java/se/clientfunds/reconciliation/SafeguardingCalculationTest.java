package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.ledger.AccountKind;
import se.clientfunds.reconciliation.SafeguardingCalculation.AccountPosition;
import se.clientfunds.reconciliation.SafeguardingCalculation.AccountRun;
import se.clientfunds.reconciliation.SafeguardingCalculation.Figures;
import se.clientfunds.reconciliation.SafeguardingCalculation.OpenItem;

class SafeguardingCalculationTest {

    private static final String A = "SE4550000000058398257466";
    private static final String B = "SE5750000000000000007777";

    @Test
    void paymentsInTransitAreOwedAndTheScheduleExplainsTheDifferenceToTheOre() {
        // given books: BANK A 1,000.00; clients owed 600.00 and one client overdrawn by 20.00; unallocated 100.00;
        // debtor credit 50.00; the firm's fees 270.00 (BANK = 600 − 20 + 100 + 50 + 270 = 1,000)
        List<AccountPosition> positions = List.of(
                new AccountPosition(AccountKind.BANK, "BANK:" + A, "SEK", 100_000),
                new AccountPosition(AccountKind.CLIENT, "CLIENT:C1", "SEK", 60_000),
                new AccountPosition(AccountKind.CLIENT, "CLIENT:C2", "SEK", -2_000),
                new AccountPosition(AccountKind.UNALLOCATED, "UNALLOCATED", "SEK", 10_000),
                new AccountPosition(AccountKind.DEBTOR_CREDIT, "DEBTOR_CREDIT", "SEK", 5_000),
                new AccountPosition(AccountKind.PLATFORM_FEES, "PLATFORM_FEES", "SEK", 27_000));
        // and the statement: a payout of 300.00 not debited yet, a receipt of 40.00 notified but not on the statement, a
        // bank charge of 5.00 and a credit of 12.00 the books do not have, a payment 1.00 short on the statement, a
        // residual of −0.50 and a write-off of 2.00; statement = 1,000 + 300 − 40 − 5 + 12 − 1 − 0.50 + 2 = 1,267.50
        List<OpenItem> open = List.of(
                new OpenItem(A, BreakType.MISSING_IN_BANK, 0, -30_000, "PAYOUT"),
                new OpenItem(A, BreakType.MISSING_IN_BANK, 0, 4_000, "PAYMENT_RECEIVED"),
                new OpenItem(A, BreakType.MISSING_IN_BOOKS, -500, 0, null),
                new OpenItem(A, BreakType.MISSING_IN_BOOKS, 1_200, 0, null),
                new OpenItem(A, BreakType.AMOUNT_DIFFERENCE, 9_900, 10_000, "PAYMENT_RECEIVED"));
        List<AccountRun> accounts = List.of(new AccountRun(A, "SEK", 126_750L, -50, 200, 0L, 100_000));

        // when
        Figures sek = SafeguardingCalculation.compute(positions, accounts, open, List.of("SEK")).get(0);

        // then the requirement counts the payout still on its way, the overdrawn client is not netted
        assertThat(sek.clientMoney()).isEqualTo(60_000 + 10_000 + 5_000);
        assertThat(sek.inTransit()).isEqualTo(30_000);
        assertThat(sek.inTransitCount()).isEqualTo(1);
        assertThat(sek.requirement()).isEqualTo(105_000);
        assertThat(sek.resource()).isEqualTo(126_750);
        assertThat(sek.difference()).isEqualTo(21_750);
        assertThat(sek.status()).isEqualTo("EXCESS");
        // and every line of the schedule, which adds up to resource − client money
        assertThat(sek.firmFees()).isEqualTo(27_000);
        assertThat(sek.receiptsNotOnStatement()).isEqualTo(-4_000);
        assertThat(sek.bankChargesNotBooked()).isEqualTo(-500);
        assertThat(sek.bankCreditsNotBooked()).isEqualTo(1_200);
        assertThat(sek.amountDifferences()).isEqualTo(-100);
        assertThat(sek.negativeBalances()).isEqualTo(-2_000);
        assertThat(sek.residuals()).isEqualTo(-50);
        assertThat(sek.writtenOff()).isEqualTo(200);
        assertThat(sek.unexplained()).isZero();
        assertThat(sek.notConfirmed()).isZero();
        assertThat(sek.resourceComplete()).isTrue();
        assertThat(sek.inTransit() + sek.firmFees() + sek.receiptsNotOnStatement() + sek.bankCreditsNotBooked()
                + sek.bankChargesNotBooked() + sek.amountDifferences() + sek.otherBookEntries() + sek.negativeBalances()
                + sek.residuals() + sek.writtenOff() + sek.unexplained() + sek.notConfirmed())
                .isEqualTo(sek.resource() - sek.clientMoney());
    }

    @Test
    void anAccountWithoutAStatementIsNotConfirmedAndItsPayoutsStillOwed() {
        // given two accounts; B's statement did not arrive: its books hold 500.00 of which a 100.00 payout is in transit
        List<AccountPosition> positions = List.of(
                new AccountPosition(AccountKind.BANK, "BANK:" + A, "SEK", 20_000),
                new AccountPosition(AccountKind.BANK, "BANK:" + B, "SEK", 50_000),
                new AccountPosition(AccountKind.CLIENT, "CLIENT:C1", "SEK", 70_000));
        List<OpenItem> open = List.of(new OpenItem(B, BreakType.MISSING_IN_BANK, 0, -10_000, "PAYOUT"));
        List<AccountRun> accounts = List.of(new AccountRun(A, "SEK", 20_000L, 0, 0, 0L, 20_000),
                new AccountRun(B, "SEK", null, 0, 0, null, 50_000));

        // when
        Figures sek = SafeguardingCalculation.compute(positions, accounts, open, List.of("SEK")).get(0);

        // then the resource is A's statement only, said to be incomplete, and B's books are shown as not confirmed
        assertThat(sek.resource()).isEqualTo(20_000);
        assertThat(sek.resourceComplete()).isFalse();
        assertThat(sek.inTransit()).isEqualTo(10_000);
        assertThat(sek.notConfirmed()).isEqualTo(-60_000);
        assertThat(sek.requirement()).isEqualTo(80_000);
        assertThat(sek.difference()).isEqualTo(-60_000);
        assertThat(sek.status()).as("no statement: nobody knows whether it is short").isEqualTo("UNCONFIRMED");
    }

    @Test
    void booksAndReconciliationThatDisagreeAreRefusedRatherThanExplainedAway() {
        // given a statement 1.00 higher than the books with nothing to explain it and no unexplained difference recorded
        List<AccountPosition> positions = List.of(new AccountPosition(AccountKind.BANK, "BANK:" + A, "SEK", 10_000),
                new AccountPosition(AccountKind.CLIENT, "CLIENT:C1", "SEK", 10_000));
        List<AccountRun> accounts = List.of(new AccountRun(A, "SEK", 10_100L, 0, 0, 0L, 10_000));

        // then
        assertThatThrownBy(() -> SafeguardingCalculation.compute(positions, accounts, List.of(), List.of("SEK")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("safeguarding of SEK: the reconciling schedule adds up to 0 but resource − client money is 100 (minor"
                        + " units): the books and the reconciliation do not agree");
    }
}
