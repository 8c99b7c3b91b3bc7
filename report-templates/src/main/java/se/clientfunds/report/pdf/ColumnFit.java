package se.clientfunds.report.pdf;

import java.util.Collection;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;

/**
 * The column widths and heading size of a table whose headings may wrap between words but never inside one: OpenPDF
 * cuts a word wider than its cell at whatever letter it reaches. A column narrower than the widest word of its
 * heading is widened to it, the room taken from the other columns in proportion to what they have above their own
 * headings' needs; only when the headings together need more than the table is wide is their size lowered, half a
 * point at a time down to a minimum. Widths are points (floats: they are layout, not money).
 */
final class ColumnFit {

    private static final float STEP = 0.5f;
    /** Room for the cell border and for rounding in OpenPDF's line fitting. */
    private static final float SLACK = 1;

    private final float[] widths;
    private final float size;

    private ColumnFit(float[] widths, float size) {
        this.widths = widths;
        this.size = size;
    }

    /** The columns' widths in points, adding up to the table's width (a copy). */
    float[] widths() {
        return widths.clone();
    }

    /** The font size of the headings. */
    float size() {
        return size;
    }

    /**
     * Fits {@code headings} in {@code font} at {@code size} (or smaller, down to {@code minimumSize}) into columns of
     * {@code widths} points, each cell losing {@code padding} points to its left and right padding.
     */
    static ColumnFit of(float[] widths, List<String> headings, BaseFont font, float size, float minimumSize, float padding) {
        return of(widths, headings, List.of(), font, size, minimumSize, padding);
    }

    /**
     * Fits as {@link #of(float[], List, BaseFont, float, float, float)}, each column also at least as wide as the
     * widest of its {@code contents} at {@code size}, each kept on one line (a job's name, a time with its offset; the
     * rows keep their size when the headings shrink).
     */
    static ColumnFit of(float[] widths, List<String> headings, List<? extends Collection<String>> contents, BaseFont font,
                        float size, float minimumSize, float padding) {
        if (widths.length != headings.size()) {
            throw new IllegalArgumentException(widths.length + " columns for " + headings.size() + " headings " + headings);
        }
        float total = sum(widths);
        float[] rows = new float[widths.length];
        for (int c = 0; c < contents.size() && c < rows.length; c++) {
            for (String content : contents.get(c)) {
                rows[c] = Math.max(rows[c], font.getWidthPoint(content, size) + padding + SLACK);
            }
        }
        float current = size;
        float[] needed = max(needed(headings, font, current, padding), rows);
        while (sum(needed) > total && current - STEP >= minimumSize) {
            current -= STEP;
            needed = max(needed(headings, font, current, padding), rows);
        }
        return new ColumnFit(widen(widths, needed), current);
    }

    /** What each column needs: the widest word of its heading, the cell's padding and a point to spare. */
    static float[] needed(List<String> headings, BaseFont font, float size, float padding) {
        float[] needed = new float[headings.size()];
        for (int c = 0; c < needed.length; c++) {
            needed[c] = widest(List.of(headings.get(c)), font, size, padding);
        }
        return needed;
    }

    /** The widest word of {@code texts} with the cell's padding and a point to spare. */
    private static float widest(Collection<String> texts, BaseFont font, float size, float padding) {
        float widest = 0;
        for (String text : texts) {
            // a word runs from space to space: OpenPDF may also break after a hyphen, but a heading keeps its words whole
            for (String word : text.trim().split("\\s+")) {
                widest = Math.max(widest, font.getWidthPoint(word, size) + padding + SLACK);
            }
        }
        return widest;
    }

    private static float[] max(float[] a, float[] b) {
        float[] max = new float[a.length];
        for (int c = 0; c < a.length; c++) {
            max[c] = Math.max(a[c], b[c]);
        }
        return max;
    }

    /**
     * Raises every column below its need to it and takes the room from the others, each giving up the same share of
     * what it has above its own need, so none is pushed below it while the needs fit in the total.
     */
    static float[] widen(float[] widths, float[] needed) {
        float deficit = 0;
        float spare = 0;
        for (int c = 0; c < widths.length; c++) {
            if (widths[c] < needed[c]) {
                deficit += needed[c] - widths[c];
            } else {
                spare += widths[c] - needed[c];
            }
        }
        float[] fitted = widths.clone();
        if (deficit == 0 || spare <= 0) {
            return fitted;
        }
        float share = Math.min(1, deficit / spare);
        for (int c = 0; c < widths.length; c++) {
            fitted[c] = widths[c] < needed[c] ? needed[c] : widths[c] - (widths[c] - needed[c]) * share;
        }
        return fitted;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }
}
