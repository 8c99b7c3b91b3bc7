package se.clientfunds.bank;

import java.util.List;
import java.util.Map;

import se.clientfunds.money.Money;

/**
 * What validating a whole bank file found: its format and sections, how many entries and how much money by
 * currency and direction, and every problem (the first {@link BankFileValidation#REPORTED_PROBLEMS}) with where it is.
 */
public record BankFileVerdict(String fileName, BankFileFormat format, String version, List<BankSection> sections,
                              long entries, Map<String, Money> credits, Map<String, Money> debits,
                              List<Problem> problems, long problemCount, List<Problem> warnings) {

    /** One thing wrong, where it is in the file. */
    public record Problem(String location, String reason) {

        @Override
        public String toString() {
            return location + ": " + reason;
        }
    }

    public BankFileVerdict {
        sections = List.copyOf(sections);
        credits = Map.copyOf(credits);
        debits = Map.copyOf(debits);
        problems = List.copyOf(problems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A verdict without warnings. */
    public BankFileVerdict(String fileName, BankFileFormat format, String version, List<BankSection> sections,
                           long entries, Map<String, Money> credits, Map<String, Money> debits,
                           List<Problem> problems, long problemCount) {
        this(fileName, format, version, sections, entries, credits, debits, problems, problemCount, List.of());
    }

    /**
     * What the operator should know about a file that is read all the same (a quirk of the bank's that was
     * tolerated, money that could not be checked), in one line; empty when there is nothing.
     */
    public String warningSummary() {
        if (warnings.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder().append(warnings.size()).append(warnings.size() == 1 ? " warning: " : " warnings: ");
        for (int i = 0; i < Math.min(3, warnings.size()); i++) {
            text.append(i == 0 ? "" : "; ").append(warnings.get(i));
        }
        return text.append(warnings.size() > 3 ? "; …" : "").toString();
    }

    public boolean valid() {
        return problemCount == 0;
    }

    /** One line for the operator: the file and its first problem, or that it is valid. */
    public String summary() {
        if (valid()) {
            return fileName + ": valid " + version + ", " + sections.size() + " section" + (sections.size() == 1 ? "" : "s")
                    + ", " + entries + " entr" + (entries == 1 ? "y" : "ies");
        }
        return fileName + ": " + problemCount + " problem" + (problemCount == 1 ? "" : "s") + "; first: " + problems.get(0);
    }
}
