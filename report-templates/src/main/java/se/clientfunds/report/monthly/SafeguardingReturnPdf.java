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
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.ChartSeries;
import se.clientfunds.report.pdf.ReportDocument;
import se.clientfunds.report.pdf.ReportText;
import se.clientfunds.report.pdf.SafeguardingAction;
import se.clientfunds.report.pdf.SafeguardingTables;

/**
 * Writes {@code safeguarding-return.pdf}: the title, the notices and the month's identification, then the key figures
 * per currency before anything else (average, highest and lowest requirement with their days, clients with funds,
 * shortfall days, breaks opened, cleared and open at month end by number and value), the resource per account at month
 * end, the breaks open at month end for longer than the escalation threshold, every shortfall day with the actions
 * taken (one without an action in red), only then the input files with their SHA-256 and the control totals; per
 * currency a line chart of the daily requirement and resource and the table of the days (a shortfall in red); and an
 * attestation to sign. No figure adds up requirements of different days: they are not amounts that exist together.
 * The same return and locale give the same bytes.
 *
 * <pre>{@code
 * new SafeguardingReturnPdf(Locale.GERMAN).write(monthly, Path.of("reports/2026-01-30/safeguarding-return.pdf"));
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
        try (ReportDocument pdf = new ReportDocument(ReportDocument.keepOpen(out), ReportDocument.pageSize("page.return"),
                title, monthly.header(), text)) {
            pdf.identification(title, monthly.header());
            summary(pdf, text, monthly);
            pdf.heading(text.label("return.resources"));
            SafeguardingTables.resources(pdf, monthly.resourcesAtMonthEnd());
            agedBreaks(pdf, text, monthly);
            shortfalls(pdf, text, monthly.shortfalls());
            pdf.inputsAndTotals(monthly.header());
            for (String currency : monthly.currencies()) {
                days(pdf, text, currency, monthly.days(currency));
            }
            attestation(pdf, text);
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
        widths[0] = 5;
        Arrays.fill(widths, 1, widths.length, 2);
        PdfPTable table = pdf.table(widths);
        table.setWidthPercentage(Math.min(100, 40 + 15 * summaries.size()));
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        List<String> headings = new ArrayList<>();
        headings.add(text.label("return.currency"));
        summaries.forEach(summary -> headings.add(summary.currency()));
        pdf.headerRow(table, headings);
        row(pdf, table, text.label("return.average"), summaries, summary -> text.amount(summary.averageRequirement()));
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
        tally(pdf, table, text, "return.breaksOpened", summaries, figures -> figures.breaksOpened());
        tally(pdf, table, text, "return.breaksCleared", summaries, figures -> figures.breaksCleared());
        tally(pdf, table, text, "return.breaksOpen", summaries, figures -> figures.breaksOpenAtMonthEnd());
        pdf.add(table);
        long shortDays = monthly.days().stream().filter(DayLine::shortfall).map(DayLine::date).distinct().count();
        if (shortDays > 0) {
            pdf.add(pdf.alertParagraph(text.label("return.shortfallWarning", text.count(shortDays))));
        }
    }

    /** A tally of breaks on two rows: how many, and what they are worth. */
    private static void tally(ReportDocument pdf, PdfPTable table, ReportText text, String key, List<CurrencySummary> summaries,
                              Function<MonthFigures, BreakTally> tally) {
        row(pdf, table, text.label(key + ".count"), summaries, summary -> text.count(tally.apply(summary.figures()).count()));
        row(pdf, table, text.label(key + ".value"), summaries, summary -> text.amount(tally.apply(summary.figures()).value()));
    }

    private static void row(ReportDocument pdf, PdfPTable table, String label, List<CurrencySummary> summaries,
                            Function<CurrencySummary, String> value) {
        table.addCell(pdf.cell(label, Element.ALIGN_LEFT));
        for (CurrencySummary summary : summaries) {
            table.addCell(pdf.cell(value.apply(summary), Element.ALIGN_RIGHT));
        }
    }

    /** The breaks open at month end for longer than the escalation threshold, oldest booking first. */
    private static void agedBreaks(ReportDocument pdf, ReportText text, SafeguardingReturn monthly) {
        List<AgedBreak> aged = monthly.agedBreaks();
        pdf.heading(text.label("return.agedBreaks", text.count(monthly.escalateAfterDays()), text.count(aged.size())));
        PdfPTable table = pdf.table(new float[] {1.2f, 4, 2.4f, 1.8f, 2.2f, 1, 2.2f, 3, 1.9f, 1});
        pdf.headerRow(table, text.labels("breaks.id", "return.account", "breaks.type", "breaks.direction", "breaks.amount",
                "breaks.currency", "breaks.reference", "breaks.counterparty", "breaks.bookingDate", "breaks.age"));
        for (AgedBreak item : aged) {
            table.addCell(pdf.cell(Long.toString(item.id()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(item.accountIban(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.label(item.type()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.label(item.direction()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.amount(item.amount()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(item.amount().currency(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(item.reference(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(item.counterparty(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.date(item.bookingDate()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.count(item.ageBankingDays()), Element.ALIGN_RIGHT));
        }
        if (aged.isEmpty()) {
            table.addCell(pdf.span(text.label("header.none"), 10));
        }
        pdf.add(table);
    }

    /**
     * Every day of the month with a shortfall, the shortfall in red, and each action recorded about it on a row of its
     * own; a day without any says so in red.
     */
    private static void shortfalls(ReportDocument pdf, ReportText text, List<ShortfallDay> shortfalls) {
        pdf.heading(text.label("return.shortfalls"));
        PdfPTable table = pdf.table(new float[] {1.9f, 2.2f, 1, 2.6f, 2.2f, 1.9f, 3.4f, 3.4f});
        pdf.headerRow(table, text.labels("return.date", "return.shortfall", "header.currency", "safeguarding.action",
                "safeguarding.amount", "safeguarding.by", "safeguarding.recordedAt", "safeguarding.reason"));
        for (ShortfallDay day : shortfalls) {
            List<SafeguardingAction> actions = day.actions();
            for (int a = 0; a < Math.max(1, actions.size()); a++) {
                table.addCell(pdf.cell(text.date(day.day()), Element.ALIGN_LEFT));
                table.addCell(pdf.alertCell(text.amount(day.shortfall()), Element.ALIGN_RIGHT));
                table.addCell(pdf.cell(day.shortfall().currency(), Element.ALIGN_LEFT));
                if (actions.isEmpty()) {
                    PdfPCell none = pdf.alertCell(text.label("return.noAction"), Element.ALIGN_LEFT);
                    none.setColspan(5);
                    table.addCell(none);
                    continue;
                }
                SafeguardingAction action = actions.get(a);
                table.addCell(pdf.cell(SafeguardingTables.actionType(text, action), Element.ALIGN_LEFT));
                table.addCell(pdf.cell(text.money(action.amount()), Element.ALIGN_RIGHT));
                table.addCell(pdf.cell(action.operator(), Element.ALIGN_LEFT));
                table.addCell(pdf.cell(text.dateTime(action.at()), Element.ALIGN_LEFT));
                table.addCell(pdf.cell(action.reason(), Element.ALIGN_LEFT));
            }
        }
        if (shortfalls.isEmpty()) {
            table.addCell(pdf.span(text.label("header.none"), 8));
        }
        pdf.add(table);
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
        table.setWidthPercentage(75);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        pdf.headerRow(table, text.labels("return.date", "return.requirement", "return.resource", "return.difference",
                "return.status"));
        boolean incomplete = false;
        for (DayLine day : days) {
            table.addCell(pdf.cell(text.date(day.date()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.amount(day.requirement()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.amount(day.resource()) + (day.resourceComplete() ? "" : " *"), Element.ALIGN_RIGHT));
            table.addCell(flagged(pdf, text.amount(day.difference()), day.shortfall(), Element.ALIGN_RIGHT));
            table.addCell(flagged(pdf, text.label(day.status()), day.status().alert(), Element.ALIGN_LEFT));
            incomplete |= !day.resourceComplete();
        }
        pdf.add(table);
        if (incomplete) {
            pdf.add(pdf.bodyParagraph("* " + text.label("return.resourceIncomplete"), Font.ITALIC));
        }
    }

    /** The statement whoever files the return signs, and the lines to sign it on: name, role, signature, date. */
    private static void attestation(ReportDocument pdf, ReportText text) {
        pdf.heading(text.label("return.attestation"));
        PdfPTable table = pdf.table(new float[] {4, 3, 4, 2.4f});
        table.setKeepTogether(true);
        PdfPCell statement = pdf.bodyCell(text.label("return.attestationStatement"));
        statement.setColspan(4);
        statement.setBorder(Rectangle.NO_BORDER);
        table.addCell(statement);
        table.addCell(pdf.signatureLine(text.label("signoff.name")));
        table.addCell(pdf.signatureLine(text.label("return.role")));
        table.addCell(pdf.signatureLine(text.label("signoff.signature")));
        table.addCell(pdf.signatureLine(text.label("signoff.date")));
        pdf.add(table);
    }

    private static PdfPCell flagged(ReportDocument pdf, String words, boolean shortfall, int alignment) {
        return shortfall ? pdf.alertCell(words, alignment) : pdf.cell(words, alignment);
    }
}
