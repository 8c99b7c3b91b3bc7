package se.clientfunds.bank.camt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import se.clientfunds.bank.AccountId;
import se.clientfunds.bank.BankBalance;
import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileParser;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Counterparty;
import se.clientfunds.bank.DeclaredTotal;
import se.clientfunds.bank.Direction;
import se.clientfunds.money.Money;
import se.clientfunds.reference.OcrReference;

/**
 * Streams an ISO 20022 camt.053 statement or camt.054 notification (any {@code .001.NN} version that uses the
 * elements of 02, 04 and 08) as {@link BankRecord}s, one {@code Ntry} at a time, so memory does not grow with the
 * file. The version comes from the root namespace; unknown elements are skipped, but a file that lacks what the
 * schema demands or says it in the wrong syntax is refused with the element, its location and its value.
 * Closing the parser closes the stream it reads.
 */
public final class CamtParser implements BankFileParser {

    private static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:(camt\\.05([34])\\.001\\.\\d{2})");
    // a word of digits only: digits inside dates, amounts or longer words ("2014-12-31", "12.50", "INV2014") are never
    // taken for an OCR, while punctuation after a word ("OCR 7350, thanks") is fine
    private static final Pattern DIGIT_RUN =
            Pattern.compile("(?<![\\p{Alnum}/-])(?<!\\d[.,:])\\d+(?![\\p{Alnum}/-])(?![.,:]\\d)");

    private enum State { BETWEEN_SECTIONS, IN_SECTION, DONE }

    // ISO 20022's text types, as the camt.053/054 schemas give them to the elements read here
    private static final int MAX_4_TEXT = 4;
    private static final int MAX_34_TEXT = 34;
    private static final int MAX_35_TEXT = 35;
    private static final int MAX_140_TEXT = 140;
    private static final int SHOWN_TEXT = 40;
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}");

    private final String fileName;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final BankFileFormat format;
    private final String version;
    private final String messageElement;
    private final String sectionElement;
    private final ArrayDeque<BankRecord> pending = new ArrayDeque<>(2);

    private State state = State.BETWEEN_SECTIONS;
    private BankSection section;
    private int sectionCount;
    private int entryCount;
    private boolean atEntry;
    private Summary unresolvedSummary;
    private Currency firstEntryCurrency;
    // where reading is, for messages about XML that breaks off or is not well-formed
    private String context = "Document";

    private CamtParser(InputStream in, String fileName) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.in = Objects.requireNonNull(in, "in");
        this.xml = SafeXml.openAtRoot(in, fileName);
        String namespace = xml.getNamespaceURI();
        Matcher matcher = NAMESPACE.matcher(namespace == null ? "" : namespace);
        if (!"Document".equals(xml.getLocalName()) || !matcher.matches()) {
            throw new BankFileException(fileName, "root", "not a camt.053 or camt.054 document: root element "
                    + (namespace == null || namespace.isEmpty() ? "" : "{" + namespace + "}") + xml.getLocalName());
        }
        this.version = matcher.group(1);
        boolean statement = "3".equals(matcher.group(2));
        this.format = statement ? BankFileFormat.CAMT_053 : BankFileFormat.CAMT_054;
        this.messageElement = statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
        this.sectionElement = statement ? "Stmt" : "Ntfctn";
        try {
            if (!child() || !messageElement.equals(xml.getLocalName())) {
                throw fail("Document", version + " must hold " + messageElement + ", holds "
                        + (xml.isStartElement() ? xml.getLocalName() : "nothing"));
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        context = messageElement;
    }

    /** Opens a file for reading; the content, not the name, decides the format and version. */
    public static CamtParser open(Path file) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        return open(in, file.getFileName().toString());
    }

    /** Reads a stream, naming it {@code fileName} in messages; the parser closes the stream when it is closed. */
    public static CamtParser open(InputStream in, String fileName) {
        try {
            return new CamtParser(in, fileName);
        } catch (RuntimeException e) {
            try {
                in.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public BankFileFormat format() {
        return format;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public BankRecord next() {
        try {
            while (pending.isEmpty()) {
                switch (state) {
                    case DONE -> {
                        return null;
                    }
                    case BETWEEN_SECTIONS -> betweenSections();
                    case IN_SECTION -> inSection();
                }
            }
            return pending.poll();
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(fileName + ": cannot close the XML reader", e);
        } finally {
            in.close();
        }
    }

    // ---- sections ----

    private void betweenSections() throws XMLStreamException {
        if (!child()) {
            endOfDocument();
            return;
        }
        if (sectionElement.equals(xml.getLocalName())) {
            openSection();
        } else if ("GrpHdr".equals(xml.getLocalName())) {
            while (child()) {
                if ("MsgId".equals(xml.getLocalName())) {
                    maxText("GrpHdr/MsgId", text(), MAX_35_TEXT);
                } else {
                    skip();
                }
            }
        } else {
            skip();
        }
    }

    private void endOfDocument() throws XMLStreamException {
        if (sectionCount == 0) {
            throw fail(messageElement, messageElement + " holds no " + sectionElement);
        }
        context = "Document";
        while (child()) {
            skip();
        }
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.DTD) {
                throw fail("Document", "DOCTYPE not allowed after the root element");
            }
        }
        state = State.DONE;
    }

    private void openSection() throws XMLStreamException {
        sectionCount++;
        entryCount = 0;
        String location = sectionElement + "[" + sectionCount + "]";
        context = location;
        String id = null;
        Long sequenceNumber = null;
        AccountId account = null;
        Currency currency = null;
        List<BankBalance> balances = new ArrayList<>();
        Summary summary = null;
        String created = null;
        String until = null;
        boolean ended = true;
        while (child()) {
            switch (xml.getLocalName()) {
                case "Id" -> id = maxText(location + "/Id", text(), MAX_35_TEXT);
                case "CreDtTm" -> created = text();
                case "FrToDt" -> {
                    while (child()) {
                        if ("ToDtTm".equals(xml.getLocalName())) {
                            until = text();
                        } else {
                            skip();
                        }
                    }
                }
                case "ElctrncSeqNb" -> sequenceNumber = number(location + "/ElctrncSeqNb", text());
                case "Acct" -> {
                    AccountRead read = account(location + "/Acct");
                    account = read.id();
                    currency = read.currency();
                }
                case "Bal" -> balances.add(balance(location + "/Bal[" + (balances.size() + 1) + "]"));
                case "TxsSummry" -> summary = summary(location + "/TxsSummry");
                case "Ntry" -> {
                    atEntry = true;
                    ended = false;
                }
                default -> skip();
            }
            if (atEntry) {
                break;
            }
        }
        if (account == null) {
            throw fail(location, sectionElement + " has no Acct/Id");
        }
        Currency totalsCurrency = currency != null ? currency : balances.isEmpty() ? null : balances.get(0).amount().currency();
        List<DeclaredTotal> totals = declaredTotals(summary, totalsCurrency);
        // without Acct/Ccy or a balance the amounts wait for the first entry's currency, and the closed section has them
        unresolvedSummary = summary != null && totalsCurrency == null && summary.hasAmounts() ? summary : null;
        firstEntryCurrency = null;
        section = new BankSection(location, id, account, currency, sequenceNumber, balances,
                summary == null ? null : summary.count(), summary == null ? null : summary.net(totals),
                until != null ? until : created, totals);
        pending.add(new BankRecord.SectionOpened(section));
        if (ended) {
            pending.add(new BankRecord.SectionClosed(closedSection()));
            state = State.BETWEEN_SECTIONS;
        } else {
            state = State.IN_SECTION;
        }
    }

    /** The totals in the currency given; without one, only the counts (the amounts are then not checked). */
    private List<DeclaredTotal> declaredTotals(Summary summary, Currency currency) {
        if (summary == null) {
            return List.of();
        }
        List<DeclaredTotal> resolved = new ArrayList<>();
        for (RawTotal total : summary.totals()) {
            if (total.count() != null) {
                resolved.add(DeclaredTotal.count(total.element(), total.entries(), total.count()));
            } else if (currency != null) {
                Money amount;
                try {
                    amount = CamtAmounts.money(total.amountText(), currency);
                } catch (IllegalArgumentException e) {
                    throw fail(total.element(), e.getMessage());
                }
                resolved.add(DeclaredTotal.amount(total.element(), total.entries(),
                        total.direction() == Direction.DEBIT ? amount.negate() : amount));
            }
        }
        return resolved;
    }

    /** The section as it closes: declared amounts that waited for a currency now in the first entry's. */
    private BankSection closedSection() {
        if (unresolvedSummary == null || firstEntryCurrency == null) {
            return section;
        }
        List<DeclaredTotal> totals = declaredTotals(unresolvedSummary, firstEntryCurrency);
        return new BankSection(section.location(), section.id(), section.account(), section.currency(),
                section.sequenceNumber(), section.balances(), section.declaredEntryCount(), unresolvedSummary.net(totals),
                section.asOf(), totals);
    }

    private void inSection() throws XMLStreamException {
        if (atEntry) {
            atEntry = false;
            pending.add(new BankRecord.Entry(section, entry()));
            context = section.location();
            return;
        }
        if (!child()) {
            pending.add(new BankRecord.SectionClosed(closedSection()));
            context = messageElement;
            state = State.BETWEEN_SECTIONS;
            return;
        }
        if ("Ntry".equals(xml.getLocalName())) {
            pending.add(new BankRecord.Entry(section, entry()));
            context = section.location();
        } else {
            skip();
        }
    }

    private record AccountRead(AccountId id, Currency currency) {
    }

    private AccountRead account(String location) throws XMLStreamException {
        AccountId id = null;
        Currency currency = null;
        while (child()) {
            switch (xml.getLocalName()) {
                case "Id" -> id = accountId(location + "/Id");
                case "Ccy" -> currency = currency(location + "/Ccy", text());
                default -> skip();
            }
        }
        return new AccountRead(id, currency);
    }

    /** {@code Id/IBAN} or {@code Id/Othr/Id}; null when neither is there. */
    private AccountId accountId(String location) throws XMLStreamException {
        AccountId id = null;
        while (child()) {
            switch (xml.getLocalName()) {
                case "IBAN" -> id = AccountId.iban(iban(location + "/IBAN", text()));
                case "Othr" -> {
                    while (child()) {
                        if ("Id".equals(xml.getLocalName())) {
                            id = new AccountId(AccountId.Scheme.OTHER,
                                    required(location + "/Othr/Id", maxText(location + "/Othr/Id", text(), MAX_34_TEXT)));
                        } else {
                            skip();
                        }
                    }
                }
                default -> skip();
            }
        }
        return id;
    }

    private BankBalance balance(String location) throws XMLStreamException {
        String type = null;
        Money amount = null;
        Direction direction = null;
        LocalDate date = null;
        while (child()) {
            switch (xml.getLocalName()) {
                case "Tp" -> {
                    while (child()) {
                        if ("CdOrPrtry".equals(xml.getLocalName())) {
                            type = codeOrText(location + "/Tp/CdOrPrtry");
                        } else {
                            skip();
                        }
                    }
                }
                case "Amt" -> amount = amount(location + "/Amt");
                case "CdtDbtInd" -> direction = direction(location + "/CdtDbtInd", text());
                case "Dt" -> date = date(location + "/Dt");
                default -> skip();
            }
        }
        if (type == null) {
            throw fail(location, "Bal has no Tp/CdOrPrtry");
        }
        if (amount == null) {
            throw fail(location, "Bal " + type + " has no Amt");
        }
        if (direction == null) {
            throw fail(location, "Bal " + type + " has no CdtDbtInd");
        }
        return new BankBalance(type, direction == Direction.DEBIT ? amount.negate() : amount, date);
    }

    /** One count or sum of TxsSummry as written: an amount needs a currency, which only the account, a balance or an entry gives. */
    private record RawTotal(String element, DeclaredTotal.Entries entries, Long count, String amountText, Direction direction) {
    }

    /** TxsSummry as read: TtlNtries (count, Sum, net), TtlCdtNtries and TtlDbtNtries (count, Sum). */
    private record Summary(List<RawTotal> totals) {

        Long count() {
            return totals.stream().filter(t -> t.entries() == DeclaredTotal.Entries.ALL && t.count() != null)
                    .map(RawTotal::count).findFirst().orElse(null);
        }

        boolean hasAmounts() {
            return totals.stream().anyMatch(t -> t.amountText() != null);
        }

        Money net(List<DeclaredTotal> resolved) {
            return resolved.stream().filter(t -> t.entries() == DeclaredTotal.Entries.NET).map(DeclaredTotal::amount)
                    .findFirst().orElse(null);
        }
    }

    private Summary summary(String location) throws XMLStreamException {
        List<RawTotal> totals = new ArrayList<>();
        while (child()) {
            String name = xml.getLocalName();
            switch (name) {
                case "TtlNtries" -> totalEntries(location + "/TtlNtries", totals);
                case "TtlCdtNtries" -> numberAndSum(location + "/TtlCdtNtries", DeclaredTotal.Entries.CREDITS, totals);
                case "TtlDbtNtries" -> numberAndSum(location + "/TtlDbtNtries", DeclaredTotal.Entries.DEBITS, totals);
                default -> skip();
            }
        }
        return new Summary(totals);
    }

    private void totalEntries(String where, List<RawTotal> totals) throws XMLStreamException {
        String netText = null;
        Direction netDirection = null;
        String netElement = null;
        while (child()) {
            switch (xml.getLocalName()) {
                case "NbOfNtries" -> totals.add(new RawTotal(where + "/NbOfNtries", DeclaredTotal.Entries.ALL,
                        number(where + "/NbOfNtries", text()), null, null));
                case "Sum" -> totals.add(new RawTotal(where + "/Sum", DeclaredTotal.Entries.ALL, null,
                        decimalText(where + "/Sum", text()), null));
                // version 02 states the net flat in TtlNtries, later versions in TtlNetNtry
                case "TtlNetNtryAmt" -> {
                    netElement = where + "/TtlNetNtryAmt";
                    netText = decimalText(netElement, text());
                }
                case "CdtDbtInd" -> netDirection = direction(where + "/CdtDbtInd", text());
                case "TtlNetNtry" -> {
                    netElement = where + "/TtlNetNtry";
                    while (child()) {
                        switch (xml.getLocalName()) {
                            case "Amt" -> netText = decimalText(where + "/TtlNetNtry/Amt", text());
                            case "CdtDbtInd" -> netDirection = direction(where + "/TtlNetNtry/CdtDbtInd", text());
                            default -> skip();
                        }
                    }
                }
                default -> skip();
            }
        }
        if (netText != null && netDirection == null) {
            if (new BigDecimal(netText).signum() != 0) {
                throw fail(where, "net entry amount " + netText + " has no CdtDbtInd");
            }
            netDirection = Direction.CREDIT;
        }
        if (netText != null) {
            totals.add(new RawTotal(netElement, DeclaredTotal.Entries.NET, null, netText, netDirection));
        }
    }

    private void numberAndSum(String where, DeclaredTotal.Entries entries, List<RawTotal> totals) throws XMLStreamException {
        while (child()) {
            switch (xml.getLocalName()) {
                case "NbOfNtries" -> totals.add(new RawTotal(where + "/NbOfNtries", entries,
                        number(where + "/NbOfNtries", text()), null, null));
                case "Sum" -> totals.add(new RawTotal(where + "/Sum", entries, null, decimalText(where + "/Sum", text()), null));
                default -> skip();
            }
        }
    }

    // ---- entries ----

    private BankEntry entry() throws XMLStreamException {
        entryCount++;
        String location = section.location() + "/Ntry[" + entryCount + "]";
        context = location;
        Money amount = null;
        Direction direction = null;
        String status = null;
        LocalDate bookingDate = null;
        LocalDate valueDate = null;
        String servicerReference = null;
        String transactionCode = null;
        Long batchCount = null;
        String paymentInformationId = null;
        boolean namesSeveralBatches = false;
        boolean reversal = false;
        List<BankTransaction> transactions = new ArrayList<>();
        while (child()) {
            switch (xml.getLocalName()) {
                case "Amt" -> amount = amount(location + "/Amt");
                case "CdtDbtInd" -> direction = direction(location + "/CdtDbtInd", text());
                case "Sts" -> status = maxText(location + "/Sts", codeOrText(location + "/Sts"), MAX_35_TEXT);
                case "BookgDt" -> bookingDate = date(location + "/BookgDt");
                case "ValDt" -> valueDate = date(location + "/ValDt");
                case "AcctSvcrRef" -> servicerReference = maxText(location + "/AcctSvcrRef", text(), MAX_35_TEXT);
                case "RvslInd" -> reversal = bool(location + "/RvslInd", text());
                case "BkTxCd" -> transactionCode = transactionCode(location + "/BkTxCd");
                case "NtryDtls" -> {
                    requireAmountAndDirection(location, amount, direction);
                    while (child()) {
                        switch (xml.getLocalName()) {
                            case "Btch" -> {
                                Batch batch = batch(location + "/NtryDtls/Btch");
                                if (batch.count() != null) {
                                    batchCount = batchCount == null ? batch.count() : batchCount + batch.count();
                                }
                                if (batch.paymentInformationId() != null) {
                                    namesSeveralBatches |= paymentInformationId != null
                                            && !paymentInformationId.equals(batch.paymentInformationId());
                                    paymentInformationId = batch.paymentInformationId();
                                }
                            }
                            case "TxDtls" -> transactions.add(transaction(
                                    location + "/NtryDtls/TxDtls[" + (transactions.size() + 1) + "]", amount, direction));
                            default -> skip();
                        }
                    }
                    context = location;
                }
                default -> skip();
            }
        }
        requireAmountAndDirection(location, amount, direction);
        if (firstEntryCurrency == null) {
            firstEntryCurrency = amount.currency();
        }
        // an entry booking several payment batches at once cannot be matched to any one of them by its id
        return new BankEntry(location, direction, amount, bookingDate, valueDate, servicerReference,
                status, transactionCode, batchCount, namesSeveralBatches ? null : paymentInformationId, transactions, reversal);
    }

    private void requireAmountAndDirection(String location, Money amount, Direction direction) {
        if (amount == null) {
            throw fail(location, "Ntry has no Amt");
        }
        if (direction == null) {
            throw fail(location, "Ntry has no CdtDbtInd");
        }
    }

    /** What an entry's {@code Btch} says; either part is null when the bank leaves it out. */
    private record Batch(Long count, String paymentInformationId) {
    }

    private Batch batch(String location) throws XMLStreamException {
        Long count = null;
        String paymentInformationId = null;
        while (child()) {
            switch (xml.getLocalName()) {
                case "NbOfTxs" -> count = number(location + "/NbOfTxs", text());
                case "PmtInfId" -> paymentInformationId = max35(location + "/PmtInfId", text());
                default -> skip();
            }
        }
        return new Batch(count, paymentInformationId);
    }

    /** ISO 20022 Max35Text: an empty element counts as absent, more than 35 characters is refused. */
    private String max35(String location, String text) {
        maxText(location, text, MAX_35_TEXT);
        return text.isEmpty() ? null : text;
    }

    /** {@code Domn/Cd}, {@code Fmly/Cd} and {@code SubFmlyCd} as {@code PMNT/RCDT/DMCT}, else {@code Prtry/Cd}. */
    private String transactionCode(String location) throws XMLStreamException {
        String domain = null;
        String family = null;
        String subFamily = null;
        String proprietary = null;
        while (child()) {
            switch (xml.getLocalName()) {
                case "Domn" -> {
                    while (child()) {
                        switch (xml.getLocalName()) {
                            case "Cd" -> domain = maxText(location + "/Domn/Cd", text(), MAX_4_TEXT);
                            case "Fmly" -> {
                                while (child()) {
                                    switch (xml.getLocalName()) {
                                        case "Cd" -> family = maxText(location + "/Domn/Fmly/Cd", text(), MAX_4_TEXT);
                                        case "SubFmlyCd" -> subFamily = maxText(location + "/Domn/Fmly/SubFmlyCd", text(), MAX_4_TEXT);
                                        default -> skip();
                                    }
                                }
                            }
                            default -> skip();
                        }
                    }
                }
                case "Prtry" -> {
                    while (child()) {
                        if ("Cd".equals(xml.getLocalName())) {
                            proprietary = maxText(location + "/Prtry/Cd", text(), MAX_35_TEXT);
                        } else {
                            skip();
                        }
                    }
                }
                default -> skip();
            }
        }
        if (domain != null) {
            StringBuilder code = new StringBuilder(domain);
            if (family != null) {
                code.append('/').append(family);
                if (subFamily != null) {
                    code.append('/').append(subFamily);
                }
            }
            return code.toString();
        }
        return proprietary == null || proprietary.isEmpty() ? null : proprietary;
    }

    /** The other party as read from RltdPties, before the direction says which of the two is wanted. */
    private static final class Party {
        String name;
        String country;
        String account;

        Counterparty toCounterparty() {
            return name == null && country == null && account == null ? Counterparty.UNKNOWN
                    : new Counterparty(name, account, country);
        }
    }

    private BankTransaction transaction(String location, Money entryAmount, Direction entryDirection)
            throws XMLStreamException {
        context = location;
        String servicerReference = null;
        String endToEndId = null;
        Money amount = null;
        Money detailsAmount = null;
        Direction direction = null;
        Party debtor = new Party();
        Party creditor = new Party();
        List<String> references = new ArrayList<>();
        List<String> unstructured = new ArrayList<>();
        while (child()) {
            switch (xml.getLocalName()) {
                case "Refs" -> {
                    while (child()) {
                        switch (xml.getLocalName()) {
                            case "AcctSvcrRef" -> servicerReference = maxText(location + "/Refs/AcctSvcrRef", text(), MAX_35_TEXT);
                            case "EndToEndId" -> endToEndId = maxText(location + "/Refs/EndToEndId", text(), MAX_35_TEXT);
                            default -> skip();
                        }
                    }
                }
                case "Amt" -> amount = amount(location + "/Amt");
                case "CdtDbtInd" -> direction = direction(location + "/CdtDbtInd", text());
                case "AmtDtls" -> {
                    while (child()) {
                        if ("TxAmt".equals(xml.getLocalName())) {
                            while (child()) {
                                if ("Amt".equals(xml.getLocalName())) {
                                    detailsAmount = amount(location + "/AmtDtls/TxAmt/Amt");
                                } else {
                                    skip();
                                }
                            }
                        } else {
                            skip();
                        }
                    }
                }
                case "RltdPties" -> {
                    while (child()) {
                        switch (xml.getLocalName()) {
                            case "Dbtr" -> party(location + "/RltdPties/Dbtr", debtor);
                            case "Cdtr" -> party(location + "/RltdPties/Cdtr", creditor);
                            case "DbtrAcct" -> debtor.account = partyAccount(location + "/RltdPties/DbtrAcct");
                            case "CdtrAcct" -> creditor.account = partyAccount(location + "/RltdPties/CdtrAcct");
                            default -> skip();
                        }
                    }
                }
                case "RmtInf" -> {
                    while (child()) {
                        switch (xml.getLocalName()) {
                            case "Ustrd" -> {
                                String text = maxText(location + "/RmtInf/Ustrd", text(), MAX_140_TEXT);
                                if (!text.isEmpty()) {
                                    unstructured.add(text);
                                }
                            }
                            case "Strd" -> creditorReferences(location + "/RmtInf/Strd", references);
                            default -> skip();
                        }
                    }
                }
                default -> skip();
            }
        }
        Direction effective = direction == null ? entryDirection : direction;
        Money effectiveAmount = amount != null ? amount : detailsAmount != null ? detailsAmount : entryAmount;
        String remittanceText = unstructured.isEmpty() ? null : String.join(" ", unstructured);
        if (references.isEmpty() && remittanceText != null) {
            references.addAll(ocrCandidates(remittanceText));
        }
        Party counterparty = effective == Direction.CREDIT ? debtor : creditor;
        return new BankTransaction(location, effective, effectiveAmount, servicerReference, endToEndId,
                counterparty.toCounterparty(), references, remittanceText);
    }

    /** Version 02 puts Nm and PstlAdr in the party itself, later versions in Pty, or in Agt/FinInstnId for a bank. */
    private void party(String location, Party party) throws XMLStreamException {
        while (child()) {
            switch (xml.getLocalName()) {
                case "Nm" -> {
                    String name = maxText(location + "/Nm", text(), MAX_140_TEXT);
                    if (party.name == null && !name.isEmpty()) {
                        party.name = name;
                    }
                }
                case "PstlAdr" -> {
                    while (child()) {
                        if ("Ctry".equals(xml.getLocalName())) {
                            String country = text();
                            if (party.country == null && !country.isEmpty()) {
                                party.country = country;
                            }
                        } else {
                            skip();
                        }
                    }
                }
                case "Pty", "Agt", "FinInstnId" -> party(location + "/" + xml.getLocalName(), party);
                default -> skip();
            }
        }
    }

    private String partyAccount(String location) throws XMLStreamException {
        String account = null;
        while (child()) {
            if ("Id".equals(xml.getLocalName())) {
                AccountId id = accountId(location + "/Id");
                account = id == null ? null : id.value();
            } else {
                skip();
            }
        }
        return account;
    }

    private void creditorReferences(String location, List<String> references) throws XMLStreamException {
        while (child()) {
            if (!"CdtrRefInf".equals(xml.getLocalName())) {
                skip();
                continue;
            }
            while (child()) {
                if ("Ref".equals(xml.getLocalName())) {
                    String reference = maxText(location + "/CdtrRefInf/Ref", text(), MAX_35_TEXT);
                    if (!reference.isEmpty()) {
                        references.add(reference);
                    }
                } else {
                    skip();
                }
            }
        }
    }

    /** Words of digits of OCR length with a correct Luhn check digit, in the order they appear, each once. */
    static List<String> ocrCandidates(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher digits = DIGIT_RUN.matcher(text);
        while (digits.find()) {
            if (OcrReference.isValid(digits.group())) {
                found.add(digits.group());
            }
        }
        return List.copyOf(found);
    }

    // ---- values ----

    private Money amount(String location) throws XMLStreamException {
        String code = xml.getAttributeValue(null, "Ccy");
        String text = text();
        if (code == null) {
            throw fail(location, "amount '" + text + "' has no Ccy attribute");
        }
        Currency currency = currency(location + "/@Ccy", code);
        try {
            return CamtAmounts.money(text, currency);
        } catch (IllegalArgumentException e) {
            throw fail(location, e.getMessage());
        }
    }

    private String decimalText(String location, String text) {
        try {
            return CamtAmounts.requireDecimal(text);
        } catch (IllegalArgumentException e) {
            throw fail(location, e.getMessage());
        }
    }

    private Currency currency(String location, String code) {
        try {
            return CamtAmounts.currency(code);
        } catch (IllegalArgumentException e) {
            throw fail(location, e.getMessage());
        }
    }

    private Direction direction(String location, String text) {
        return switch (text) {
            case "CRDT" -> Direction.CREDIT;
            case "DBIT" -> Direction.DEBIT;
            default -> throw fail(location, "CdtDbtInd '" + text + "' is neither CRDT nor DBIT");
        };
    }

    /** xs:boolean: true, false, 1 or 0. */
    private boolean bool(String location, String text) {
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw fail(location, "'" + text + "' is neither true nor false");
        };
    }

    private Long number(String location, String text) {
        if (!text.matches("\\d{1,18}")) {
            throw fail(location, "'" + text + "' is not a whole number");
        }
        return Long.parseLong(text);
    }

    /**
     * ISO 20022 {@code MaxNNText} (and {@code Max4Text} codes): longer text is refused before anything is staged,
     * naming the element and the limit; a value of thousands of characters is shown by its start.
     */
    private String maxText(String location, String text, int max) {
        int characters = text == null ? 0 : text.codePointCount(0, text.length());
        if (characters > max) {
            throw fail(location, "'" + shown(text) + "' has " + characters + " characters, more than the " + max + " of Max"
                    + max + "Text");
        }
        return text;
    }

    /** A value as a message shows it: a value of thousands of characters by its start. */
    private static String shown(String text) {
        return text.length() <= SHOWN_TEXT ? text : text.substring(0, SHOWN_TEXT) + "…";
    }

    /** ISO 20022 IBAN2007Identifier: two letters, two check digits, 1 to 30 letters or digits. */
    private String iban(String location, String text) {
        required(location, text);
        if (!IBAN.matcher(text).matches()) {
            throw fail(location, "'" + shown(text) + "' is not an IBAN (two letters, two digits, 1 to 30 letters or digits)");
        }
        return text;
    }

    private String required(String location, String text) {
        if (text.isEmpty()) {
            throw fail(location, "is empty");
        }
        return text;
    }

    /** {@code Dt} or {@code DtTm} inside the current element; a date-time counts on the day it names. */
    private LocalDate date(String location) throws XMLStreamException {
        LocalDate date = null;
        while (child()) {
            String name = xml.getLocalName();
            switch (name) {
                case "Dt" -> date = parseDate(location + "/Dt", text());
                case "DtTm" -> date = parseDateTime(location + "/DtTm", text());
                default -> skip();
            }
        }
        return date;
    }

    private LocalDate parseDate(String location, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw fail(location, "'" + text + "' is not a date (yyyy-mm-dd)");
        }
    }

    private LocalDate parseDateTime(String location, String text) {
        try {
            return OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toLocalDate();
            } catch (DateTimeParseException e) {
                throw fail(location, "'" + text + "' is not a date-time");
            }
        }
    }

    /** A code that version 02 writes as text ({@code <Sts>BOOK</Sts>}) and later versions as {@code Cd} or {@code Prtry}. */
    private String codeOrText(String location) throws XMLStreamException {
        StringBuilder own = new StringBuilder();
        String code = null;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        own.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = xml.getLocalName();
                    if ("Cd".equals(name) || "Prtry".equals(name)) {
                        String value = "Prtry".equals(name) ? codeOrText(location + "/Prtry") : text();
                        if (code == null || "Cd".equals(name)) {
                            code = value;
                        }
                    } else {
                        skip();
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String text = code != null ? code : own.toString().strip();
                    return text.isEmpty() ? null : text;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entityReference();
                case XMLStreamConstants.END_DOCUMENT -> throw truncated();
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
    }

    // ---- XML cursor ----

    /** Moves to the next child element of the current element: true at its start, false at the parent's end. */
    private boolean child() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return false;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entityReference();
                case XMLStreamConstants.END_DOCUMENT -> throw truncated();
                default -> {
                    // whitespace, comments and processing instructions between elements carry nothing
                }
            }
        }
    }

    /** The text of the current element, stripped; an element inside it is a structural error. */
    private String text() throws XMLStreamException {
        String element = xml.getLocalName();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString().strip();
                }
                case XMLStreamConstants.START_ELEMENT -> throw fail(context, element + " holds element "
                        + xml.getLocalName() + " where text was expected (line " + line() + ")");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entityReference();
                case XMLStreamConstants.END_DOCUMENT -> throw truncated();
                default -> {
                    // comments and processing instructions inside text carry nothing
                }
            }
        }
    }

    /** Skips the current element with everything inside it. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entityReference();
                case XMLStreamConstants.END_DOCUMENT -> throw truncated();
                default -> {
                    // content of an element nobody reads
                }
            }
        }
    }

    private int line() {
        return xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
    }

    private BankFileException fail(String location, String reason) {
        return new BankFileException(fileName, location, reason);
    }

    private BankFileException entityReference() {
        return fail(context, "entity reference &" + xml.getLocalName() + "; not allowed (line " + line() + ")");
    }

    private BankFileException truncated() {
        return fail(context, "the file ends inside " + context);
    }

    private BankFileException malformed(XMLStreamException e) {
        return new BankFileException(fileName, SafeXml.isUndecodable(e) ? null : context, SafeXml.describe(e), e);
    }
}
