package se.clientfunds.testing;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/** The jobs module's beans on the embedded MariaDB, for integration tests; the schema is rebuilt once per run. */
@SpringBootApplication(scanBasePackages = "se.clientfunds")
public class JobsTestApplication {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return (Flyway flyway) -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
