package se.clientfunds.monitoring;

import java.time.LocalDate;

import se.clientfunds.money.Money;

/**
 * An incoming payment as the rules see it.
 *
 * @param key    {@code iban/bank reference}
 * @param payer  the payer's name as the bank gave it (may be empty)
 * @param day    the business day the payment entered the books
 */
public record PaymentFact(String key, String payer, Money amount, LocalDate day) {
}
