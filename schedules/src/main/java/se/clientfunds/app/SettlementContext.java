package se.clientfunds.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.config.ConfigDataException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.JobProgress;
import se.clientfunds.outcome.InputError;

/**
 * Starts the Spring context for one settlement home: the home's folders, its optional {@code settlement.yml},
 * a log file under {@code <home>/logs}, and the embedded MariaDB unless a datasource URL is configured.
 */
public final class SettlementContext {

    private SettlementContext() {
    }

    /** Starts the context and shows the progress its jobs report on the console. */
    public static ConfigurableApplicationContext start(Path home, Console console) {
        return start(home, console, Map.of());
    }

    /**
     * As {@link #start(Path, Console)}, with settings that win over every other source (environment, system
     * properties, settlement.yml): for the benchmark, which must never run on the real books.
     */
    public static ConfigurableApplicationContext start(Path home, Console console, Map<String, Object> overrides) {
        ConfigurableApplicationContext context = start(home, overrides);
        context.getBean(JobProgress.class).attach(new ConsoleJobProgress(console));
        return context;
    }

    public static ConfigurableApplicationContext start(Path home) {
        return start(home, Map.of());
    }

    /**
     * As {@link #start(Path, Console, Map)} with a web server for health and metrics ({@code settle serve}; on
     * {@code settlement.management.address}:{@code port}, loopback:8081 by default).
     */
    public static ConfigurableApplicationContext serve(Path home, Console console, Map<String, Object> overrides) {
        ConfigurableApplicationContext context = start(home, overrides, WebApplicationType.SERVLET);
        context.getBean(JobProgress.class).attach(new ConsoleJobProgress(console));
        return context;
    }

    private static ConfigurableApplicationContext start(Path home, Map<String, Object> overrides) {
        return start(home, overrides, WebApplicationType.NONE);
    }

    private static ConfigurableApplicationContext start(Path home, Map<String, Object> overrides, WebApplicationType web) {
        Path root = home.toAbsolutePath().normalize();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("settlement.home", root.toString());
        defaults.put("logging.file.name", root.resolve("logs").resolve("settlement.log").toString());
        if (Files.exists(root.resolve("settlement.yml"))) {
            requireYaml(root.resolve("settlement.yml"));
            defaults.put("spring.config.import", "optional:file:" + root.resolve("settlement.yml"));
        }
        try {
            return new SpringApplicationBuilder(SettlementApplication.class)
                    .web(web)
                    .logStartupInfo(false)
                    .properties(defaults)
                    .initializers(context -> context.getEnvironment().getPropertySources()
                            .addFirst(new MapPropertySource("settlementOverrides", overrides)))
                    .run();
        } catch (RuntimeException e) {
            if (isConfigurationProblem(e)) {
                throw new ConfigurationException("configuration" + (Files.exists(root.resolve("settlement.yml"))
                        ? " (" + root.resolve("settlement.yml") + ")" : "") + ": " + Causes.rootMessage(e), e);
            }
            throw e;
        }
    }

    /**
     * Reads settlement.yml as Spring will (duplicate keys refused) before Spring does, so that a file that is not YAML
     * is said in one line naming where, not in the stack trace Spring logs before its logging is set up.
     */
    private static void requireYaml(Path file) {
        // as Spring Boot's loader: duplicate keys refused, no limit on aliases, recursive keys or size
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setAllowRecursiveKeys(true);
        options.setCodePointLimit(Integer.MAX_VALUE);
        try (java.io.Reader reader = Files.newBufferedReader(file)) {
            new org.yaml.snakeyaml.Yaml(options).loadAll(reader).forEach(document -> { });
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException yaml) {
            org.yaml.snakeyaml.error.Mark mark = yaml.getProblemMark();
            throw new ConfigurationException(file + (mark == null ? "" : " line " + (mark.getLine() + 1) + ", column "
                    + (mark.getColumn() + 1)) + ": " + yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext()
                    + ")") + (yaml.getProblem() != null && yaml.getProblem().startsWith("found duplicate key")
                    ? "; write each key once, e.g. one settlement: with every section under it" : ""), yaml);
        } catch (org.yaml.snakeyaml.error.YAMLException | java.io.IOException unreadable) {
            throw new ConfigurationException(file + ": cannot be read as YAML: " + unreadable.getMessage(), unreadable);
        }
    }

    private static boolean isConfigurationProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BindException || cause instanceof ConfigDataException) {
                return true;
            }
        }
        return false;
    }

    /** The settings are wrong: an operator's error to fix, not a failed job. */
    public static class ConfigurationException extends InputError {

        ConfigurationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
