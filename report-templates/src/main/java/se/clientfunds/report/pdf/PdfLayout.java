package se.clientfunds.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;

/**
 * The PDF layout a person can edit, read from {@code reports/pdf-layout.properties}: page size and margins, the font
 * files and sizes, the alert colour and table settings.
 */
final class PdfLayout {

    static final String RESOURCE = "reports/pdf-layout.properties";

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
    final float headerMinimumSize;
    final Color alert;
    final Color headerBackground;
    final Color groupBackground;
    final Color noticeBorder;
    final int breaksRowsPerFlush;
    final Color[] chartSeries;
    final float chartHeight;
    final String producer;
    /** The text faces by OpenPDF style bits: normal, bold, italic, bold italic. */
    final FontFile[] textFaces;
    final FontFile hashFace;
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
        headerMinimumSize = number(properties, "font.table.header.minimum-size");
        alert = color(properties, "color.alert");
        headerBackground = color(properties, "color.table.header");
        groupBackground = color(properties, "color.table.group");
        noticeBorder = color(properties, "color.notice.border");
        breaksRowsPerFlush = (int) number(properties, "breaks.rows-per-flush");
        chartSeries = java.util.Arrays.stream(text(properties, "color.chart.series").split(","))
                .map(colour -> color("color.chart.series", colour.trim())).toArray(Color[]::new);
        chartHeight = number(properties, "chart.height");
        producer = text(properties, "producer");
        textFaces = new FontFile[] {fontFile(properties, "font.regular"), fontFile(properties, "font.bold"),
                fontFile(properties, "font.italic"), fontFile(properties, "font.boldItalic")};
        hashFace = fontFile(properties, "font.hash");
    }

    static PdfLayout standard() {
        return DEFAULT;
    }

    /** The page size under {@code key}, e.g. {@code page.audit}. */
    Rectangle page(String key) {
        return page(properties, key);
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

    private static FontFile fontFile(Properties properties, String key) {
        String resource = text(properties, key);
        try (InputStream in = PdfLayout.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(key + " '" + resource + "' in " + RESOURCE + " is not on the class path");
            }
            return new FontFile(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key + " '" + resource + "' named in " + RESOURCE, e);
        }
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

    /**
     * A TrueType file read once from the class path. Each document makes its own font of it ({@link #embed()}): the
     * name tag of an embedded subset is set per document, which a font shared by documents rendered at once could
     * not keep apart.
     */
    static final class FontFile {

        private final String resource;
        private final byte[] program;

        FontFile(String resource, byte[] program) {
            this.resource = resource;
            this.program = program;
        }

        /** A new font of this file for one document: Unicode (Identity-H), embedded as a subset of the glyphs used. */
        BaseFont embed() {
            try {
                BaseFont font = BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, program, null);
                // OpenPDF's CIDSet names the glyphs used, but the subset also holds the .notdef glyph and the parts
                // of composite glyphs: PDF/A-2 wants no CIDSet rather than an incomplete one (see PdfAConformance)
                font.setIncludeCidSet(false);
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException("font " + resource + " cannot be read", e);
            } catch (DocumentException e) {
                throw new IllegalStateException("font " + resource + " is not a TrueType font OpenPDF can embed", e);
            }
        }

        String resource() {
            return resource;
        }
    }
}
