package se.clientfunds.report.pdf;

/**
 * One currency's safeguarding position: the requirement (CLIENT + UNALLOCATED + DEBTOR_CREDIT) against the resource
 * (closing booked balance of the client-funds accounts); difference and status follow from them.
 *
 * @param resourceComplete false when a client-funds account's statement for the day is missing from the resource
 */
public record SafeguardingPosition(Amount client, Amount unallocated, Amount debtorCredit, Amount resource,
                                   boolean resourceComplete) {

    public SafeguardingPosition {
        if (client == null) {
            throw new IllegalArgumentException("client is missing");
        }
        Amount.require("unallocated", unallocated, client.currency());
        Amount.require("debtorCredit", debtorCredit, client.currency());
        Amount.require("resource", resource, client.currency());
    }

    public String currency() {
        return client.currency();
    }

    public Amount requirement() {
        return client.plus(unallocated).plus(debtorCredit);
    }

    /** Resource − requirement: positive is an excess, negative a shortfall. */
    public Amount difference() {
        return resource.minus(requirement());
    }

    public SafeguardingStatus status() {
        return SafeguardingStatus.of(difference());
    }
}
