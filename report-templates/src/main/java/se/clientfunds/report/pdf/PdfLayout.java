package se.clientfunds.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;

/**
 * The PDF layout a person can edit, read from {@code reports/pdf-layout.properties}: page size and margins, font sizes,
 * the alert colour and table settings.
 */
final class PdfLayout {

    static final String RESOURCE = "reports/pdf-layout.properties";

    /**
     * The standard fonts, not embedded, in WinAnsi (Windows-1252). Fonts are made from these base fonts on purpose:
     * given a font by family name only, OpenPDF 2 swaps in an embedded LiberationSans subset for any text with a
     * character above U+00FF (an en dash in "0–1"), and that subset's name carries a random prefix.
     */
    private static final BaseFont[] HELVETICA = {base(BaseFont.HELVETICA), base(BaseFont.HELVETICA_BOLD),
            base(BaseFont.HELVETICA_OBLIQUE), base(BaseFont.HELVETICA_BOLDOBLIQUE)};

    private static final BaseFont COURIER = base(BaseFont.COURIER);

    private static final PdfLayout DEFAULT = load();

    final Rectangle safeguardingPage;
    final Rectangle reconciliationPage;
    final float marginLeft;
    final float marginRight;
    final float marginTop;
    final float marginBottom;
    final float titleSize;
    final float headingSize;
    final float bodySize;
    final float tableSize;
    final float hashSize;
    final Color alert;
    final Color headerBackground;
    final Color groupBackground;
    final int breaksRowsPerFlush;
    final Color[] chartSeries;
    final float chartHeight;
    final String producer;
    private final Properties properties;

    private PdfLayout(Properties properties) {
        this.properties = properties;
        safeguardingPage = page(properties, "page.safeguarding");
        reconciliationPage = page(properties, "page.reconciliation");
        marginLeft = number(properties, "page.margin.left");
        marginRight = number(properties, "page.margin.right");
        marginTop = number(properties, "page.margin.top");
        marginBottom = number(properties, "page.margin.bottom");
        titleSize = number(properties, "font.title.size");
        headingSize = number(properties, "font.heading.size");
        bodySize = number(properties, "font.body.size");
        tableSize = number(properties, "font.table.size");
        hashSize = number(properties, "font.hash.size");
        alert = color(properties, "color.alert");
        headerBackground = color(properties, "color.table.header");
        groupBackground = color(properties, "color.table.group");
        breaksRowsPerFlush = (int) number(properties, "breaks.rows-per-flush");
        chartSeries = java.util.Arrays.stream(text(properties, "color.chart.series").split(","))
                .map(colour -> color("color.chart.series", colour.trim())).toArray(Color[]::new);
        chartHeight = number(properties, "chart.height");
        producer = text(properties, "producer");
    }

    static PdfLayout standard() {
        return DEFAULT;
    }

    /** Helvetica in {@code style} (normal, bold or italic), black. */
    Font font(float size, int style) {
        return new Font(HELVETICA[style & (Font.BOLD | Font.ITALIC)], size, Font.NORMAL, Color.BLACK);
    }

    Font font(float size, int style, Color color) {
        return new Font(HELVETICA[style & (Font.BOLD | Font.ITALIC)], size, Font.NORMAL, color);
    }

    Font alertFont(float size) {
        return font(size, Font.BOLD, alert);
    }

    Font hashFont() {
        return new Font(COURIER, hashSize, Font.NORMAL, Color.BLACK);
    }

    /** The page size under {@code key}, e.g. {@code page.audit}. */
    Rectangle page(String key) {
        return page(properties, key);
    }

    static BaseFont helvetica() {
        return HELVETICA[0];
    }

    private static BaseFont base(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("standard font " + name + " cannot be loaded", e);
        }
    }

    private static PdfLayout load() {
        Properties properties = new Properties();
        try (InputStream in = PdfLayout.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new PdfLayout(properties);
    }

    private static String text(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is missing from " + RESOURCE);
        }
        return value.trim();
    }

    private static float number(Properties properties, String key) {
        String value = text(properties, key);
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " '" + value + "' in " + RESOURCE + " is not a number", e);
        }
    }

    private static Color color(Properties properties, String key) {
        return color(key, text(properties, key));
    }

    private static Color color(String key, String value) {
        if (!value.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalStateException(key + " '" + value + "' in " + RESOURCE + " is not a colour like #C00000");
        }
        return new Color(Integer.parseInt(value.substring(1), 16));
    }

    private static Rectangle page(Properties properties, String key) {
        String value = text(properties, key);
        boolean landscape = value.endsWith(" landscape");
        Rectangle size;
        try {
            size = PageSize.getRectangle(landscape ? value.substring(0, value.length() - " landscape".length()) : value);
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + " '" + value + "' in " + RESOURCE + " is not a page size like A4", e);
        }
        return landscape ? size.rotate() : size;
    }
}
