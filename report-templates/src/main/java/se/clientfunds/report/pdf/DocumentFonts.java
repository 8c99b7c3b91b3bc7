package se.clientfunds.report.pdf;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts of one PDF: the layout's TrueType faces in Unicode (Identity-H), each embedded as a subset of the glyphs
 * the document uses, so any character the faces have is printed and the file needs no font from the reader. A face is
 * read when the document first uses it. Not thread-safe: one per document.
 */
final class DocumentFonts {

    private static final int STYLES = Font.BOLD | Font.ITALIC;

    private final PdfLayout layout;
    private final BaseFont[] text = new BaseFont[STYLES + 1];
    private BaseFont hash;
    private final List<BaseFont> used = new ArrayList<>();
    private final List<String> usedFiles = new ArrayList<>();

    DocumentFonts(PdfLayout layout) {
        this.layout = layout;
    }

    /** The text face in {@code style} (normal, bold, italic or both), black. */
    Font font(float size, int style) {
        return font(size, style, Color.BLACK);
    }

    Font font(float size, int style, Color colour) {
        // the style is the face's own: OpenPDF's style bits on a font would embolden or slant the face again
        return new Font(text(style), size, Font.NORMAL, colour);
    }

    Font alertFont(float size) {
        return font(size, Font.BOLD, layout.alert);
    }

    /** The fixed-width face the SHA-256 hashes are printed in. */
    Font hashFont() {
        if (hash == null) {
            hash = embed(layout.hashFace);
        }
        return new Font(hash, layout.hashSize, Font.NORMAL, Color.BLACK);
    }

    /** The bold text face, for measuring headings. */
    BaseFont bold() {
        return text(Font.BOLD);
    }

    /** The regular text face, for text drawn on a canvas (running head, charts). */
    BaseFont regular() {
        return text(Font.NORMAL);
    }

    /**
     * Gives every subset a name tag (the six letters before "+" in its font name) derived from the document's
     * content and the font file, where OpenPDF would draw one at random: the same records then give the same bytes,
     * and two faces of one document still get different tags, as PDF asks. Called once the content is complete,
     * before the document is closed and the subsets are written.
     */
    void tagSubsets(byte[] contentDigest) {
        for (int f = 0; f < used.size(); f++) {
            used.get(f).setSecureRandom(new SubsetTag(contentDigest, usedFiles.get(f)));
        }
    }

    private BaseFont text(int style) {
        int face = style & STYLES;
        if (text[face] == null) {
            text[face] = embed(layout.textFaces[face]);
        }
        return text[face];
    }

    private BaseFont embed(PdfLayout.FontFile file) {
        BaseFont font = file.embed();
        used.add(font);
        usedFiles.add(file.resource());
        return font;
    }

    /**
     * What OpenPDF draws a subset's name tag from, made to give the same letters for the same seed: a stream of
     * SHA-256 blocks of the seed and a counter. Only the six letters of a tag come from it, never anything secret.
     */
    private static final class SubsetTag extends SecureRandom {

        SubsetTag(byte[] contentDigest, String fontFile) {
            super(new DigestStream(contentDigest, fontFile), null);
        }
    }

    private static final class DigestStream extends SecureRandomSpi {

        private final MessageDigest sha256 = ReportDocument.sha256();
        private final byte[] seed;
        private byte[] block = new byte[0];
        private int next;
        private long counter;

        DigestStream(byte[] contentDigest, String fontFile) {
            sha256.update(contentDigest);
            sha256.update(fontFile.getBytes(StandardCharsets.UTF_8));
            this.seed = sha256.digest();
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (next == block.length) {
                    sha256.update(seed);
                    sha256.update(Long.toString(counter++).getBytes(StandardCharsets.US_ASCII));
                    block = sha256.digest();
                    next = 0;
                }
                bytes[i] = block[next++];
            }
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            throw new UnsupportedOperationException("a subset tag follows the document's content, it takes no other seed");
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new UnsupportedOperationException("a subset tag generates no seeds");
        }
    }
}
