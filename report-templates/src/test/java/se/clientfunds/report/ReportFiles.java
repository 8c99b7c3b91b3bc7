package se.clientfunds.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads rendered reports back in tests: a PDF's text and fonts, any file's SHA-256. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** The text of every page, as PDFBox extracts it, with Unix line ends. */
    public static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replace("\r\n", "\n");
        }
    }

    /**
     * The text of every page in reading order, top to bottom and left to right, with Unix line ends: OpenPDF writes a
     * page's paragraphs before its tables, so the plain text order is not the order on the page.
     */
    public static String pdfTextByPosition(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace("\r\n", "\n");
        }
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Every font of every page of {@code document}, and of the forms the pages draw (the page count, a chart), each
     * once (by its name), in the order met.
     */
    public static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            collectFonts(page.getResources(), fonts, seen);
        }
        return fonts;
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts, List<String> seen) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (!seen.contains(font.getName())) {
                seen.add(font.getName());
                fonts.add(font);
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts, seen);
            }
        }
    }
}
