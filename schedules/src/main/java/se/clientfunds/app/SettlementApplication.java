package se.clientfunds.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import se.clientfunds.app.cli.SettleCommand;

/**
 * The one runnable application: the {@code settle} command line. Commands that need the database start the
 * Spring context (and with it the embedded MariaDB); {@code --help} and {@code generate} do not.
 */
@SpringBootApplication(scanBasePackages = "se.clientfunds")
public class SettlementApplication {

    public static void main(String[] args) {
        System.exit(SettleCommand.execute(args, Console.system()));
    }
}
