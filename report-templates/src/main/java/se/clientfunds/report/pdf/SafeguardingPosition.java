package se.clientfunds.report.pdf;

import se.clientfunds.report.Amount;

/**
 * One currency's safeguarding position (DESIGN §2.5): the requirement (CLIENT + UNALLOCATED + DEBTOR_CREDIT, each
 * account only when owed, + the payments in transit, owed until the bank debits them) against the resource (the
 * statements' closing balances of the client-funds accounts); the difference is explained by the reconciling schedule.
 *
 * @param inTransitCount   how many payouts and refunds are in transit
 * @param resourceComplete false when a client-funds account's statement for the day is missing from the resource
 * @param schedule         what explains resource − client money to the öre; must add up to exactly that
 */
public record SafeguardingPosition(Amount client, Amount unallocated, Amount debtorCredit, Amount inTransit, int inTransitCount,
                                   Amount resource, boolean resourceComplete, ReconcilingSchedule schedule) {

    public SafeguardingPosition {
        if (client == null) {
            throw new IllegalArgumentException("client is missing");
        }
        Amount.require("unallocated", unallocated, client.currency());
        Amount.require("debtorCredit", debtorCredit, client.currency());
        Amount.require("inTransit", inTransit, client.currency());
        Amount.require("resource", resource, client.currency());
        if (inTransitCount < 0 || inTransit.minor() < 0) {
            throw new IllegalArgumentException("payments in transit " + inTransitCount + " of " + inTransit + " are negative");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("the reconciling schedule of " + client.currency() + " is missing");
        }
        if (!schedule.currency().equals(client.currency())) {
            throw new IllegalArgumentException("the reconciling schedule is in " + schedule.currency() + ", expected "
                    + client.currency());
        }
        if (!schedule.inTransit().equals(inTransit)) {
            throw new IllegalArgumentException("the schedule's payments in transit " + schedule.inTransit() + " are not the "
                    + "requirement's " + inTransit);
        }
        Amount explained = resource.minus(client.plus(unallocated).plus(debtorCredit));
        if (!schedule.total().equals(explained)) {
            throw new IllegalArgumentException("the reconciling schedule of " + client.currency() + " adds up to "
                    + schedule.total() + ", but resource − client money is " + explained);
        }
    }

    public String currency() {
        return client.currency();
    }

    /** CLIENT + UNALLOCATED + DEBTOR_CREDIT: what the books owe clients and payers. */
    public Amount clientMoney() {
        return client.plus(unallocated).plus(debtorCredit);
    }

    /** Client money + payments in transit. */
    public Amount requirement() {
        return clientMoney().plus(inTransit);
    }

    /** Resource − requirement: positive is an excess, negative a shortfall. */
    public Amount difference() {
        return resource.minus(requirement());
    }

    public SafeguardingStatus status() {
        return SafeguardingStatus.of(difference(), resourceComplete);
    }
}
