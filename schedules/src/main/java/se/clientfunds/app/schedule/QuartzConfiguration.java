package se.clientfunds.app.schedule;

import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Quartz on the settlement database: its JDBC job store on the tables our Flyway migration made (V3), clustered, so
 * two servers on one database fire each trigger once and one recovers the jobs of the other when it dies. The
 * scheduler is made only when asked for ({@code settle serve}, {@code settle schedules}) and started only by
 * {@code serve}: no other command fires anything.
 *
 * <p>With a DataSource, Spring's SchedulerFactoryBean puts its own job store in (LocalDataSourceJobStore, a JobStoreCMT
 * on our DataSource) whatever {@code org.quartz.jobStore.class} says; the other jobStore properties below do apply to
 * it. {@code serve} prints the job store class and whether it is clustered, as Quartz reports them, so what runs is
 * seen, not assumed. {@code acquireTriggersWithinLock} is on: without it Quartz's trigger acquisition deadlocks on
 * MariaDB under load.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleSettings.class)
class QuartzConfiguration {

    @Bean
    @Lazy
    SchedulerFactoryBean quartzScheduler(DataSource dataSource, PlatformTransactionManager transactionManager,
                                         ApplicationContext context,
                                         @Value("${settlement.quartz.check-in-interval-ms:20000}") long checkInInterval,
                                         @Value("${settlement.quartz.misfire-threshold-ms:60000}") long misfireThreshold,
                                         @Value("${settlement.quartz.threads:2}") int threads) {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        factory.setSchedulerName("settlement");
        SpringBeanJobFactory jobFactory = new SpringBeanJobFactory();
        jobFactory.setApplicationContext(context);
        factory.setJobFactory(jobFactory);
        // serve starts it once the schedules are in line with the configuration
        factory.setAutoStartup(false);
        factory.setWaitForJobsToCompleteOnShutdown(true);
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkInInterval));
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThreshold));
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        factory.setQuartzProperties(properties);
        return factory;
    }
}
