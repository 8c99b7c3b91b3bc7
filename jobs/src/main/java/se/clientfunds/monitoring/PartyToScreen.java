package se.clientfunds.monitoring;

/**
 * A client, a debtor or a payer to screen against a sanctions list outside the allocation's screening.
 *
 * @param id       the client's or debtor's id as the extracts give it; for a payer, the payment's key
 * @param payment  for a payer, the payment (null for a client or debtor)
 * @param holdable for a payer, whether its money is still all in UNALLOCATED and not held: an exact hit holds it
 */
public record PartyToScreen(NewAlert.SubjectKind kind, String id, String name, PaymentToScreen payment, boolean holdable) {
}
