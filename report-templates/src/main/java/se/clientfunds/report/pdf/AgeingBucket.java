package se.clientfunds.report.pdf;

/** The ageing buckets of breaks, by age in banking days: 0–1, 2–5, 6–10 and over 10. */
public enum AgeingBucket {
    DAYS_0_1,
    DAYS_2_5,
    DAYS_6_10,
    OVER_10;

    public static AgeingBucket of(int ageBankingDays) {
        if (ageBankingDays < 0) {
            throw new IllegalArgumentException("ageBankingDays " + ageBankingDays + " is negative");
        }
        return ageBankingDays <= 1 ? DAYS_0_1 : ageBankingDays <= 5 ? DAYS_2_5 : ageBankingDays <= 10 ? DAYS_6_10 : OVER_10;
    }
}
