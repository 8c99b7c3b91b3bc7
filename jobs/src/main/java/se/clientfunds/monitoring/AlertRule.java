package se.clientfunds.monitoring;

/** The rules that raise alerts (DESIGN §2.6), as alerts and configuration name them. */
public enum AlertRule {
    LARGE_PAYMENT, STRUCTURING, REFUND_TO_OTHER_ACCOUNT, ONE_PAYER_MANY_CLIENTS, ROUND_AMOUNT, HIGH_RISK_COUNTRY, VELOCITY,
    SANCTIONS_MATCH
}
