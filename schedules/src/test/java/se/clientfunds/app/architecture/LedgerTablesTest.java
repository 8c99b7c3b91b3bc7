package se.clientfunds.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The ledger owns its tables (issue 15): only the ledger package names {@code journal_batch}, {@code journal_entry} and
 * {@code journal_line} in its SQL; everyone else asks the ledger ({@code Ledger}'s read methods) or composes its
 * queries ({@code JournalQueries}). A class names a table when the name is among its class file's strings, which is
 * where the SQL text of a class (constants copied in from other classes included) ends up. The benchmark is left out:
 * its set-up loads ledger rows in bulk, and its baselines write the very rows the ledger writes, set-based, by
 * definition.
 */
class LedgerTablesTest {

    private static final List<String> TABLES = List.of("journal_batch", "journal_entry", "journal_line");

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = ProductionClasses.all();
    }

    @Test
    void theLedgerNamesItsTablesSoTheCheckSeesThem() {
        assertThat(TABLES).allSatisfy(table -> assertThat(tablesNamedBy(classes.get("se.clientfunds.ledger.Ledger"))
                + tablesNamedBy(classes.get("se.clientfunds.ledger.JournalQueries"))).contains(table));
    }

    @Test
    void onlyTheLedgerNamesTheJournalTables() {
        classes().that().resideOutsideOfPackages("se.clientfunds.ledger..", "se.clientfunds.app.bench..")
                .should(new ArchCondition<JavaClass>("not name the journal's tables") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        String named = tablesNamedBy(javaClass);
                        if (!named.isEmpty()) {
                            events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " names " + named
                                    + ": ask the ledger (Ledger, JournalQueries) instead"));
                        }
                    }
                })
                .check(classes);
    }

    /** The journal tables among the strings of the class file, comma-separated, or empty. */
    private static String tablesNamedBy(JavaClass javaClass) {
        String text = classFileText(javaClass);
        return String.join(", ", TABLES.stream().filter(text::contains).toList());
    }

    private static String classFileText(JavaClass javaClass) {
        try (InputStream in = javaClass.getSource().orElseThrow(() -> new IllegalStateException(javaClass.getName()
                + " has no class file")).getUri().toURL().openStream()) {
            // the constant pool's strings are modified UTF-8; table names are ASCII, so Latin-1 finds them byte for byte
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(javaClass.getName(), e);
        }
    }
}
