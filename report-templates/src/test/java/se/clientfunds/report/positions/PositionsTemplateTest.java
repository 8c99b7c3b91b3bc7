package se.clientfunds.report.positions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionsTemplateTest {

    @Test
    void everyLabelKeyOfTheTemplateHasAnEnglishSwedishAndGermanLabel() throws IOException {
        // given
        Set<String> keys = new TreeSet<>();
        try (InputStream in = PositionsXlsxRenderer.class.getResourceAsStream(PositionsXlsxRenderer.TEMPLATE);
                XSSFWorkbook template = new XSSFWorkbook(in)) {
            for (Sheet sheet : template) {
                for (Cell cell : sheet.getRow(0)) {
                    keys.add(cell.getStringCellValue());
                }
            }
        }

        // then
        assertThat(keys).hasSize(23).allMatch(key -> key.startsWith("positions."));
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("sv"), Locale.GERMAN}) {
            PositionsLabels labels = new PositionsLabels(locale);
            keys.forEach(key -> assertThat(labels.get(key)).as(locale + " " + key).isNotBlank());
        }
    }

    @Test
    void theThreeBundlesHaveTheSamePositionsKeys() throws IOException {
        // when
        Set<String> english = positionsKeys("/reports/messages.properties");

        // then
        assertThat(english).hasSizeGreaterThan(30);
        assertThat(positionsKeys("/reports/messages_sv.properties")).isEqualTo(english);
        assertThat(positionsKeys("/reports/messages_de.properties")).isEqualTo(english);
    }

    @Test
    void aLocaleWithoutItsOwnBundleGetsEnglishWhateverTheDefaultLocale() {
        // given
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            // then
            assertThat(new PositionsLabels(Locale.FRENCH).get("positions.column.account")).isEqualTo("Account");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theGeneratorWritesTheSameTemplateTwiceAndItCarriesStyleRows(@TempDir Path dir) throws Exception {
        // given
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");

        // when
        PositionsTemplateGenerator.write(first);
        PositionsTemplateGenerator.write(second);

        // then
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (InputStream in = Files.newInputStream(first); XSSFWorkbook template = new XSSFWorkbook(in)) {
            Row movementStyles = template.getSheet("Movements").getRow(1);
            assertThat(movementStyles.getCell(0).getStringCellValue()).isEqualTo("style:date");
            assertThat(movementStyles.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(movementStyles.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(template.getSheet("Summary").getRow(1).getCell(7).getStringCellValue()).isEqualTo("style:check");
            assertThat(template.getSheet("Summary").getRow(1).getCell(8).getStringCellValue()).isEqualTo("style:alert");
            assertThat(template.getSheetName(4)).isEqualTo("DebtorCredit");
            Row ages = template.getSheet("DebtorCredit").getRow(1);
            assertThat(ages.getCell(7).getStringCellValue()).isEqualTo("style:count");
        }
    }

    private static Set<String> positionsKeys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PositionsTemplateTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("positions.")).forEach(keys::add);
        return keys;
    }
}
