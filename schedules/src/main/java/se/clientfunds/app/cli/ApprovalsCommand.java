package se.clientfunds.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.approvals.ApprovalRequests;
import se.clientfunds.approvals.Approvals;
import se.clientfunds.report.TableFormat;

@Command(name = "approvals", mixinStandardHelpOptions = true,
        description = {"Lists the proposals waiting for a second person (four eyes, settlement.approvals.*):"
                + " id,kind,subject,amount,currency,proposed_by,proposed_at,reason,status,decided_by,decision_reason.",
                "Proposals are made, approved, rejected and withdrawn by logged-in users in the console or the API;"
                        + " 'approvals approve|reject' says so (exit 2): on the command line anyone can name themselves."},
        subcommands = {ApprovalsCommand.Approve.class, ApprovalsCommand.Reject.class})
class ApprovalsCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("id", "kind", "subject", "amount", "currency", "proposed_by", "proposed_at",
            "reason", "status", "decided_by", "decision_reason");

    @ParentCommand
    SettleCommand settle;

    @Option(names = "--all", description = "Decided proposals too (the latest 500), not only those waiting.")
    boolean all;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    final Console console;

    ApprovalsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            TableOutput output = TableOutput.start(format, COLUMNS, console.out());
            for (ApprovalRequests.Request request : context.getBean(ApprovalRequests.class).list(all ? null
                    : ApprovalRequests.Status.PROPOSED, 500)) {
                output.row(Long.toString(request.id()), request.kind().name(), request.subject(),
                        request.amount().toDecimalString(), request.amount().currency().getCurrencyCode(), request.proposedBy(),
                        JobsCommand.time(request.proposedAt()), request.reason(), request.status().name(),
                        request.decidedBy() == null ? "" : request.decidedBy(),
                        request.decisionReason() == null ? "" : request.decisionReason());
            }
            output.finish();
            return SettleCommand.OK;
        }
    }

    abstract static class Decide implements Callable<Integer> {

        @ParentCommand
        ApprovalsCommand approvals;

        @Parameters(index = "0", paramLabel = "ID", description = "The proposal (see settle approvals).")
        long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded with the decision).")
        String reason;

        @Option(names = "--operator", defaultValue = "${sys:user.name}", paramLabel = "NAME",
                description = "Who decides (default: the OS user).")
        String operator;

        abstract boolean approve();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = approvals.settle.openHome()) {
                Approvals service = context.getBean(Approvals.class);
                Approvals.Decision decision = approve() ? service.approve(id, operator, reason) : service.reject(id, operator, reason);
                approvals.console.println("approval " + id + " (" + decision.request().subject() + ") "
                        + decision.request().status().name().toLowerCase(java.util.Locale.ROOT) + " by " + operator
                        + (approve() ? ": " + decision.outcome() : ""));
                return SettleCommand.OK;
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Refused on the command line: a proposal is approved by a logged-in user in the console or the API.")
    static class Approve extends Decide {

        @Override
        boolean approve() {
            return true;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Refused on the command line: a proposal is rejected or withdrawn in the console or the API.")
    static class Reject extends Decide {

        @Override
        boolean approve() {
            return false;
        }
    }
}
