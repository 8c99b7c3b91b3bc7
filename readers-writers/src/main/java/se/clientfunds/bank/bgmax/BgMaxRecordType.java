package se.clientfunds.bank.bgmax;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The BGMax transaction codes (TK) we know, with the position where each record's last field ends: a line may stop
 * there (transfer tools strip trailing blanks, and real files end in a 34-character TK70) but not before.
 */
enum BgMaxRecordType {

    START("01", 45, false),
    DEPOSIT_OPENING("05", 25, false),
    PAYMENT("20", 70, false),
    DEDUCTION("21", 71, false),
    EXTRA_REFERENCE("22", 70, false),
    NEGATIVE_EXTRA_REFERENCE("23", 70, false),
    INFORMATION("25", 2, true),
    NAME("26", 2, true),
    ADDRESS("27", 2, true),
    TOWN("28", 2, true),
    ORGANISATION_NUMBER("29", 2, false),
    DEPOSIT_END("15", 79, false),
    END("70", 34, false);

    private static final Map<String, BgMaxRecordType> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(BgMaxRecordType::code, Function.identity()));

    private final String code;
    private final int lastFieldEnd;
    private final boolean freeText;

    BgMaxRecordType(String code, int lastFieldEnd, boolean freeText) {
        this.code = code;
        this.lastFieldEnd = lastFieldEnd;
        this.freeText = freeText;
    }

    /** The record type for a two-character code, or null when BGMax has none such. */
    static BgMaxRecordType of(String code) {
        return BY_CODE.get(code);
    }

    String code() {
        return code;
    }

    /** The 1-based position where the record's last field ends; a shorter line has lost part of a field. */
    int lastFieldEnd() {
        return lastFieldEnd;
    }

    /** Records of free text only (names, addresses, messages), where a tab typed by a payer is tolerated. */
    boolean freeText() {
        return freeText;
    }

    @Override
    public String toString() {
        return "TK" + code;
    }
}
