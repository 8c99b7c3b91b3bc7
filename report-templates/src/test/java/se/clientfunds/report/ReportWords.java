package se.clientfunds.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The words of the report bundles, read from their files as they are (no fallback from a locale to English, so a key
 * missing in Swedish counts as untranslated), and the text a reader sees in a rendered report: a PDF's text, a
 * workbook's sheet names, cell texts, page headers and footers, chart titles and title.
 */
public final class ReportWords {

    /** Every bundle of the reports, without its locale suffix. */
    public static final List<String> BUNDLES = List.of("reports/pdf-messages", "reports/audit-messages",
            "reports/monthly-messages", "reports/reconciliation-xlsx-messages", "reports/messages", "reports/aml-messages");

    private ReportWords() {
    }

    /** The keys and values of every bundle's file for {@code locale} (English: the base files), key by key. */
    public static Map<String, String> bundle(Locale locale) {
        Map<String, String> all = new TreeMap<>();
        String suffix = locale.getLanguage().equals("en") ? "" : "_" + locale.getLanguage();
        for (String bundle : BUNDLES) {
            Properties properties = new Properties();
            String resource = "/" + bundle + suffix + ".properties";
            try (InputStream in = ReportWords.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing");
                }
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
            properties.stringPropertyNames().forEach(key -> all.put(bundle + ":" + key, properties.getProperty(key)));
        }
        return all;
    }

    /**
     * The English phrases a report in {@code locale} must not show: the words of every English message whose value in
     * {@code locale} differs from it or is missing, split where a placeholder goes, each phrase with two letters at
     * least; patterns of dates and numbers left out, and so is a phrase the translations use themselves ("Version" is
     * Swedish and German too).
     */
    public static Map<String, String> englishPhrases(Locale locale) {
        Map<String, String> english = bundle(Locale.ENGLISH);
        Map<String, String> local = bundle(locale);
        String translations = String.join("\n", local.values());
        Map<String, String> phrases = new LinkedHashMap<>();
        english.forEach((key, value) -> {
            if (key.contains(":format.") || key.endsWith(".format.date") || value.equals(local.get(key))) {
                return;
            }
            for (String part : value.split("\\{\\d+}")) {
                String phrase = part.replaceAll("^[^\\p{L}]+|[^\\p{L}.)]+$", "").replaceAll("[.]$", "").trim();
                if (phrase.codePoints().filter(Character::isLetter).count() >= 2 && !whole(phrase).matcher(translations).find()) {
                    phrases.putIfAbsent(phrase, key);
                }
            }
        });
        return phrases;
    }

    /**
     * Each English phrase found in {@code text}, whole (not inside a longer word), as "«phrase» (key) in «context»";
     * the {@code data} (names, references, IBANs, reasons as the records carry them) taken out of the text first.
     */
    public static List<String> findEnglish(String text, Map<String, String> phrases, List<String> codes, List<String> data) {
        String cleaned = text;
        for (String item : data.stream().filter(item -> !item.isBlank()).sorted((a, b) -> b.length() - a.length()).toList()) {
            cleaned = cleaned.replace(item, " ");
        }
        cleaned = cleaned.replaceAll("\\s+", " ");
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> phrase : phrases.entrySet()) {
            Matcher match = whole(phrase.getKey()).matcher(cleaned);
            if (match.find()) {
                found.add("«" + phrase.getKey() + "» (" + phrase.getValue() + ") in «" + context(cleaned, match) + "»");
            }
        }
        for (String code : codes) {
            Matcher match = whole(code).matcher(cleaned);
            if (match.find()) {
                found.add("code «" + code + "» in «" + context(cleaned, match) + "»");
            }
        }
        return found;
    }

    private static Pattern whole(String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}_])");
    }

    private static String context(String text, Matcher match) {
        return text.substring(Math.max(0, match.start() - 40), Math.min(text.length(), match.end() + 40));
    }

    /** The text of every page of a PDF. */
    public static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * What a reader of a workbook sees as words, one entry each: its title, every sheet's name, page header and
     * footer, every text cell (a formula's text result too), every chart's title.
     */
    public static List<String> workbookTexts(byte[] xlsx) throws IOException {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            texts.add(workbook.getProperties().getCoreProperties().getTitle());
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                texts.add(sheet.getSheetName());
                texts.add(sheet.getHeader().getLeft());
                texts.add(sheet.getHeader().getCenter());
                texts.add(sheet.getHeader().getRight());
                texts.add(sheet.getFooter().getLeft());
                texts.add(sheet.getFooter().getCenter().replace("&P", "1").replace("&N", "2"));
                texts.add(sheet.getFooter().getRight());
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING || cell.getCellType() == CellType.FORMULA
                                && cell.getCachedFormulaResultType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
                if (sheet.getDrawingPatriarch() != null) {
                    for (XSSFChart chart : sheet.getDrawingPatriarch().getCharts()) {
                        // the series are named by header cells, read above
                        texts.add(chart.getTitleText().getString());
                    }
                }
            }
        }
        texts.removeIf(text -> text == null || text.isBlank());
        return texts;
    }
}
