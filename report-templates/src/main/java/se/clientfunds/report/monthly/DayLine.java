package se.clientfunds.report.monthly;

import java.time.LocalDate;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.SafeguardingStatus;

/**
 * One business day's safeguarding in one currency, as the return lists it: requirement and resource; the difference
 * (resource − requirement) and its status follow from them.
 *
 * @param resourceComplete false when a client-funds account's statement for the day was missing from the resource
 */
public record DayLine(LocalDate date, Amount requirement, Amount resource, boolean resourceComplete) {

    public DayLine {
        if (date == null) {
            throw new IllegalArgumentException("date is missing");
        }
        if (requirement == null) {
            throw new IllegalArgumentException("requirement of " + date + " is missing");
        }
        if (resource == null) {
            throw new IllegalArgumentException("resource of " + date + " is missing");
        }
        if (!resource.currency().equals(requirement.currency())) {
            throw new IllegalArgumentException("resource of " + date + " is in " + resource.currency() + ", the requirement in "
                    + requirement.currency());
        }
    }

    public String currency() {
        return requirement.currency();
    }

    /** Resource − requirement: positive is an excess, negative a shortfall. */
    public Amount difference() {
        return resource.minus(requirement);
    }

    public SafeguardingStatus status() {
        return SafeguardingStatus.of(difference(), resourceComplete);
    }

    public boolean shortfall() {
        return status() == SafeguardingStatus.SHORTFALL;
    }
}
