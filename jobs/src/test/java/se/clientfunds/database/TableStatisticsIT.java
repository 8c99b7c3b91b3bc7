package se.clientfunds.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.testing.JobsTestApplication;

@SpringBootTest(classes = JobsTestApplication.class)
class TableStatisticsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTableTheServerCannotAnalyseIsLoggedNotThrownSoTheJobKeepsItsRows() {
        // given
        TableStatistics statistics = new TableStatistics(jdbc, "invoice", "no_such_table");

        // when
        statistics.refresh();

        // then: the table that exists was analysed
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mysql.innodb_table_stats WHERE database_name = DATABASE()"
                + " AND table_name = 'invoice' AND last_update >= NOW() - INTERVAL 1 MINUTE", Long.class)).isEqualTo(1L);
    }

    @Test
    void refusesAnythingButATableName() {
        assertThatThrownBy(() -> new TableStatistics(jdbc, "invoice; DROP TABLE client"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a table name: invoice; DROP TABLE client");
        assertThatThrownBy(() -> new TableStatistics(jdbc)).isInstanceOf(IllegalArgumentException.class).hasMessage("no tables named");
    }
}
