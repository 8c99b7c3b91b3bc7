package se.clientfunds.report.pdf;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads back every glyph of a PDF with the fill colour it was painted in (the graphics state's non-stroking colour
 * when the glyph is shown), so a test can tell which words are really drawn in red.
 */
public final class ColouredText extends PDFTextStripper {

    private final StringBuilder glyphs = new StringBuilder();
    private final List<Integer> colours = new ArrayList<>();

    private ColouredText() {
        // the text stripper ignores colour operators unless told to follow them
        addOperator(new SetNonStrokingColorSpace(this));
        addOperator(new SetNonStrokingColor(this));
        addOperator(new SetNonStrokingColorN(this));
        addOperator(new SetNonStrokingDeviceGrayColor(this));
        addOperator(new SetNonStrokingDeviceRGBColor(this));
        addOperator(new SetNonStrokingDeviceCMYKColor(this));
    }

    public static ColouredText of(PDDocument document) throws IOException {
        ColouredText text = new ColouredText();
        text.writeText(document, new StringWriter());
        return text;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        int rgb;
        try {
            rgb = getGraphicsState().getNonStrokingColor().toRGB();
        } catch (IOException e) {
            throw new IllegalStateException("colour of '" + text.getUnicode() + "' cannot be read", e);
        }
        for (char glyph : text.getUnicode().toCharArray()) {
            glyphs.append(glyph);
            colours.add(rgb);
        }
        super.processTextPosition(text);
    }

    /** The fill colours (0xRRGGBB) of every glyph of every occurrence of {@code word}; empty when it is not there. */
    public Set<Integer> coloursOf(String word) {
        Set<Integer> found = new HashSet<>();
        for (int at = glyphs.indexOf(word); at >= 0; at = glyphs.indexOf(word, at + 1)) {
            found.addAll(colours.subList(at, at + word.length()));
        }
        return found;
    }

    public static boolean red(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        return r >= 0xa0 && g <= 0x40 && b <= 0x40;
    }
}
