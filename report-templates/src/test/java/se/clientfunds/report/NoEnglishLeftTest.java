package se.clientfunds.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import se.clientfunds.report.EveryWordFixtures.Rendered;
import se.clientfunds.report.pdf.AgeingBucket;
import se.clientfunds.report.pdf.BreakStatus;
import se.clientfunds.report.pdf.BreakType;
import se.clientfunds.report.pdf.ContinuityProblem;
import se.clientfunds.report.pdf.ControlTotalKind;
import se.clientfunds.report.pdf.Direction;
import se.clientfunds.report.pdf.MatchRule;
import se.clientfunds.report.pdf.Notice;
import se.clientfunds.report.pdf.ReconciliationStatus;
import se.clientfunds.report.pdf.SafeguardingAction;
import se.clientfunds.report.pdf.SafeguardingMethod;
import se.clientfunds.report.pdf.SafeguardingStatus;
import se.clientfunds.report.positions.AccountKind;
import se.clientfunds.report.positions.Side;

/**
 * Renders every report from records that carry every notice, control total, enum constant and code, in Swedish and in
 * German, and fails listing each English word a reader would see: a phrase of any English message whose translation
 * differs (or is missing), or a code left as the records carry it, found as a whole word after the data (names,
 * references, IBANs, reasons as recorded) is taken out. A second test checks that the fixtures really print every
 * word of those families, so a missing translation cannot hide in a value no fixture has.
 */
class NoEnglishLeftTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /** The families of words the records carry as enum constants or codes, as their bundle keys start. */
    private static final List<String> FAMILIES = List.of("ControlTotalKind", "VersionReason", "AccountKind", "BreakType",
            "BreakStatus", "Direction", "ReconciliationStatus", "MatchRule", "AgeingBucket", "SafeguardingStatus",
            "SafeguardingMethod", "ActionType", "JobStatus", "ActionCode", "FileStatus", "LedgerEvent", "UnallocatedReason",
            "DebtorCreditOutcome", "Side", "AlertRule", "Severity", "AlertStatus", "SubjectKind");

    /** The enums the reports word, by the family of their keys. */
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = new LinkedHashMap<>();

    private static final Map<Locale, List<Rendered>> RENDERED = new LinkedHashMap<>();

    static {
        ENUMS.put("ControlTotalKind", ControlTotalKind.class);
        ENUMS.put("VersionReason", Notice.VersionReason.class);
        ENUMS.put("AccountKind", AccountKind.class);
        ENUMS.put("BreakType", BreakType.class);
        ENUMS.put("BreakStatus", BreakStatus.class);
        ENUMS.put("Direction", Direction.class);
        ENUMS.put("ReconciliationStatus", ReconciliationStatus.class);
        ENUMS.put("MatchRule", MatchRule.class);
        ENUMS.put("AgeingBucket", AgeingBucket.class);
        ENUMS.put("SafeguardingStatus", SafeguardingStatus.class);
        ENUMS.put("SafeguardingMethod", SafeguardingMethod.class);
        ENUMS.put("ActionType", SafeguardingAction.Type.class);
        ENUMS.put("Side", Side.class);
        ENUMS.put("Severity", se.clientfunds.report.aml.Severity.class);
        ENUMS.put("AlertStatus", se.clientfunds.report.aml.AlertStatus.class);
        ENUMS.put("SubjectKind", se.clientfunds.report.aml.SubjectKind.class);
    }

    @BeforeAll
    static void renderEveryReport() throws IOException {
        for (Locale locale : List.of(Locale.ENGLISH, SWEDISH, Locale.GERMAN)) {
            RENDERED.put(locale, EveryWordFixtures.render(locale));
        }
    }

    static Stream<Locale> translations() {
        return Stream.of(SWEDISH, Locale.GERMAN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translations")
    void noReportShowsAWordOfEnglish(Locale locale) throws IOException {
        // given
        Map<String, String> phrases = ReportWords.englishPhrases(locale);
        List<String> codes = codesLeftInEnglish(locale);

        // when
        List<String> found = new ArrayList<>();
        for (Rendered report : RENDERED.get(locale)) {
            found.addAll(english(report, phrases, codes));
        }

        // then
        assertThat(found).as("English in the %s reports", locale.getDisplayLanguage(Locale.ENGLISH)).isEmpty();
    }

    @Test
    void theCheckFindsEnglishWhereThereIsSome() throws IOException {
        // given: the English reports, read as if they had to be Swedish
        Map<String, String> phrases = ReportWords.englishPhrases(SWEDISH);

        // when
        List<String> found = new ArrayList<>();
        for (Rendered report : RENDERED.get(Locale.ENGLISH)) {
            found.addAll(english(report, phrases, codesLeftInEnglish(SWEDISH)));
        }

        // then: a report's title, a break type and a ledger event among them
        assertThat(found).hasSizeGreaterThan(100).anyMatch(leak -> leak.contains("«Safeguarding of client funds»"))
                .anyMatch(leak -> leak.contains("«Missing in books»")).anyMatch(leak -> leak.contains("«Payment received»"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translations")
    void theReportsPrintEveryWordOfEveryFamilySoAMissingTranslationCannotHide(Locale locale) throws IOException {
        // given
        StringBuilder all = new StringBuilder();
        for (Rendered report : RENDERED.get(locale)) {
            all.append(report.pdf() ? ReportWords.pdfText(report.bytes()) : String.join("\n", ReportWords.workbookTexts(report.bytes())))
                    .append('\n');
        }
        String text = all.toString().replaceAll("\\s+", " ");

        // when
        List<String> missing = new ArrayList<>();
        ReportWords.bundle(locale).forEach((key, value) -> {
            String name = key.substring(key.indexOf(':') + 1);
            boolean worded = FAMILIES.stream().anyMatch(family -> name.startsWith(family + "."))
                    || name.startsWith("continuity.") || name.startsWith("notice.");
            String longest = longestFragment(value);
            if (worded && !text.contains(longest)) {
                missing.add(key + " = " + value);
            }
        });

        // then
        assertThat(missing).as("words no rendered %s report shows", locale.getDisplayLanguage(Locale.ENGLISH)).isEmpty();
    }

    @Test
    void everyConstantOfEveryWordedEnumHasAWordInEveryLanguage() {
        for (Locale locale : List.of(Locale.ENGLISH, SWEDISH, Locale.GERMAN)) {
            Set<String> keys = new TreeSet<>();
            ReportWords.bundle(locale).keySet().forEach(key -> keys.add(key.substring(key.indexOf(':') + 1)));
            ENUMS.forEach((family, type) -> {
                for (Enum<?> constant : type.getEnumConstants()) {
                    assertThat(keys).as("%s in %s", type.getSimpleName(), locale).contains(family + "." + constant.name());
                }
            });
            for (ContinuityProblem.Kind kind : ContinuityProblem.Kind.values()) {
                assertThat(keys).as("continuity in %s", locale).anyMatch(key -> key.equalsIgnoreCase("continuity."
                        + kind.name().replace("_", "")));
            }
        }
    }

    @Test
    void everyEnglishMessageHasItsSwedishAndGerman() {
        Set<String> english = ReportWords.bundle(Locale.ENGLISH).keySet();
        assertThat(ReportWords.bundle(SWEDISH).keySet()).containsExactlyInAnyOrderElementsOf(english);
        assertThat(ReportWords.bundle(Locale.GERMAN).keySet()).containsExactlyInAnyOrderElementsOf(english);
    }

    /** The English found in one rendered report, each prefixed with the report's name. */
    private static List<String> english(Rendered report, Map<String, String> phrases, List<String> codes) throws IOException {
        List<String> data = data(report.records());
        List<String> found = new ArrayList<>();
        if (report.pdf()) {
            ReportWords.findEnglish(ReportWords.pdfText(report.bytes()), phrases, codes, data)
                    .forEach(leak -> found.add(report.name() + ": " + leak));
            return found;
        }
        for (String cell : ReportWords.workbookTexts(report.bytes())) {
            // a cell that holds a datum as the records carry it (an account, a name, a reference) is not a word of ours
            if (!data.contains(cell)) {
                ReportWords.findEnglish(cell, phrases, codes, data).forEach(leak -> found.add(report.name() + ": " + leak));
            }
        }
        return found;
    }

    /**
     * The records' texts printed as they are: everything they carry as text but the codes the reports must word (a
     * status, a reason code, an event), which would otherwise hide their own leak.
     */
    private static List<String> data(Object records) {
        Set<String> codes = new TreeSet<>(allCodes());
        return EveryWordFixtures.texts(records).stream().filter(text -> !codes.contains(text)).distinct().toList();
    }

    /** Every code of every family, as the records carry it. */
    private static List<String> allCodes() {
        List<String> codes = new ArrayList<>();
        ReportWords.bundle(Locale.ENGLISH).keySet().forEach(key -> {
            String name = key.substring(key.indexOf(':') + 1);
            FAMILIES.stream().filter(family -> name.startsWith(family + ".")).findFirst()
                    .ifPresent(family -> codes.add(name.substring(family.length() + 1)));
        });
        for (ContinuityProblem.Kind kind : ContinuityProblem.Kind.values()) {
            codes.add(kind.name());
        }
        return codes;
    }

    /** The codes whose word in {@code locale} is not the code itself: printed as they are, they are English. */
    private static List<String> codesLeftInEnglish(Locale locale) {
        Map<String, String> local = new LinkedHashMap<>();
        ReportWords.bundle(locale).forEach((key, value) -> local.put(key.substring(key.indexOf(':') + 1), value));
        List<String> codes = new ArrayList<>();
        for (String key : local.keySet()) {
            FAMILIES.stream().filter(family -> key.startsWith(family + ".")).findFirst().ifPresent(family -> {
                String code = key.substring(family.length() + 1);
                if (!code.equals(local.get(key))) {
                    codes.add(code);
                }
            });
        }
        for (ContinuityProblem.Kind kind : ContinuityProblem.Kind.values()) {
            codes.add(kind.name());
        }
        return codes.stream().distinct().toList();
    }

    /** The longest stretch of a message between its placeholders. */
    private static String longestFragment(String value) {
        String longest = "";
        for (String part : value.split("\\{\\d+}")) {
            String trimmed = part.trim();
            if (trimmed.length() > longest.length()) {
                longest = trimmed;
            }
        }
        return longest;
    }
}
