package se.clientfunds.report.pdf;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import se.clientfunds.report.Amount;

/**
 * The words and figures of one report in one locale: labels from {@code reports/pdf-messages*.properties} (and, for a
 * report in another package, its own bundle first), amounts and counts in the locale's number format, dates in the
 * bundle's {@code format.date} pattern, times with their offset from UTC in {@code format.dateTime}; and the sentences
 * the records carry as codes (notices, control totals, continuity problems) worded in the locale. Not thread-safe: one
 * per rendering.
 */
public final class ReportText {

    static final String BUNDLE = "reports/pdf-messages";

    private final Locale locale;
    private final List<ResourceBundle> labels;
    private final DateTimeFormatter dates;
    private DateTimeFormatter dateTimes;
    private final NumberFormat counts;
    private final Map<Integer, NumberFormat> amounts = new HashMap<>();

    ReportText(Locale locale) {
        this(locale, List.of(BUNDLE));
    }

    /**
     * The labels of {@code reportBundle} (e.g. {@code reports/audit-messages}), then those every PDF shares: the
     * header's, the footer's and {@code format.date}.
     */
    public ReportText(Locale locale, String reportBundle) {
        this(locale, List.of(reportBundle, BUNDLE));
    }

    private ReportText(Locale locale, List<String> bundles) {
        if (locale == null) {
            throw new IllegalArgumentException("locale is missing");
        }
        this.locale = locale;
        // no fallback to the JVM's default locale: English is the base bundle, whatever the machine is set to
        this.labels = bundles.stream().map(bundle -> ResourceBundle.getBundle(bundle, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))).toList();
        this.dates = DateTimeFormatter.ofPattern(label("format.date"), locale);
        this.counts = numberFormat(0);
    }

    public Locale locale() {
        return locale;
    }

    public String label(String key) {
        for (ResourceBundle bundle : labels) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        throw new IllegalStateException("label " + key + " is missing from " + labels.stream()
                .map(ResourceBundle::getBaseBundleName).toList() + " for locale " + locale);
    }

    /** The label with {@code {0}}, {@code {1}}… replaced by the (already formatted) arguments. */
    public String label(String key, String... arguments) {
        String text = label(key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", arguments[i]);
        }
        return text;
    }

    public String label(Enum<?> value) {
        return label(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** Whether any of the bundles has {@code key}. */
    public boolean has(String key) {
        return labels.stream().anyMatch(bundle -> bundle.containsKey(key));
    }

    /**
     * A code of an open set the records carry as text (a ledger event, a job status, a reason code), worded by the
     * label {@code family.code}; a code without a label is printed as it is, since a new one must still show.
     */
    public String code(String family, String code) {
        return code.isEmpty() || !has(family + "." + code) ? code : label(family + "." + code);
    }

    /** What a control total counts, in the report's language, with its currency when it has one. */
    public String controlTotal(ControlTotal total) {
        String kind = label(total.kind());
        return total.currency() == null ? kind : label("header.controlInCurrency", kind, total.currency());
    }

    /** A notice as the report prints it at its top. */
    public String notice(Notice notice) {
        if (notice instanceof Notice.ClosedWithoutStatement closed) {
            return label("notice.closedWithoutStatement", String.join(", ", closed.accounts()));
        }
        if (notice instanceof Notice.ShortfallWithoutAction shortfall) {
            return label("notice.shortfallWithoutAction", amount(shortfall.shortfall()), shortfall.shortfall().currency(),
                    date(shortfall.day()));
        }
        Notice.LaterVersion later = (Notice.LaterVersion) notice;
        String earlier = later.version() == 2 ? label("notice.laterVersion.one")
                : label("notice.laterVersion.many", count(later.version() - 1L));
        return label("notice.laterVersion", count(later.version()), earlier,
                label(later.reason(), Integer.toString(later.reconciliationRun())));
    }

    /** The label of an enum value with {@code {0}}... replaced by the arguments. */
    public String label(Enum<?> value, String... arguments) {
        return label(value.getDeclaringClass().getSimpleName() + "." + value.name(), arguments);
    }

    /** A problem with an account's chain of statements, as a sentence. */
    public String continuity(ContinuityProblem problem) {
        return switch (problem.kind()) {
            case NO_STATEMENT -> label("continuity.noStatement", date(problem.day()));
            case GAP -> label("continuity.gap", date(problem.day()), date(problem.previousDay()), date(problem.nextDay()));
            case OPENING_DIFFERS -> label("continuity.openingDiffers", date(problem.day()), money(problem.opening()),
                    date(problem.previousDay()), money(problem.previousClosing()));
            case SEQUENCE_BREAK -> label("continuity.sequenceBreak", date(problem.day()), problem.sequence().toString(),
                    date(problem.previousDay()), problem.previousSequence().toString());
        };
    }

    /** The amount followed by its currency, e.g. {@code 1 234,50 SEK}. */
    public String money(Amount amount) {
        return amount(amount) + " " + amount.currency();
    }

    /** The amount without its currency, e.g. {@code 1 234,50} in Swedish. */
    public String amount(Amount amount) {
        return amounts.computeIfAbsent(amount.fractionDigits(), this::numberFormat).format(amount.toDecimal());
    }

    public String count(long count) {
        return counts.format(count);
    }

    public String date(LocalDate date) {
        return dates.format(date);
    }

    /**
     * A date and time with its offset from UTC in the bundle's {@code format.dateTime} pattern, e.g.
     * {@code 2026-01-07 06:31:02 +01:00}: a reader in another time zone, or a day that changes to summer time, still
     * reads the instant it was.
     */
    public String dateTime(OffsetDateTime dateTime) {
        if (dateTimes == null) {
            dateTimes = DateTimeFormatter.ofPattern(label("format.dateTime"), locale);
        }
        return dateTimes.format(dateTime);
    }

    /**
     * A time a bank wrote as ISO 8601 text with its offset ({@code 2026-01-07T23:59:59+01:00}) in the locale's
     * {@code format.dateTime}; text that is not such a time is printed as the bank wrote it.
     */
    public String bankTime(String iso) {
        try {
            return dateTime(OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    public List<String> labels(String... keys) {
        return java.util.Arrays.stream(keys).map(this::label).toList();
    }

    private NumberFormat numberFormat(int digits) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
        // Swedish CLDR data uses U+2212 as minus and some locales a narrow no-break space for grouping. The embedded
        // fonts print both, but a figure keeps the hyphen-minus and the plain no-break space it always had, so that
        // searching a PDF for "-1 234,50", as typed on a keyboard, finds it, as it does in earlier days' PDFs
        symbols.setMinusSign('-');
        if (symbols.getGroupingSeparator() == '\u202f') {
            symbols.setGroupingSeparator('\u00a0');
        }
        format.setDecimalFormatSymbols(symbols);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setGroupingUsed(true);
        return format;
    }
}
