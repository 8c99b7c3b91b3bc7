package se.clientfunds.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * Module direction (DESIGN §4): readers-writers and report-templates know nothing of jobs or schedules, nor of each
 * other; jobs knows nothing of schedules. A class's module is where its class file was loaded from.
 */
class ModuleDependencyTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = ProductionClasses.all();
    }

    @Test
    void everyModuleIsSeen() {
        for (String module : new String[] {"readers-writers", "report-templates", "jobs", "schedules"}) {
            assertThat(classes.stream().filter(inModule(module)::test).count()).as(module).isPositive();
        }
    }

    @Test
    void readersAndWritersDependOnNoOtherModule() {
        noClasses().that(inModule("readers-writers"))
                .should().dependOnClassesThat(inModule("report-templates").or(inModule("jobs")).or(inModule("schedules")))
                .check(classes);
    }

    @Test
    void reportTemplatesDependOnNoOtherModule() {
        noClasses().that(inModule("report-templates"))
                .should().dependOnClassesThat(inModule("readers-writers").or(inModule("jobs")).or(inModule("schedules")))
                .check(classes);
    }

    @Test
    void jobsDoNotDependOnSchedules() {
        noClasses().that(inModule("jobs"))
                .should().dependOnClassesThat(inModule("schedules"))
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe("in module " + module, javaClass -> javaClass.getSource()
                .map(source -> source.getUri().toString())
                .map(uri -> uri.contains("/" + module + "/target/") || uri.contains("/" + module + "-0."))
                .orElse(false));
    }
}
