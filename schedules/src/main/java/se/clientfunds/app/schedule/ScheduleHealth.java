package se.clientfunds.app.schedule;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health of {@code settle serve} besides its database: the scheduler (UP while started and not in standby, with
 * its instance and whether it is clustered) and the last daily cycle (DOWN when it failed or stopped early, with what
 * needs attention; UNKNOWN until one has run since the start).
 */
@Configuration(proxyBeanMethods = false)
class ScheduleHealth {

    @Bean
    HealthIndicator schedulerHealthIndicator(ObjectProvider<Scheduler> scheduler) {
        return () -> {
            try {
                SchedulerMetaData meta = scheduler.getObject().getMetaData();
                Health.Builder health = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown() ? Health.up() : Health.down();
                return health.withDetail("instance", meta.getSchedulerInstanceId())
                        .withDetail("clustered", meta.isJobStoreClustered())
                        .withDetail("jobStore", meta.getJobStoreClass().getSimpleName())
                        .withDetail("standby", meta.isInStandbyMode()).build();
            } catch (SchedulerException e) {
                return Health.down(e).build();
            }
        };
    }

    @Bean
    HealthIndicator dailyCycleHealthIndicator(ScheduledTasks tasks) {
        return () -> {
            ScheduledTasks.LastCycle last = tasks.lastCycle();
            if (last == null) {
                return Health.unknown().withDetail("lastCycle", "none since the server started").build();
            }
            return (last.failed() ? Health.down() : Health.up()).withDetail("ended", last.ended().toString())
                    .withDetail("needsAttention", last.attention()).build();
        };
    }
}
