package se.clientfunds.report.pdf;

/** How the firm safeguards its clients' money ({@code settlement.safeguarding.method}), printed on the statement. */
public enum SafeguardingMethod {
    /** Segregation in designated client-funds accounts. */
    SEGREGATION,
    /** An insurance policy covering the funds. */
    INSURANCE,
    /** A comparable guarantee from a bank or insurer. */
    GUARANTEE
}
