package se.clientfunds.bank.mt940;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be recognised in an MT940 {@code :86:} "information to account owner" field. Three layouts are known:
 * the German/SEPA one with {@code ?00}-{@code ?63} subfields after a three-digit business transaction code (GVC),
 * whose purpose lines carry {@code EREF+}, {@code SVWZ+} and other SEPA identifiers; the Dutch one with
 * {@code /EREF/}, {@code /NAME/}, {@code /REMI/} keywords; and free text, kept whole as remittance text.
 * Anything not recognised is null.
 *
 * @param transactionCode the GVC of the German layout ({@code 166}), or null
 * @param postingText     the bank's name for the kind of booking ({@code ?00}), or null
 * @param endToEndId      the SEPA end-to-end id ({@code EREF+}, {@code /EREF/}), or null when absent or NOTPROVIDED
 * @param counterpartyName    payer of a credit, payee of a debit, or null
 * @param counterpartyAccount the counterparty's IBAN or account number, or null
 * @param counterpartyBank    the counterparty's BIC or bank code, or null
 * @param remittanceText  the unstructured remittance information, or null
 * @param creditorReference the structured creditor reference ({@code /CDTRREF/}, e.g. an RF or OCR reference), or null
 */
public record Mt940Information(String transactionCode, String postingText, String endToEndId, String counterpartyName,
                               String counterpartyAccount, String counterpartyBank, String remittanceText,
                               String creditorReference) {

    public static final Mt940Information NONE = new Mt940Information(null, null, null, null, null, null, null, null);

    private static final Pattern GERMAN = Pattern.compile("(\\d{3})([?>])\\d{2}.*", Pattern.DOTALL);
    private static final Set<String> SEPA_KEYS = Set.of("EREF", "KREF", "MREF", "CRED", "DEBT", "COAM", "OAMT", "SVWZ",
            "ABWA", "ABWE", "IBAN", "BIC");
    private static final Pattern SEPA_KEY = Pattern.compile("([A-Z]{3,4})\\+(.*)", Pattern.DOTALL);
    private static final Pattern SLASH_KEY = Pattern.compile("/(EREF|KREF|MARF|CSID|BENM|ORDP|NAME|ID|ADDR|REMI|ISDT|IBAN"
            + "|BIC|RTRN|PREF|CNTP|TRTP|PURP|ULTC|ULTD|ULTB|EXCH|CHGS|OCMT|SVCL|IREF|BUSP|CDTRREFTP|CD|ISSR|CDTRREF)/");
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    /** Reads the field's text (continuation lines joined by {@code \n}); an empty field gives {@link #NONE}. */
    public static Mt940Information parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String joined = text.replace("\n", "").strip();
        if (GERMAN.matcher(joined).matches()) {
            return german(joined);
        }
        if (joined.startsWith("/") && SLASH_KEY.matcher(joined).find()) {
            return slashed(joined);
        }
        return new Mt940Information(null, null, null, null, null, null, blankToNull(String.join(" ",
                text.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList())), null);
    }

    private static Mt940Information german(String joined) {
        String code = joined.substring(0, 3);
        Pattern subfield = Pattern.compile(Pattern.quote(joined.substring(3, 4)) + "(\\d{2})");
        Matcher matcher = subfield.matcher(joined);
        Map<Integer, String> fields = new LinkedHashMap<>();
        List<String> purpose = new ArrayList<>();
        int key = -1;
        int start = -1;
        while (true) {
            boolean found = matcher.find(Math.max(start, 3));
            int end = found ? matcher.start() : joined.length();
            if (key >= 0) {
                String value = joined.substring(start, end);
                if (key >= 20 && key <= 29 || key >= 60 && key <= 63) {
                    purpose.add(value);
                } else {
                    fields.merge(key, value, String::concat);
                }
            }
            if (!found) {
                break;
            }
            key = Integer.parseInt(matcher.group(1));
            start = matcher.end();
        }
        Map<String, String> sepa = new LinkedHashMap<>();
        String current = null;
        StringBuilder unkeyed = new StringBuilder();
        for (String line : purpose) {
            Matcher keyed = SEPA_KEY.matcher(line);
            if (keyed.matches() && SEPA_KEYS.contains(keyed.group(1))) {
                current = keyed.group(1);
                sepa.merge(current, keyed.group(2), String::concat);
            } else if (current != null) {
                sepa.merge(current, line, String::concat);
            } else {
                unkeyed.append(line);
            }
        }
        String remittance = sepa.containsKey("SVWZ") ? sepa.get("SVWZ") : sepa.isEmpty() ? unkeyed.toString() : null;
        String name = blankToNull(fields.getOrDefault(32, "") + fields.getOrDefault(33, ""));
        String account = blankToNull(fields.get(31));
        if (account == null) {
            account = blankToNull(fields.get(38));
        }
        return new Mt940Information(code, blankToNull(fields.get(0)), endToEnd(sepa.get("EREF")), name, account,
                blankToNull(fields.get(30)), blankToNull(remittance), null);
    }

    private static Mt940Information slashed(String joined) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = SLASH_KEY.matcher(joined);
        String key = null;
        int start = 0;
        while (true) {
            boolean found = matcher.find(start);
            int end = found ? matcher.start() : joined.length();
            if (key != null) {
                String value = joined.substring(start, end);
                values.putIfAbsent(key, value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            }
            if (!found) {
                break;
            }
            key = matcher.group(1);
            start = matcher.end();
        }
        String account = values.get("IBAN");
        String name = values.get("NAME");
        String bank = values.get("BIC");
        String counterparty = values.get("CNTP");
        if (counterparty != null) {
            // ING: /CNTP/account/BIC/name/city/
            String[] parts = counterparty.split("/", -1);
            account = account == null && parts.length > 0 ? parts[0] : account;
            bank = bank == null && parts.length > 1 ? parts[1] : bank;
            name = name == null && parts.length > 2 ? parts[2] : name;
        }
        String remittance = values.get("REMI");
        if (remittance != null && remittance.startsWith("USTD//")) {
            remittance = remittance.substring("USTD//".length());
        } else if (remittance != null && remittance.startsWith("STRD/")) {
            // structured remittance: its reference is the /CDTRREF/, there is no text
            remittance = null;
        }
        return new Mt940Information(null, null, endToEnd(values.get("EREF")), blankToNull(name), blankToNull(account),
                blankToNull(bank), blankToNull(remittance), blankToNull(values.get("CDTRREF")));
    }

    private static String endToEnd(String value) {
        String id = blankToNull(value);
        return id == null || NOT_PROVIDED.equals(id.strip()) ? null : id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
