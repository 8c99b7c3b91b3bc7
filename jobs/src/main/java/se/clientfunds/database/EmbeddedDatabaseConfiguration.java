package se.clientfunds.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.zaxxer.hikari.HikariDataSource;

import se.clientfunds.settings.SettlementHome;

/**
 * With no {@code spring.datasource.url} configured, runs the embedded MariaDB and points the datasource at it;
 * with a URL configured this configuration stays out and Spring Boot's own datasource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(SettlementHome home,
                                    @Value("${settlement.embedded-database.buffer-pool-size:" + EmbeddedMariaDb.DEFAULT_BUFFER_POOL + "}")
                                    String bufferPoolSize) {
        return new EmbeddedMariaDb(home.database(), bufferPoolSize).start();
    }

    /** The pool's own settings (size, timeouts) come from {@code spring.datasource.hikari.*}, as for any datasource. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb embeddedMariaDb) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("settlement-embedded");
        dataSource.setJdbcUrl(embeddedMariaDb.jdbcUrl());
        dataSource.setUsername("root");
        dataSource.setPassword("");
        return dataSource;
    }

    static class NoDataSourceUrl implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
