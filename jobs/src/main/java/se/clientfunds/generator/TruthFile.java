package se.clientfunds.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import se.clientfunds.money.Money;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes truth.json: the settings, per-day control totals, and every planted anomaly with the treatment expected
 * for it. Streamed, because a million payments plant tens of thousands of anomalies.
 */
final class TruthFile {

    // the line feed is fixed, not the platform's, so the file hashes the same on every machine
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    private TruthFile() {
    }

    static Map<AnomalyType, Long> write(Path file, DemoDataSettings settings, PaymentPlanner planner,
                                        List<DayTotals> days, long invoices, long refunds) {
        EnumMap<AnomalyType, Long> counts = new EnumMap<>(AnomalyType.class);
        for (AnomalyType type : AnomalyType.values()) {
            counts.put(type, 0L);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator json = new JsonFactory().createGenerator(prettyPrinting(), out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringProperty("generator", "DemoDataGenerator");
            writeSettings(json, settings, planner);
            writeDays(json, days);
            json.writeName("anomalies");
            json.writeStartArray();
            for (long i = 0; i < planner.paymentCount(); i++) {
                PlannedPayment payment = planner.payment(i);
                if (payment.anomaly() != null) {
                    writeAnomaly(json, payment);
                    counts.merge(payment.anomaly(), 1L, Long::sum);
                }
            }
            json.writeEndArray();
            if (settings.monitoringPatterns()) {
                writeMonitoring(json, settings, planner);
            }
            json.writeName("totals");
            json.writeStartObject();
            json.writeNumberProperty("payments", planner.paymentCount());
            json.writeNumberProperty("invoices", invoices);
            json.writeNumberProperty("refunds", refunds);
            json.writeNumberProperty("anomalies", counts.values().stream().mapToLong(Long::longValue).sum());
            json.writeName("anomaliesByType");
            json.writeStartObject();
            for (Map.Entry<AnomalyType, Long> count : counts.entrySet()) {
                json.writeNumberProperty(count.getKey().name(), count.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            // a final line feed, as text files end
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return counts;
    }

    /**
     * The alerts the planted patterns raise with the demo's rules (LARGE_PAYMENT from 150,000, STRUCTURING 135,000 to
     * under 150,000 three times in five banking days, ROUND_AMOUNT from 60,000 in tens of thousands, ONE_PAYER_MANY_CLIENTS
     * eight clients in one banking day, REFUND_TO_OTHER_ACCOUNT, exact sanctions hits held, HIGH_RISK_COUNTRY with the
     * demo's list, VELOCITY over three times the median and from 500,000): rule, business date, subject and the
     * payments, as {@code iban/bank reference}.
     */
    private static void writeMonitoring(JsonGenerator json, DemoDataSettings settings, PaymentPlanner planner) {
        int perDay = settings.paymentsPerDay();
        json.writeName("monitoring");
        json.writeStartArray();
        writeExpected(json, "LARGE_PAYMENT", planner, PaymentPlanner.LARGE_PAYER, settings, null, 0);
        writeExpected(json, "SANCTIONS_MATCH", planner, PaymentPlanner.SANCTIONED_NAME, settings, null, 1);
        writeExpected(json, "ROUND_AMOUNT", planner, PaymentPlanner.ROUND_PAYER, settings, null, perDay);
        writeExpected(json, "REFUND_TO_OTHER_ACCOUNT", planner, PaymentPlanner.ROUND_PAYER, settings,
                planner.payment(perDay).refundId(), perDay);
        writeExpected(json, "ONE_PAYER_MANY_CLIENTS", planner, PaymentPlanner.MANY_CLIENTS_PAYER, settings, null,
                perDay + 3, perDay + 4, perDay + 5, perDay + 6, perDay + 7, perDay + 8, perDay + 9, perDay + 10);
        writeExpected(json, "STRUCTURING", planner, PaymentPlanner.STRUCTURING_PAYER, settings, null, 2, perDay + 2,
                2L * perDay + 2);
        writeExpected(json, "HIGH_RISK_COUNTRY", planner, PaymentPlanner.HIGH_RISK_DEBTOR, settings, null, 2L * perDay);
        // the spike's evidence is every payment of the day allocated to the client: the eight planted and its usual ones
        String client = PaymentPlanner.clientId(PaymentPlanner.VELOCITY_CLIENT);
        long[] toClient = java.util.stream.LongStream.range(2L * perDay, 3L * perDay).filter(index -> {
            PlannedPayment payment = planner.payment(index);
            // a payment without an invoice is not allocated; a second payment of a paid invoice is all debtor credit
            return payment.invoice() != null && payment.anomaly() != AnomalyType.DUPLICATE_PAYMENT
                    && payment.invoice().clientId().equals(client);
        }).toArray();
        writeExpected(json, "VELOCITY", planner, client, settings, null, toClient);
        // the sanctioned payer is also the debtor of the invoice it paid: the list's arrival screens debtors too
        json.writeStartObject();
        json.writeStringProperty("rule", "SANCTIONS_MATCH");
        json.writeStringProperty("subjectKind", "DEBTOR");
        json.writeStringProperty("businessDate", planner.dayOf(1).toString());
        json.writeStringProperty("subject", PaymentPlanner.SANCTIONED_NAME);
        json.writeName("payments");
        json.writeStartArray();
        json.writeEndArray();
        json.writeBooleanProperty("held", false);
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void writeExpected(JsonGenerator json, String rule, PaymentPlanner planner, String subject,
                                      DemoDataSettings settings, String refundId, long... indexes) {
        json.writeStartObject();
        json.writeStringProperty("rule", rule);
        json.writeStringProperty("subjectKind", switch (rule) {
            case "VELOCITY" -> "CLIENT";
            case "HIGH_RISK_COUNTRY" -> "DEBTOR";
            default -> "PAYER";
        });
        json.writeStringProperty("businessDate", planner.dayOf(indexes[indexes.length - 1]).toString());
        json.writeStringProperty("subject", subject);
        if (refundId != null) {
            json.writeStringProperty("refundId", refundId);
        }
        json.writeName("payments");
        json.writeStartArray();
        for (long index : indexes) {
            json.writeString(settings.account().value() + "/" + planner.reference(index));
        }
        json.writeEndArray();
        json.writeBooleanProperty("held", "SANCTIONS_MATCH".equals(rule));
        json.writeEndObject();
    }

    private static ObjectWriteContext prettyPrinting() {
        return new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return new DefaultPrettyPrinter().withObjectIndenter(INDENTER).withArrayIndenter(INDENTER);
            }

            @Override
            public boolean hasPrettyPrinter() {
                return true;
            }
        };
    }

    private static void writeSettings(JsonGenerator json, DemoDataSettings settings, PaymentPlanner planner) {
        // the output folder is left out on purpose: two runs into different folders must give the same bytes
        json.writeName("settings");
        json.writeStartObject();
        json.writeNumberProperty("clients", settings.clients());
        json.writeNumberProperty("days", settings.days());
        json.writeNumberProperty("paymentsPerDay", settings.paymentsPerDay());
        json.writeNumberProperty("seed", settings.seed());
        json.writeStringProperty("start", settings.start().toString());
        json.writeStringProperty("firstBankingDay", planner.days().get(0).toString());
        json.writeStringProperty("lastBankingDay", planner.days().get(planner.days().size() - 1).toString());
        json.writeNumberProperty("anomalyPerMille", settings.anomalyPerMille());
        json.writeStringProperty("account", settings.account().value());
        json.writeStringProperty("currency", settings.currency().getCurrencyCode());
        json.writeEndObject();
    }

    private static void writeDays(JsonGenerator json, List<DayTotals> days) {
        json.writeName("days");
        json.writeStartArray();
        for (DayTotals day : days) {
            json.writeStartObject();
            json.writeStringProperty("businessDate", day.businessDate().toString());
            json.writeName("camt054");
            json.writeStartObject();
            json.writeStringProperty("file", day.notificationFile());
            json.writeNumberProperty("count", day.notified().creditCount());
            json.writeStringProperty("sum", day.notified().creditSum().toDecimalString());
            json.writeEndObject();
            json.writeName("camt053");
            json.writeStartObject();
            json.writeStringProperty("file", day.statementFile());
            json.writeNumberProperty("electronicSequenceNumber", day.sequenceNumber());
            writeBalance(json, "opening", day.opening());
            writeCount(json, "credits", day.booked().creditCount(), day.booked().creditSum());
            writeCount(json, "debits", day.booked().debitCount(), day.booked().debitSum());
            writeBalance(json, "closing", day.closing());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeBalance(JsonGenerator json, String name, Money balance) {
        json.writeStringProperty(name, balance.toDecimalString());
    }

    private static void writeCount(JsonGenerator json, String name, long count, Money sum) {
        json.writeName(name);
        json.writeStartObject();
        json.writeNumberProperty("count", count);
        json.writeStringProperty("sum", sum.toDecimalString());
        json.writeEndObject();
    }

    private static void writeAnomaly(JsonGenerator json, PlannedPayment payment) {
        AnomalyType type = payment.anomaly();
        boolean fee = type == AnomalyType.BANK_FEE_ON_STATEMENT_ONLY;
        json.writeStartObject();
        json.writeStringProperty("type", type.name());
        json.writeStringProperty("businessDate", payment.businessDate().toString());
        // a bank fee is its own statement entry; the payment it was booked beside is only context
        json.writeStringProperty("paymentRef", fee ? payment.bankFeeReference() : payment.accountServicerReference());
        if (fee) {
            json.writeStringProperty("relatedPaymentRef", payment.accountServicerReference());
        } else {
            json.writeStringProperty("endToEndId", payment.endToEndId());
            if (payment.invoice() != null) {
                json.writeStringProperty("invoiceId", payment.invoice().invoiceId());
            }
            json.writeStringProperty("ocr", payment.ocr());
        }
        Money amount = fee ? payment.bankFee() : payment.amount();
        json.writeStringProperty("amount", amount.toDecimalString());
        json.writeStringProperty("currency", amount.currency().getCurrencyCode());
        switch (type) {
            case UNDERPAYMENT -> {
                json.writeStringProperty("invoiceAmount", payment.invoice().amount().toDecimalString());
                json.writeStringProperty("outstanding", payment.invoice().amount().minus(payment.amount()).toDecimalString());
            }
            case OVERPAYMENT -> {
                json.writeStringProperty("invoiceAmount", payment.invoice().amount().toDecimalString());
                json.writeStringProperty("excess", payment.excess().toDecimalString());
                if (payment.refundId() != null) {
                    json.writeStringProperty("refundId", payment.refundId());
                }
            }
            case DUPLICATE_PAYMENT -> json.writeStringProperty("relatedPaymentRef", payment.relatedPaymentRef());
            default -> {
                // nothing beyond the common fields
            }
        }
        json.writeStringProperty("expected", type.expected());
        json.writeEndObject();
    }
}
