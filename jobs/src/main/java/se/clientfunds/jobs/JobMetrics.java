package se.clientfunds.jobs;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every job's and step's duration, and the items each step read and wrote, as Micrometer meters (on the actuator's
 * metrics endpoint of {@code settle serve}): {@code settlement.job.duration} and {@code settlement.step.duration}
 * (tags job, step, status), {@code settlement.step.items.read} and {@code settlement.step.items.written}.
 */
@Component
public class JobMetrics implements JobExecutionListener, StepExecutionListener, BeanPostProcessor {

    // looked up when a job ends, not when this post-processor is made (before the registry exists)
    private final ObjectProvider<MeterRegistry> registry;
    // durations from the monotonic clock, never the wall clock (a change to summer time is not an hour's work)
    private final java.util.Map<Long, Long> jobsStarted = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, Long> stepsStarted = new java.util.concurrent.ConcurrentHashMap<>();

    public JobMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(this);
        }
        if (bean instanceof AbstractStep step) {
            step.registerStepExecutionListener(this);
        }
        return bean;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        jobsStarted.put(execution.getId(), System.nanoTime());
    }

    @Override
    public void beforeStep(StepExecution step) {
        stepsStarted.put(step.getId(), System.nanoTime());
    }

    @Override
    public void afterJob(JobExecution execution) {
        Long started = jobsStarted.remove(execution.getId());
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null || started == null) {
            return;
        }
        Timer.builder("settlement.job.duration").description("how long a job execution ran")
                .tag("job", execution.getJobInstance().getJobName()).tag("status", execution.getStatus().name())
                .register(meters).record(Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Long started = stepsStarted.remove(step.getId());
        MeterRegistry meters = registry.getIfAvailable();
        if (meters != null && started != null) {
            String job = step.getJobExecution().getJobInstance().getJobName();
            Timer.builder("settlement.step.duration").description("how long a step execution ran").tag("job", job)
                    .tag("step", step.getStepName()).tag("status", step.getStatus().name())
                    .register(meters).record(Duration.ofNanos(System.nanoTime() - started));
            meters.counter("settlement.step.items.read", "job", job, "step", step.getStepName()).increment(step.getReadCount());
            meters.counter("settlement.step.items.written", "job", job, "step", step.getStepName()).increment(step.getWriteCount());
        }
        return null;
    }
}
