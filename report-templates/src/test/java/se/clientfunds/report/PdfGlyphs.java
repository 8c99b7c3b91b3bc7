package se.clientfunds.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Every glyph of a PDF in the order it is drawn, with its page, its place from the top of the page, its font and size.
 * OpenPDF draws a page's paragraphs before its tables, so the extracted text does not read in the order of the page:
 * {@link #readingOrder} finds where phrases are instead. {@link #words} gives the words as drawn, line by line, for
 * checking that none is cut.
 */
public final class PdfGlyphs extends PDFTextStripper {

    /** One glyph (one or more characters) as drawn. */
    public record Glyph(String text, int page, float x, float top, float width, String font, float size) {
    }

    /** A word as drawn on one line, in one font and size. */
    public record Word(String text, int page, String font, float size) {
    }

    private final List<Glyph> glyphs = new ArrayList<>();

    private PdfGlyphs() {
    }

    public static PdfGlyphs of(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return of(document);
        }
    }

    public static PdfGlyphs of(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return of(document);
        }
    }

    private static PdfGlyphs of(PDDocument document) throws IOException {
        PdfGlyphs glyphs = new PdfGlyphs();
        glyphs.writeText(document, new StringWriter());
        return glyphs;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        glyphs.add(new Glyph(text.getUnicode(), getCurrentPageNo(), text.getXDirAdj(), text.getYDirAdj(), text.getWidthDirAdj(),
                text.getFont().getName() == null ? "" : text.getFont().getName(), text.getFontSizeInPt()));
        super.processTextPosition(text);
    }

    /**
     * Where each phrase is first drawn, as page × 10 000 + its distance from the top of the page, so that phrases in
     * reading order give ascending numbers; -1 for a phrase that is nowhere. A phrase is found within one line.
     */
    public List<Float> readingOrder(String... phrases) {
        StringBuilder all = new StringBuilder();
        List<Integer> owner = new ArrayList<>();
        for (int g = 0; g < glyphs.size(); g++) {
            all.append(glyphs.get(g).text());
            for (int c = 0; c < glyphs.get(g).text().length(); c++) {
                owner.add(g);
            }
        }
        List<Float> where = new ArrayList<>();
        for (String phrase : phrases) {
            int at = all.indexOf(phrase);
            if (at < 0) {
                where.add(-1f);
            } else {
                Glyph first = glyphs.get(owner.get(at));
                where.add(first.page() * 10_000f + first.top());
            }
        }
        return where;
    }

    /**
     * The words as drawn: runs of letters on one line in one font, broken at a space, a letter that is not where the one
     * before it ended, or any glyph that is not a letter.
     */
    public List<Word> words() {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        Glyph previous = null;
        Glyph start = null;
        for (Glyph glyph : glyphs) {
            boolean letter = glyph.text().codePoints().allMatch(Character::isLetter);
            boolean continues = previous != null && letter && word.length() > 0 && glyph.page() == previous.page()
                    && Math.abs(glyph.top() - previous.top()) < 0.5f && glyph.font().equals(previous.font())
                    && Math.abs(glyph.x() - (previous.x() + previous.width())) < Math.max(0.6f, glyph.size() * 0.12f);
            if (!continues && word.length() > 0) {
                words.add(new Word(word.toString(), start.page(), start.font(), start.size()));
                word.setLength(0);
            }
            if (letter) {
                if (word.length() == 0) {
                    start = glyph;
                }
                word.append(glyph.text());
            }
            previous = glyph;
        }
        if (word.length() > 0) {
            words.add(new Word(word.toString(), start.page(), start.font(), start.size()));
        }
        return words;
    }
}
