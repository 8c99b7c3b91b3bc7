package se.clientfunds.report.pdf;

import se.clientfunds.report.Amount;

/** The breaks of an account still open (open or explained) in one ageing bucket: how many and their sum. */
public record AgeingTotal(AgeingBucket bucket, long count, Amount amount) {

    public AgeingTotal {
        if (bucket == null) {
            throw new IllegalArgumentException("bucket is missing");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " of bucket " + bucket + " is negative");
        }
        if (amount == null) {
            throw new IllegalArgumentException("amount of bucket " + bucket + " is missing");
        }
    }
}
