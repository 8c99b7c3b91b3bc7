package se.clientfunds.extract;

import java.math.BigDecimal;
import java.util.Currency;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/** Validates {@code clients.csv} rows into {@link ClientRecord}s. */
public final class ClientRowParser implements ExtractRowParser<ClientRecord> {

    private static final int CLIENT_ID = 0;
    private static final int ORG_NUMBER = 1;
    private static final int NAME = 2;
    private static final int CURRENCY = 3;
    private static final int PAYOUT_ACCOUNT = 4;
    private static final int PAYOUT_SCHEDULE = 5;
    private static final int FEE_FIXED = 6;
    private static final int FEE_PERCENT = 7;

    @Override
    public ExtractKind kind() {
        return ExtractKind.CLIENTS;
    }

    @Override
    public RowOutcome<ClientRecord> parse(ExtractRow row) {
        RowChecks checks = new RowChecks(ExtractKind.CLIENTS, row);
        String clientId = checks.id(CLIENT_ID);
        String organisationNumber = checks.organisationNumber(ORG_NUMBER);
        String name = checks.text(NAME, RowChecks.MAX_NAME_LENGTH);
        Currency currency = checks.currency(CURRENCY);
        Iban payoutAccount = checks.iban(PAYOUT_ACCOUNT);
        PayoutSchedule schedule = checks.oneOf(PAYOUT_SCHEDULE, PayoutSchedule.class);
        Money feeFixed = checks.money(FEE_FIXED, currency, RowChecks.Sign.NOT_NEGATIVE);
        BigDecimal feePercent = checks.percent(FEE_PERCENT);
        if (checks.hasProblems()) {
            return RowOutcome.invalid(checks.problems());
        }
        return RowOutcome.valid(new ClientRecord(row.line(), clientId, organisationNumber, name, currency,
                payoutAccount, schedule, feeFixed, feePercent));
    }
}
