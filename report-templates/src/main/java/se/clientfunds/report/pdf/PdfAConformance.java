package se.clientfunds.report.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfICCBased;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

/**
 * What makes a report an archival PDF, PDF/A-2b (ISO 19005-2, level B: the pages look the same wherever and whenever
 * they are opened): PDF 1.7, an sRGB output intent for the RGB colours the pages use, and XMP metadata that says so and
 * repeats the document information (title, producer, dates). OpenPDF 2.0.5 knows only PDF/A-1, whose fonts need a
 * CIDSet that lists every glyph of the subset; OpenPDF's lists the glyphs used but leaves out the .notdef glyph and the
 * parts of composite glyphs that the subset holds as well. PDF/A-2 asks for no CIDSet, so the fonts are written
 * without one ({@link PdfLayout.FontFile#embed()}).
 * Everything here follows from the title, the business date and the producer: no wall clock, no random document id.
 */
final class PdfAConformance {

    static final int PART = 2;
    static final String CONFORMANCE = "B";

    /** The ICC registry's name of the colour space the pages are meant for. */
    private static final String SRGB = "sRGB IEC61966-2.1";

    private PdfAConformance() {
    }

    /** Before the document is opened: the version its header names. */
    static void beforeOpen(PdfWriter writer) {
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
    }

    /** After the document is opened: the output intent and the metadata. */
    static void declare(PdfWriter writer, String title, LocalDate businessDate, String producer) {
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, PdfName.GTS_PDFA1);
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB));
        intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
        intent.put(PdfName.INFO, new PdfString(SRGB));
        // the Java runtime's own sRGB profile: the same bytes on every machine of one Java version
        PdfICCBased profile = new PdfICCBased(ICC_Profile.getInstance(ColorSpace.CS_sRGB), writer.getCompressionLevel());
        try {
            intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(profile).getIndirectReference());
        } catch (IOException e) {
            throw new UncheckedIOException("the sRGB output profile cannot be written", e);
        }
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
        writer.setXmpMetadata(xmp(title, businessDate, producer));
    }

    /**
     * The XMP packet: PDF/A identification and the information dictionary's title, producer and dates (the business
     * date, midnight UTC, as the dictionary has them). Written by hand rather than with OpenPDF's XmpWriter, which
     * knows only PDF/A-1.
     */
    static byte[] xmp(String title, LocalDate businessDate, String producer) {
        String date = businessDate + "T00:00:00Z";
        String packet = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                + "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                + "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "   <pdfaid:part>" + PART + "</pdfaid:part>\n"
                + "   <pdfaid:conformance>" + CONFORMANCE + "</pdfaid:conformance>\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n"
                + "   <pdf:Producer>" + escape(producer) + "</pdf:Producer>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
        return packet.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
