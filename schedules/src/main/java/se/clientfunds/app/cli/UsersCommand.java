package se.clientfunds.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.outcome.InputError;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"The users of the API and console are in settlement.yml (settlement.security.users), each with a"
                + " password hash and roles; see 'settle users hash-password'."},
        subcommands = UsersCommand.HashPassword.class)
class UsersCommand implements Callable<Integer> {

    private final Console console;

    UsersCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.error("users: a subcommand is needed: settle users hash-password");
        return SettleCommand.INPUT_ERROR;
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = {"Asks for a password (twice, not shown; or reads one line from standard input) and prints its"
                    + " bcrypt hash with the scheme, for settlement.security.users[].password. The password itself is never"
                    + " stored or printed."})
    static class HashPassword implements Callable<Integer> {

        private static final int MIN_LENGTH = 12;

        @ParentCommand
        UsersCommand users;

        @Override
        public Integer call() throws IOException {
            char[] password = read();
            try {
                if (password.length < MIN_LENGTH) {
                    throw new InputError("a password of at least " + MIN_LENGTH + " characters, please");
                }
                users.console.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(new String(password)));
                return SettleCommand.OK;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private static char[] read() throws IOException {
            java.io.Console terminal = System.console();
            if (terminal == null) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new InputError("no password on standard input");
                }
                return line.toCharArray();
            }
            char[] first = terminal.readPassword("password: ");
            char[] again = terminal.readPassword("again:    ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new InputError("the two passwords differ");
            }
            Arrays.fill(again, '\0');
            return first;
        }
    }
}
