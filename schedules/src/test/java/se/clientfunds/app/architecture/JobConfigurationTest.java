package se.clientfunds.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * A job's configuration wires its steps (STYLE: one job reads top to bottom in one configuration class): the SQL its
 * tasklets and writers run is in named stores and its rules are plain classes, so no {@code *JobConfiguration}, nor a
 * lambda or class inside one, runs SQL through a JDBC template. Its readers may still name their query.
 */
class JobConfigurationTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = ProductionClasses.all();
    }

    @Test
    void jobConfigurationsAreSeen() {
        assertThat(classes.stream().filter(inAJobConfiguration()::test).map(JavaClass::getSimpleName))
                .contains("ImportBankFilesJobConfiguration", "ImportExtractsJobConfiguration", "AllocatePaymentsJobConfiguration",
                        "MonitorJobConfiguration", "CloseBusinessDayJobConfiguration", "ReconcileJobConfiguration");
    }

    @Test
    void noJobConfigurationUsesAJdbcTemplate() {
        noClasses().that(inAJobConfiguration())
                .should().dependOnClassesThat().belongToAnyOf(JdbcTemplate.class, JdbcOperations.class,
                        NamedParameterJdbcTemplate.class, NamedParameterJdbcOperations.class, JdbcClient.class)
                .check(classes);
    }

    /** A class named {@code …JobConfiguration}, or one nested in it (its lambdas are its own methods already). */
    private static DescribedPredicate<JavaClass> inAJobConfiguration() {
        return DescribedPredicate.describe("a *JobConfiguration or a class inside one", javaClass -> {
            for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
                if (c.getSimpleName().endsWith("JobConfiguration")) {
                    return true;
                }
            }
            return false;
        });
    }
}
