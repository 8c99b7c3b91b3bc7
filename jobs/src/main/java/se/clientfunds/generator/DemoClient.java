package se.clientfunds.generator;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/** One client of the billing platform as the generator derives it; fee percent in basis points (125 = 1.25 %). */
record DemoClient(String clientId, String orgNumber, String name, Iban payoutAccount, String payoutSchedule,
                  Money feeFixed, int feePercentBasisPoints) {
}
