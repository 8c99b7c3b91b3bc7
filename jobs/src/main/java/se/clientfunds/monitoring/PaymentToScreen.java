package se.clientfunds.monitoring;

import java.time.LocalDate;

import se.clientfunds.money.Money;

/** An incoming payment waiting for allocation, as screening sees it: who paid, how much, on which account. */
public record PaymentToScreen(String accountIban, String bankReference, Money amount, LocalDate bookingDate, String payerName,
                              String references) {

    /** The payment as alerts and operators name it: {@code iban/bank reference}. */
    public String key() {
        return accountIban + "/" + bankReference;
    }
}
