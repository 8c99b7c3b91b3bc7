package se.clientfunds.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context for one settlement home: the home's folders, its optional {@code settlement.yml},
 * a log file under {@code <home>/logs}, and the embedded MariaDB unless a datasource URL is configured.
 */
public final class SettlementContext {

    private SettlementContext() {
    }

    public static ConfigurableApplicationContext start(Path home) {
        Path root = home.toAbsolutePath().normalize();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("settlement.home", root.toString());
        defaults.put("logging.file.name", root.resolve("logs").resolve("settlement.log").toString());
        if (Files.exists(root.resolve("settlement.yml"))) {
            defaults.put("spring.config.import", "optional:file:" + root.resolve("settlement.yml"));
        }
        return new SpringApplicationBuilder(SettlementApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(defaults)
                .run();
    }
}
