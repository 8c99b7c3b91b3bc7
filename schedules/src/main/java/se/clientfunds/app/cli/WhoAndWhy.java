package se.clientfunds.app.cli;

import java.util.function.Supplier;

import picocli.CommandLine.Option;

import se.clientfunds.jobs.JobStarts;

/** Who runs a command and why: recorded with every job it starts or restarts (audit.pdf's "attempt n of m"). */
class WhoAndWhy {

    @Option(names = "--operator", defaultValue = "${sys:user.name}", paramLabel = "NAME",
            description = "Who runs it, recorded with every job it starts (default: the OS user).")
    String operator;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded with every job it starts or restarts.")
    String reason;

    <T> T run(Supplier<T> work) {
        return JobStarts.as(operator, reason, work);
    }
}
