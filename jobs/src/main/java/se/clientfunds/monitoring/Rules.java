package se.clientfunds.monitoring;

import java.util.List;

/** What the rules share: how a payer is named and how a set of payments is keyed. */
final class Rules {

    private Rules() {
    }

    /** The payer as an alert names them; a payment without a name is its own subject. */
    static String payer(PaymentFact payment) {
        return payment.payer() == null || payment.payer().isBlank() ? "(no name) " + payment.key() : payment.payer().strip();
    }

    /** The payments an alert rests on, as one key: their references in order, or their SHA-256 when that is too long. */
    static String evidenceKey(List<String> keys) {
        String joined = String.join(" ", keys);
        return joined.length() <= 300 ? joined : "sha256:" + se.clientfunds.files.Sha256.ofText(joined);
    }
}
