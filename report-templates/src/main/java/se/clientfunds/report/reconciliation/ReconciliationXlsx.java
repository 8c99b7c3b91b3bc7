package se.clientfunds.report.reconciliation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.AccountReconciliation;
import se.clientfunds.report.pdf.AgeingTotal;
import se.clientfunds.report.pdf.BalanceProof;
import se.clientfunds.report.pdf.ContinuityProblem;
import se.clientfunds.report.pdf.MatchRule;
import se.clientfunds.report.pdf.ReconciliationBreak;
import se.clientfunds.report.pdf.ReconciliationReport;
import se.clientfunds.report.pdf.ReconciliationStatus;
import se.clientfunds.report.pdf.ReportText;
import se.clientfunds.report.pdf.RollForward;
import se.clientfunds.report.xlsx.ColumnWidths;
import se.clientfunds.report.xlsx.DeterministicZip;
import se.clientfunds.report.xlsx.DocumentProperties;
import se.clientfunds.report.xlsx.PrintLayout;
import se.clientfunds.report.xlsx.SheetTemplate;
import se.clientfunds.report.xlsx.SummaryRows;

/**
 * Writes {@code reconciliation.xlsx} from the {@link ReconciliationReport} that {@code reconciliation.pdf} is made from:
 * a summary sheet with the report's notices and header, then per account its status, the matches per rule, the
 * roll-forward, the ageing of open breaks, the balance proof (what operators wrote off on a line of its own) and
 * statement continuity (a failed reconciliation, an unexplained difference or a continuity problem in the template's
 * red alert styles), and how many escalations, timing items and exceptions it has; then three sheets of breaks, one row
 * per break, streamed: the exceptions, the timing items and the escalations. Sheet names, headings and words are the
 * locale's. The same report and locale give the same bytes.
 *
 * <pre>{@code
 * new ReconciliationXlsx(Locale.GERMAN).write(report, Path.of("reports/2025-03-14/reconciliation.xlsx"));
 * }</pre>
 */
public final class ReconciliationXlsx {

    /** The template on the class path, editable in Excel or LibreOffice. */
    public static final String TEMPLATE = "/templates/reconciliation.xlsx";

    static final String BUNDLE = "reports/reconciliation-xlsx-messages";
    /** The template's sheets, by the names the renderer finds them by; the rendered workbook names them in its locale. */
    static final String SUMMARY = "Summary";
    static final String BREAKS = "Breaks";
    static final String TIMING = "Timing";
    static final String ESCALATIONS = "Escalations";
    /** Label keys in the template's header rows start with this. */
    static final String KEY_PREFIX = "xlsx.";

    /** Rows SXSSF keeps in memory for a breaks sheet; older rows are flushed to a temporary file. */
    static final int ROW_WINDOW = 100;

    private final Locale locale;

    /** A renderer with the labels and date format of {@code locale} (English, Swedish or German). */
    public ReconciliationXlsx(Locale locale) {
        if (locale == null) {
            throw new IllegalArgumentException("locale is missing");
        }
        this.locale = locale;
    }

    public void write(ReconciliationReport report, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, out);
        }
    }

    /** Writes the workbook to {@code out}, which stays open. */
    public void write(ReconciliationReport report, OutputStream out) throws IOException {
        if (report == null) {
            throw new IllegalArgumentException("report is missing");
        }
        ReportText text = new ReportText(locale, BUNDLE);
        DeterministicZip.write(raw -> writeWorkbook(report, text, raw), out, report.header().businessDate().atStartOfDay());
    }

    private static void writeWorkbook(ReconciliationReport report, ReportText text, Path raw) throws IOException {
        XSSFWorkbook workbook = SheetTemplate.openWorkbook(TEMPLATE);
        SheetTemplate summary = SheetTemplate.read(workbook, SUMMARY, KEY_PREFIX, text::label);
        SheetTemplate breaks = SheetTemplate.read(workbook, BREAKS, KEY_PREFIX, text::label);
        SheetTemplate timing = SheetTemplate.read(workbook, TIMING, KEY_PREFIX, text::label);
        SheetTemplate escalations = SheetTemplate.read(workbook, ESCALATIONS, KEY_PREFIX, text::label);
        // named in the locale before anything refers to a sheet by its name (filters, print titles)
        SheetTemplate.rename(workbook, Map.of(SUMMARY, text.label("xlsx.sheet.summary"), BREAKS, text.label("xlsx.sheet.breaks"),
                TIMING, text.label("xlsx.sheet.timing"), ESCALATIONS, text.label("xlsx.sheet.escalations")));
        String dateFormat = text.label("xlsx.format.date");
        // the summary is small and stays an ordinary XSSF sheet, filled before streaming starts
        new Summary(summary, text, dateFormat).fill(report);
        DocumentProperties.fix(workbook, report.header().businessDate(),
                text.label("reconciliation.title") + " " + report.header().businessDate());
        try (SXSSFWorkbook streaming = new SXSSFWorkbook(workbook, ROW_WINDOW);
                OutputStream out = Files.newOutputStream(raw)) {
            PrintLayout print = new PrintLayout(text, text.label("reconciliation.title"), report.header().businessDate());
            print.summary(summary.sheet());
            writeBreaks(streaming, breaks, report.accounts(), account -> account.exceptions().stream()
                    .sorted(ReconciliationBreak.OLDEST_FIRST).toList(), text, dateFormat, print);
            writeBreaks(streaming, timing, report.accounts(), account -> account.timingItems().stream()
                    .sorted(ReconciliationBreak.OLDEST_FIRST).toList(), text, dateFormat, print);
            writeBreaks(streaming, escalations, report.accounts(), account -> account.escalations(report.escalateAfterDays()),
                    text, dateFormat, print);
            streaming.setActiveSheet(workbook.getSheetIndex(summary.sheet()));
            streaming.write(out);
        }
    }

    /**
     * One row per break on the streamed sheet over {@code template}: accounts in IBAN order, each account's breaks as
     * {@code breaks} gives them (oldest first, as the PDF lists them).
     */
    private static void writeBreaks(SXSSFWorkbook streaming, SheetTemplate template, List<AccountReconciliation> accounts,
            Function<AccountReconciliation, List<ReconciliationBreak>> breaks, ReportText text, String dateFormat,
            PrintLayout print) {
        SXSSFSheet sheet = streaming.getSheetAt(streaming.getXSSFWorkbook().getSheetIndex(template.sheet()));
        ColumnWidths widths = new ColumnWidths(template, sheet);
        int r = 1;
        for (AccountReconciliation account : accounts) {
            for (ReconciliationBreak item : breaks.apply(account)) {
                Row row = sheet.createRow(r++);
                widths.text(row, 0, account.accountIban());
                widths.count(row, 1, item.id());
                widths.text(row, 2, text.label(item.type()));
                widths.text(row, 3, text.label(item.direction()));
                widths.amount(row, 4, item.amount().minor(), item.amount().fractionDigits());
                widths.text(row, 5, item.amount().currency());
                widths.text(row, 6, item.reference());
                widths.text(row, 7, item.counterparty());
                widths.date(row, 8, item.bookingDate(), dateFormat);
                widths.count(row, 9, item.ageBankingDays());
                widths.text(row, 10, text.label(item.bucket()));
                widths.text(row, 11, text.label(item.status()));
                widths.text(row, 12, item.explanation());
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, template.columns() - 1));
        widths.apply();
        print.table(sheet, template.columns());
    }

    /** Lays out the summary top to bottom: identification, input files, control totals, then one block per account. */
    private static final class Summary {

        private final SummaryRows rows;
        private final ReportText text;

        Summary(SheetTemplate template, ReportText text, String dateFormat) {
            this.rows = new SummaryRows(template, text, dateFormat);
            this.text = text;
        }

        void fill(ReconciliationReport report) {
            rows.reportHeader(report.header());
            if (report.accounts().isEmpty()) {
                rows.skip(1);
                rows.text(rows.row(), 0, text.label("reconciliation.noAccounts"));
            }
            for (AccountReconciliation account : report.accounts()) {
                rows.skip(1);
                account(account, report.escalateAfterDays());
            }
        }

        private void account(AccountReconciliation account, int escalateAfterDays) {
            rows.heading(text.label("reconciliation.account", account.accountIban(), account.currency()));
            Row status = rows.row();
            rows.label(status, 0, text.label("breaks.status"));
            if (account.status() == ReconciliationStatus.FAILED_RECONCILIATION) {
                rows.alert(status, 1, text.label(account.status()));
            } else {
                rows.text(status, 1, text.label(account.status()));
            }
            if (account.needsAttention()) {
                rows.alert(rows.row(), 0, text.label("reconciliation.needsAttention"));
            }
            rows.header(text.labels("reconciliation.matches", "reconciliation.count"));
            long matched = 0;
            for (MatchRule rule : MatchRule.values()) {
                Row row = rows.row();
                rows.text(row, 0, text.label(rule));
                rows.count(row, 1, account.matches().get(rule));
                matched += account.matches().get(rule);
            }
            Row total = rows.row();
            rows.label(total, 0, text.label("reconciliation.total"));
            rows.count(total, 1, matched);

            rows.header(List.of(text.label("reconciliation.rollForward"), text.label("reconciliation.opening"),
                    text.label("reconciliation.new"), text.label("reconciliation.cleared"), text.label("reconciliation.closing")));
            RollForward rollForward = account.rollForward();
            Row counts = rows.row();
            rows.count(counts, 1, rollForward.opening());
            rows.count(counts, 2, rollForward.newBreaks());
            rows.count(counts, 3, rollForward.cleared());
            rows.count(counts, 4, rollForward.closing());

            rows.header(text.labels("reconciliation.ageing", "reconciliation.count", "reconciliation.amount",
                    "reconciliation.currency"));
            for (AgeingTotal bucket : account.ageing()) {
                Row row = rows.row();
                rows.text(row, 0, text.label(bucket.bucket()));
                rows.count(row, 1, bucket.count());
                rows.amount(row, 2, bucket.amount(), false);
                rows.text(row, 3, bucket.amount().currency());
            }

            rows.header(text.labels("reconciliation.balanceProof", "reconciliation.amount", "reconciliation.currency"));
            BalanceProof proof = account.balanceProof();
            if (proof == null) {
                rows.alert(rows.row(), 0, text.label("reconciliation.noStatement"));
            } else {
                proofLine("reconciliation.statementClosing", proof.statementClosing(), false);
                proofLine("reconciliation.booksClosing", proof.booksClosing(), false);
                proofLine("reconciliation.difference", proof.difference(), false);
                proofLine("reconciliation.bankOnly", proof.bankOnly(), false);
                proofLine("reconciliation.booksOnly", proof.booksOnly(), false);
                proofLine("reconciliation.residuals", proof.residuals(), false);
                proofLine("reconciliation.writtenOff", proof.writtenOff(), false);
                proofLine("reconciliation.explained", proof.explained(), false);
                proofLine("reconciliation.unexplained", proof.unexplained(), !proof.unexplained().isZero());
            }

            rows.header(List.of(text.label("reconciliation.continuity")));
            if (account.continuityProblems().isEmpty()) {
                rows.text(rows.row(), 0, text.label("reconciliation.continuityOk"));
            }
            for (ContinuityProblem problem : account.continuityProblems()) {
                rows.alert(rows.row(), 0, text.continuity(problem));
            }

            // how many of the breaks each sheet of breaks lists for the account
            rows.header(text.labels("xlsx.summary.breaks", "reconciliation.count"));
            breaksLine(text.label("xlsx.summary.escalations", text.count(escalateAfterDays)),
                    account.escalations(escalateAfterDays).size());
            breaksLine(text.label("xlsx.summary.timingItems"), account.timingItems().size());
            breaksLine(text.label("xlsx.summary.exceptions"), account.exceptions().size());
        }

        private void breaksLine(String label, long count) {
            Row row = rows.row();
            rows.text(row, 0, label);
            rows.count(row, 1, count);
        }

        private void proofLine(String key, Amount amount, boolean alert) {
            Row row = rows.row();
            if (alert) {
                rows.alert(row, 0, text.label(key));
            } else {
                rows.text(row, 0, text.label(key));
            }
            rows.amount(row, 1, amount, alert);
            rows.text(row, 2, amount.currency());
        }
    }
}
