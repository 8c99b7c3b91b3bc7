package se.clientfunds.report.pdf;

/** How the resource compares to the requirement in one currency; a shortfall must be resolved by the next business day. */
public enum SafeguardingStatus {
    OK,
    EXCESS,
    SHORTFALL;

    /** The status of {@code difference} = resource − requirement. */
    public static SafeguardingStatus of(Amount difference) {
        return difference.minor() == 0 ? OK : difference.minor() > 0 ? EXCESS : SHORTFALL;
    }
}
