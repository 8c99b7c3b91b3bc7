package se.clientfunds.bank.mt940;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.clientfunds.bank.AccountId;
import se.clientfunds.bank.BankBalance;
import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileParser;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Counterparty;
import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.reference.Iban;

/**
 * Streams an MT940 file as bank records: each statement ({@code :20:} to {@code :62F:}/{@code :62M:} and the
 * {@code :64:}, {@code :65:} after it) is a section, each {@code :61:} with its {@code :86:} one booked entry of one
 * transaction. Holds one statement's header and one entry, whatever the size of the file. The tags must come in
 * SWIFT order ({@code :20:}, [{@code :21:}], {@code :25:}, {@code :28C:}, {@code :60a:}, ({@code :61:}
 * [{@code :86:}])*, {@code :62a:}, [{@code :64:}], [{@code :65:}]*, [{@code :86:}]); anything else is refused
 * naming the line, the tag and its value. An {@code :86:} after the closing balance is the statement's own
 * information and is not kept.
 */
public final class Mt940Parser implements BankFileParser {

    private static final Pattern STATEMENT_NUMBER = Pattern.compile("(\\d{1,5})(?:/(\\d{1,5}))?");
    private static final Pattern ACCOUNT_WITH_CURRENCY = Pattern.compile("(.*[0-9])[ /]?([A-Z]{3})");
    private static final String NO_REFERENCE = "NONREF";
    private static final int MAX_FORWARD_BALANCES = 20;

    private enum State { BETWEEN, HEADER, ENTRIES, CLOSING, DONE }

    private final Mt940FieldReader reader;
    private final String fileName;
    private final Queue<BankRecord> ready = new ArrayDeque<>(2);
    private final List<BankFileVerdict.Problem> warnings = new ArrayList<>();
    /** Each account's statement numbers (as {@code :28C:} gives them) read so far, with the line of their :20:. */
    private final Map<String, Integer> statementsRead = new HashMap<>();
    private State state = State.BETWEEN;
    private int nationalFields;

    // the statement being read
    private Mt940Field reference;
    private String lastHeaderTag;
    private AccountId account;
    private Currency accountCurrency;
    private Mt940Field accountField;
    private String statementNumber;
    private Long sequenceNumber;
    private Mt940Field opening;
    private Currency currency;
    private BankSection section;
    private final List<BankBalance> balances = new ArrayList<>();
    private boolean availableBalanceSeen;
    private boolean informationSeen;

    // the :61: waiting for its :86:
    private Mt940Field line;
    private Mt940StatementLine statementLine;
    private StringBuilder information;

    private Mt940Parser(InputStream in, String fileName) {
        this.reader = new Mt940FieldReader(in, fileName);
        this.fileName = fileName;
    }

    public static Mt940Parser open(Path file) throws IOException {
        return new Mt940Parser(Files.newInputStream(file), file.getFileName().toString());
    }

    /** Reads from the stream, naming the file in every message; closing the parser closes the stream. */
    public static Mt940Parser open(InputStream in, String fileName) {
        return new Mt940Parser(in, fileName);
    }

    @Override
    public BankFileFormat format() {
        return BankFileFormat.MT940;
    }

    @Override
    public String version() {
        return "MT940";
    }

    @Override
    public BankRecord next() {
        while (ready.isEmpty() && state != State.DONE) {
            Mt940Field field = reader.next();
            if (field == null) {
                endOfFile();
            } else {
                accept(field);
            }
        }
        return ready.poll();
    }

    private void accept(Mt940Field field) {
        if (field.tag().equals("NS")) {
            // German and Hungarian banks' own field, not SWIFT's: not read, wherever it comes
            if (nationalFields++ == 0) {
                warn("line " + field.line(), ":NS: is a bank's own field, not SWIFT's; it and every other :NS: of the file"
                        + " are not read");
            }
            return;
        }
        switch (state) {
            case BETWEEN -> between(field);
            case HEADER -> header(field);
            case ENTRIES -> entries(field);
            case CLOSING -> closing(field);
            case DONE -> throw new IllegalStateException("done");
        }
    }

    private void between(Mt940Field field) {
        switch (field.tag()) {
            case "20" -> startStatement(field);
            case Mt940Field.SEPARATOR, "940" -> {
                // an empty message or Rabobank's :940: header line
            }
            default -> throw refuse(field, "comes where a statement must begin with :20:");
        }
    }

    private void startStatement(Mt940Field field) {
        reference = field;
        lastHeaderTag = "20";
        account = null;
        accountCurrency = null;
        accountField = null;
        statementNumber = null;
        sequenceNumber = null;
        opening = null;
        currency = null;
        section = null;
        balances.clear();
        availableBalanceSeen = false;
        informationSeen = false;
        state = State.HEADER;
    }

    private void header(Mt940Field field) {
        String tag = field.tag();
        switch (tag) {
            case "21" -> {
                requireAfter(field, "20");
                lastHeaderTag = tag;
            }
            case "25" -> {
                requireAfter(field, "20", "21");
                account(field);
                lastHeaderTag = tag;
            }
            case "28C", "28" -> {
                requireAfter(field, "25");
                statementNumber(field);
                lastHeaderTag = "28C";
            }
            case "60F", "60M" -> {
                requireAfter(field, "28C");
                openSection(field);
            }
            case Mt940Field.SEPARATOR -> throw unfinished(field);
            default -> throw outOfOrder(field);
        }
    }

    private void requireAfter(Mt940Field field, String... allowed) {
        for (String tag : allowed) {
            if (tag.equals(lastHeaderTag)) {
                return;
            }
        }
        throw outOfOrder(field);
    }

    private BankFileException outOfOrder(Mt940Field field) {
        return refuse(field, "comes after :" + lastHeaderTag + ": in the statement at line " + reference.line() + " where "
                + expectedAfter(lastHeaderTag) + " must come");
    }

    private static String expectedAfter(String tag) {
        return switch (tag) {
            case "20" -> ":21: or :25:";
            case "21" -> ":25:";
            case "25" -> ":28C:";
            default -> "the opening balance :60F: or :60M:";
        };
    }

    private void account(Mt940Field field) {
        String value = field.value().strip();
        if (value.isEmpty() || value.contains("\n")) {
            throw refuse(field, "is not one account identification");
        }
        Matcher withCurrency = ACCOUNT_WITH_CURRENCY.matcher(value);
        if (!Iban.isValid(value.replace(" ", "")) && withCurrency.matches() && isCurrency(withCurrency.group(2))) {
            value = withCurrency.group(1);
            accountCurrency = CurrencyCodes.parse(withCurrency.group(2));
        }
        String compact = value.replace(" ", "");
        account = Iban.isValid(compact) ? AccountId.iban(compact) : new AccountId(AccountId.Scheme.OTHER, value);
        accountField = field;
    }

    private static boolean isCurrency(String code) {
        try {
            CurrencyCodes.parse(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void statementNumber(Mt940Field field) {
        String value = field.value().strip();
        if (value.contains("\n")) {
            // a statement number broken over two lines by the bank's line length: read as one
            value = value.replace("\n", "").replace(" ", "");
            if (STATEMENT_NUMBER.matcher(value).matches()) {
                warn("line " + field.line(), field.quoted().replace("\n", "\\n") + " is split across lines; read as '"
                        + value + "'");
            }
        }
        Matcher matcher = STATEMENT_NUMBER.matcher(value);
        if (!matcher.matches()) {
            throw refuse(field, "is not a statement number with an optional /sequence number");
        }
        statementNumber = value;
        sequenceNumber = Long.parseLong(matcher.group(1));
    }

    private void openSection(Mt940Field field) {
        BankBalance balance = Mt940Values.balance("OPBD", field, fileName);
        currency = balance.amount().currency();
        if (accountCurrency != null && !accountCurrency.equals(currency)) {
            throw refuse(field, "currency " + currency + " differs from " + accountCurrency + " in :25: '"
                    + accountField.value() + "' (line " + accountField.line() + ")");
        }
        opening = field;
        // (a bank that does not number its statements writes 0 or 00000/00 on each: not a number to compare)
        Integer sameNumber = sequenceNumber == 0 ? null : statementsRead.putIfAbsent(account + " " + statementNumber,
                reference.line());
        if (sameNumber != null) {
            throw new BankFileException(fileName, "line " + reference.line(), "statement " + statementNumber + " of account "
                    + account + " is in the file twice (the first at line " + sameNumber + "): a statement number"
                    + " names one statement");
        }
        balances.add(balance);
        section = new BankSection(location(), statementNumber, account, currency, sequenceNumber, balances, null, null);
        ready.add(new BankRecord.SectionOpened(section));
        state = State.ENTRIES;
    }

    private String location() {
        return "statement " + statementNumber + " (line " + reference.line() + ")";
    }

    private void entries(Mt940Field field) {
        switch (field.tag()) {
            case "61" -> {
                flushEntry();
                line = field;
                statementLine = Mt940StatementLine.parse(field, currency, fileName);
                information = null;
                if (statementLine.valueDateAsWritten() != null) {
                    warn("line " + field.line(), "value date '" + statementLine.valueDateAsWritten() + "' is not a day of"
                            + " its month (a 30-day-month convention); read as " + statementLine.valueDate());
                }
            }
            case "86" -> {
                if (line == null) {
                    throw refuse(field, "comes before any :61: statement line of the statement at line " + reference.line());
                }
                if (information == null) {
                    information = new StringBuilder(field.value());
                } else if (information.length() + field.value().length() < Mt940FieldReader.MAX_FIELD_CHARS) {
                    // Rabobank writes one :86: per line of information
                    information.append('\n').append(field.value());
                } else {
                    throw refuse(field, "makes the information of the :61: at line " + line.line() + " longer than "
                            + Mt940FieldReader.MAX_FIELD_CHARS + " characters");
                }
            }
            case "62F", "62M" -> {
                flushEntry();
                balances.add(balanceInCurrency("CLBD", field));
                state = State.CLOSING;
            }
            case Mt940Field.SEPARATOR -> throw unfinished(field);
            default -> throw refuse(field, "comes among the entries of the statement at line " + reference.line()
                    + " where :61:, :86: or the closing balance :62F:/:62M: must come");
        }
    }

    private void closing(Mt940Field field) {
        switch (field.tag()) {
            case "64" -> {
                if (availableBalanceSeen) {
                    throw refuse(field, "is a second closing available balance of the statement at line " + reference.line());
                }
                availableBalanceSeen = true;
                balances.add(balanceInCurrency("CLAV", field));
            }
            case "65" -> {
                if (balances.size() > MAX_FORWARD_BALANCES) {
                    throw refuse(field, "is one forward available balance too many (" + MAX_FORWARD_BALANCES + ")");
                }
                balances.add(balanceInCurrency("FWAV", field));
            }
            case "86" -> {
                if (informationSeen) {
                    throw refuse(field, "is a second :86: after the closing balance of the statement at line "
                            + reference.line());
                }
                informationSeen = true;
            }
            case "20" -> {
                closeSection();
                startStatement(field);
            }
            case Mt940Field.SEPARATOR -> {
                closeSection();
                state = State.BETWEEN;
            }
            default -> throw refuse(field, "comes after the closing balance of the statement at line " + reference.line()
                    + " where :64:, :65:, :86:, '-' or the next :20: must come");
        }
    }

    private BankBalance balanceInCurrency(String type, Mt940Field field) {
        BankBalance balance = Mt940Values.balance(type, field, fileName);
        if (!balance.amount().currency().equals(currency)) {
            throw refuse(field, "currency " + balance.amount().currency() + " differs from the statement currency "
                    + currency + " of " + opening.quoted() + " (line " + opening.line() + ")");
        }
        return balance;
    }

    private void closeSection() {
        ready.add(new BankRecord.SectionClosed(new BankSection(location(), statementNumber, account, currency,
                sequenceNumber, balances, null, null)));
        section = null;
    }

    private void flushEntry() {
        if (line == null) {
            return;
        }
        Mt940Information info = information == null ? Mt940Information.NONE : Mt940Information.parse(information.toString());
        String where = "line " + line.line();
        String bankReference = statementLine.bankReference();
        if (bankReference != null && (bankReference.isEmpty() || NO_REFERENCE.equals(bankReference))) {
            bankReference = null;
        }
        Counterparty counterparty = info.counterpartyName() == null && info.counterpartyAccount() == null
                ? Counterparty.UNKNOWN
                : new Counterparty(info.counterpartyName(), info.counterpartyAccount(), null);
        BankTransaction transaction = new BankTransaction(where, statementLine.direction(), statementLine.amount(),
                bankReference, info.endToEndId(), counterparty,
                info.creditorReference() == null ? List.of() : List.of(info.creditorReference()), info.remittanceText());
        BankEntry entry = new BankEntry(where, statementLine.direction(), statementLine.amount(),
                statementLine.entryDate() != null ? statementLine.entryDate() : statementLine.valueDate(),
                statementLine.valueDate(), bankReference, "BOOK", statementLine.transactionType(), null,
                null, List.of(transaction), statementLine.mark().startsWith("R"));
        ready.add(new BankRecord.Entry(section, entry));
        line = null;
        statementLine = null;
        information = null;
    }

    private void endOfFile() {
        if (reader.preambleLines() > 0) {
            warnings.add(0, new BankFileVerdict.Problem("line " + reader.firstPreambleLine(), reader.preambleLines()
                    + " line" + (reader.preambleLines() == 1 ? "" : "s") + " of text before the first statement"
                    + (reader.preambleLines() == 1 ? " is" : " are") + " not MT940 and not read"));
        }
        switch (state) {
            case BETWEEN, DONE -> state = State.DONE;
            case CLOSING -> {
                closeSection();
                state = State.DONE;
            }
            case HEADER, ENTRIES -> throw new BankFileException(fileName, "line " + reader.lineNumber(),
                    "the file ends inside the statement " + reference.quoted() + " (line " + reference.line()
                            + ") before its closing balance :62F:: the file is truncated");
        }
    }

    private BankFileException unfinished(Mt940Field separator) {
        return new BankFileException(fileName, "line " + separator.line(), "'-' ends the statement "
                + reference.quoted() + " (line " + reference.line() + ") before its closing balance :62F:");
    }

    private void warn(String location, String reason) {
        if (warnings.size() < se.clientfunds.bank.BankFileValidation.REPORTED_PROBLEMS) {
            warnings.add(new BankFileVerdict.Problem(location, reason));
        }
    }

    @Override
    public List<BankFileVerdict.Problem> warnings() {
        return List.copyOf(warnings);
    }

    private BankFileException refuse(Mt940Field field, String reason) {
        return new BankFileException(fileName, "line " + field.line(), field.quoted() + " " + reason);
    }

    @Override
    public void close() {
        reader.close();
    }
}
