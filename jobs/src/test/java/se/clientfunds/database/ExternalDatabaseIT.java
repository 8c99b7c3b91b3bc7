package se.clientfunds.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.ledger.JournalLine;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.money.Money;
import se.clientfunds.testing.JobsTestApplication;

class ExternalDatabaseIT {

    @TempDir
    Path dir;

    @Test
    void withADatasourceUrlConfiguredNothingIsStartedAndThatServerIsUsed() throws Exception {
        // given a MariaDB server that is not the application's own
        try (EmbeddedMariaDb external = new EmbeddedMariaDb(dir.resolve("external")).start()) {
            Path home = dir.resolve("home");

            // when the application starts with its URL
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JobsTestApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("settlement.home=" + home, "spring.datasource.url=" + external.jdbcUrl(),
                            "spring.datasource.username=root", "spring.datasource.password=")
                    .run()) {
                context.getBean(Ledger.class).post(JournalEntry.of(LocalDate.of(2026, 3, 2), LedgerEvent.PAYMENT_RECEIVED, "EXT-1", null,
                        JournalLine.debit(LedgerAccount.bank("SE4550000000058398257466"), Money.ofMinor(100, "SEK")),
                        JournalLine.credit(LedgerAccount.UNALLOCATED, Money.ofMinor(100, "SEK"))));

                // then no embedded server of its own, and the posting is on the external server
                assertThat(context.getBeanNamesForType(EmbeddedMariaDb.class)).isEmpty();
                assertThat(home.resolve("db/data")).doesNotExist();
                try (Connection connection = DriverManager.getConnection(external.jdbcUrl(), "root", "");
                     Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT reference FROM journal_entry WHERE posted = 1")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("EXT-1");
                }
            }
        }
    }
}
