package se.clientfunds.report.pdf;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The words and figures of one report in one locale: labels from {@code reports/pdf-messages*.properties} (and, for a
 * report in another package, its own bundle first), amounts and counts in the locale's number format, dates in the
 * bundle's {@code format.date} pattern. Not thread-safe: one per rendering.
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

    /** The amount without its currency, e.g. {@code 1 234,50} in Swedish. */
    public String amount(Amount amount) {
        return amounts.computeIfAbsent(amount.fractionDigits(), this::numberFormat).format(amount.decimal());
    }

    public String count(long count) {
        return counts.format(count);
    }

    public String date(LocalDate date) {
        return dates.format(date);
    }

    /** A date and time in the bundle's {@code format.dateTime} pattern. */
    public String dateTime(LocalDateTime dateTime) {
        if (dateTimes == null) {
            dateTimes = DateTimeFormatter.ofPattern(label("format.dateTime"), locale);
        }
        return dateTimes.format(dateTime);
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
