package se.clientfunds.report.pdf;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words and figures of one report in one locale: labels from {@code reports/pdf-messages*.properties}, amounts and
 * counts in the locale's number format, dates in the bundle's {@code format.date} pattern. Not thread-safe: one per
 * rendering.
 */
final class ReportText {

    static final String BUNDLE = "reports/pdf-messages";

    private final Locale locale;
    private final ResourceBundle labels;
    private final DateTimeFormatter dates;
    private final NumberFormat counts;
    private final Map<Integer, NumberFormat> amounts = new HashMap<>();

    ReportText(Locale locale) {
        if (locale == null) {
            throw new IllegalArgumentException("locale is missing");
        }
        this.locale = locale;
        // no fallback to the JVM's default locale: English is the base bundle, whatever the machine is set to
        this.labels = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = DateTimeFormatter.ofPattern(label("format.date"), locale);
        this.counts = numberFormat(0);
    }

    Locale locale() {
        return locale;
    }

    String label(String key) {
        try {
            return labels.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("label " + key + " is missing from " + BUNDLE + " for locale " + locale, e);
        }
    }

    /** The label with {@code {0}}, {@code {1}}… replaced by the (already formatted) arguments. */
    String label(String key, String... arguments) {
        String text = label(key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", arguments[i]);
        }
        return text;
    }

    String label(Enum<?> value) {
        return label(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** The amount without its currency, e.g. {@code 1 234,50} in Swedish. */
    String amount(Amount amount) {
        return amounts.computeIfAbsent(amount.fractionDigits(), this::numberFormat).format(amount.decimal());
    }

    String count(long count) {
        return counts.format(count);
    }

    String date(LocalDate date) {
        return dates.format(date);
    }

    List<String> labels(String... keys) {
        return java.util.Arrays.stream(keys).map(this::label).toList();
    }

    private NumberFormat numberFormat(int digits) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
        // Swedish CLDR data uses U+2212 as minus and some locales a narrow no-break space for grouping: neither is in
        // the WinAnsi encoding of the standard PDF fonts, so they would vanish from the page
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
