package se.clientfunds.app.cli;

/** A command ends with a one-line cause on standard error and this exit code. */
class CommandFailure extends RuntimeException {

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CommandFailure input(String message) {
        return new CommandFailure(SettleCommand.INPUT_ERROR, message);
    }

    static CommandFailure jobFailed(String message) {
        return new CommandFailure(SettleCommand.JOB_FAILED, message);
    }

    int exitCode() {
        return exitCode;
    }
}
