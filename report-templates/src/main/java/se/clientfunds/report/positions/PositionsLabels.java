package se.clientfunds.report.positions;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The {@code positions.*} labels of {@code reports/messages*.properties} in one locale. English, the base bundle,
 * stands in for a locale without its own file; the JVM's default locale never does, so a rendering does not depend
 * on the machine it runs on.
 */
final class PositionsLabels {

    static final String PREFIX = "positions.";

    private final ResourceBundle bundle;

    PositionsLabels(Locale locale) {
        this.bundle = ResourceBundle.getBundle("reports.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The label of {@code key}, which starts with {@value #PREFIX}. */
    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no label '" + key + "' in reports/messages for locale '"
                    + bundle.getLocale() + "'", e);
        }
    }
}
