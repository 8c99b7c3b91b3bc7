package se.clientfunds.report.monthly;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import se.clientfunds.report.pdf.Amount;
import se.clientfunds.report.pdf.ChartSeries;
import se.clientfunds.report.pdf.ReportDocument;
import se.clientfunds.report.pdf.ReportText;

/**
 * Writes {@code safeguarding-return.pdf}: the report header, the month per currency (highest and lowest requirement
 * with their days, clients with funds, shortfall days, breaks), then per currency a line chart of the daily
 * requirement and resource and the table of the days; a shortfall in red. The same return and locale give the same
 * bytes.
 *
 * <pre>{@code
 * new SafeguardingReturnPdf(Locale.GERMAN).write(monthlyReturn, Path.of("reports/2026-01-30/safeguarding-return.pdf"));
 * }</pre>
 */
public final class SafeguardingReturnPdf {

    static final String BUNDLE = "reports/monthly-messages";

    private final Locale locale;

    /** A renderer with the labels, number and date formats of {@code locale} (English, Swedish or German). */
    public SafeguardingReturnPdf(Locale locale) {
        if (locale == null) {
            throw new IllegalArgumentException("locale is missing");
        }
        this.locale = locale;
    }

    public void write(SafeguardingReturn monthly, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(monthly, out);
        }
    }

    /** Writes the return to {@code out}, which stays open. */
    public void write(SafeguardingReturn monthly, OutputStream out) throws IOException {
        if (monthly == null) {
            throw new IllegalArgumentException("return is missing");
        }
        ReportText text = new ReportText(locale, BUNDLE);
        String title = text.label("return.titleOf", month(text, monthly.month()));
        try (ReportDocument pdf = new ReportDocument(ReportDocument.keepOpen(out),
                ReportDocument.pageSize("page.safeguarding"), title, monthly.header(), text)) {
            pdf.header(title, monthly.header());
            summary(pdf, text, monthly);
            for (String currency : monthly.currencies()) {
                days(pdf, text, currency, monthly.days(currency));
            }
        }
        out.flush();
    }

    /** The month as the title names it, e.g. {@code January 2026}, {@code januari 2026}. */
    static String month(ReportText text, YearMonth month) {
        return DateTimeFormatter.ofPattern(text.label("format.month"), text.locale()).format(month);
    }

    /** One column per currency, one row per figure. */
    private static void summary(ReportDocument pdf, ReportText text, SafeguardingReturn monthly) {
        pdf.heading(text.label("return.summary"));
        if (monthly.currencies().isEmpty()) {
            pdf.add(pdf.bodyParagraph(text.label("return.noDays"), Font.ITALIC));
            return;
        }
        List<CurrencySummary> summaries = monthly.summaries();
        float[] widths = new float[1 + summaries.size()];
        widths[0] = 4;
        Arrays.fill(widths, 1, widths.length, 2);
        PdfPTable table = pdf.table(widths);
        List<String> headings = new ArrayList<>();
        headings.add(text.label("return.currency"));
        summaries.forEach(summary -> headings.add(summary.currency()));
        pdf.headerRow(table, headings);
        row(pdf, table, text.label("return.highest"), summaries, summary -> text.amount(summary.highest().requirement()));
        row(pdf, table, text.label("return.highestDate"), summaries, summary -> text.date(summary.highest().date()));
        row(pdf, table, text.label("return.lowest"), summaries, summary -> text.amount(summary.lowest().requirement()));
        row(pdf, table, text.label("return.lowestDate"), summaries, summary -> text.date(summary.lowest().date()));
        row(pdf, table, text.label("return.clientsAtMonthEnd"), summaries,
                summary -> text.count(summary.figures().clientsWithFundsAtMonthEnd()));
        row(pdf, table, text.label("return.clientsMax"), summaries,
                summary -> text.count(summary.figures().clientsWithFundsMax()));
        table.addCell(pdf.cell(text.label("return.shortfallDays"), Element.ALIGN_LEFT));
        for (CurrencySummary summary : summaries) {
            String days = text.count(summary.shortfallDays());
            table.addCell(summary.shortfallDays() > 0 ? pdf.alertCell(days, Element.ALIGN_RIGHT)
                    : pdf.cell(days, Element.ALIGN_RIGHT));
        }
        row(pdf, table, text.label("return.breaksOpened"), summaries, summary -> text.count(summary.figures().breaksOpened().count()));
        row(pdf, table, text.label("return.breaksOpen"), summaries,
                summary -> text.count(summary.figures().breaksOpenAtMonthEnd().count()));
        pdf.add(table);
        long shortDays = monthly.days().stream().filter(DayLine::shortfall).map(DayLine::date).distinct().count();
        if (shortDays > 0) {
            pdf.add(pdf.alertParagraph(text.label("return.shortfallWarning", text.count(shortDays))));
        }
    }

    private static void row(ReportDocument pdf, PdfPTable table, String label, List<CurrencySummary> summaries,
                            Function<CurrencySummary, String> value) {
        table.addCell(pdf.cell(label, Element.ALIGN_LEFT));
        for (CurrencySummary summary : summaries) {
            table.addCell(pdf.cell(value.apply(summary), Element.ALIGN_RIGHT));
        }
    }

    /** The currency's chart, then its days: date, requirement, resource, difference, status. */
    private static void days(ReportDocument pdf, ReportText text, String currency, List<DayLine> days) {
        pdf.heading(text.label("return.chart", currency));
        List<String> points = new ArrayList<>();
        List<Amount> requirements = new ArrayList<>();
        List<Amount> resources = new ArrayList<>();
        Set<Integer> shortfalls = new HashSet<>();
        for (DayLine day : days) {
            if (day.shortfall()) {
                shortfalls.add(points.size());
            }
            points.add(text.date(day.date()));
            requirements.add(day.requirement());
            resources.add(day.resource());
        }
        pdf.lineChart(points, List.of(new ChartSeries(text.label("return.requirement"), requirements),
                new ChartSeries(text.label("return.resource"), resources)), shortfalls);

        pdf.heading(text.label("return.days", currency));
        PdfPTable table = pdf.table(new float[] {2.2f, 3, 3, 3, 2.2f});
        pdf.headerRow(table, text.labels("return.date", "return.requirement", "return.resource", "return.difference",
                "return.status"));
        boolean incomplete = false;
        for (DayLine day : days) {
            table.addCell(pdf.cell(text.date(day.date()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.amount(day.requirement()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.amount(day.resource()) + (day.resourceComplete() ? "" : " *"), Element.ALIGN_RIGHT));
            table.addCell(flagged(pdf, text.amount(day.difference()), day.shortfall(), Element.ALIGN_RIGHT));
            table.addCell(flagged(pdf, text.label(day.status()), day.shortfall(), Element.ALIGN_LEFT));
            incomplete |= !day.resourceComplete();
        }
        pdf.add(table);
        if (incomplete) {
            pdf.add(pdf.bodyParagraph("* " + text.label("return.resourceIncomplete"), Font.ITALIC));
        }
    }

    private static PdfPCell flagged(ReportDocument pdf, String words, boolean shortfall, int alignment) {
        return shortfall ? pdf.alertCell(words, alignment) : pdf.cell(words, alignment);
    }
}
