package se.clientfunds.monitoring;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.money.Money;
import se.clientfunds.settings.SettlementProperties;

/**
 * The first steps of {@code monitorJob}: {@code SANCTIONS_MATCH} on clients and debtors, and on recent payers when a
 * new list has come into force. The allocation's screening sees each payment's payer once, before it is allocated;
 * these steps see the rest:
 * <ul>
 * <li>a list not yet re-screened (no {@code sanctions_rescreen} row): every current client, every current debtor and
 * the payers of the last {@code settlement.sanctions.rescreen-days} banking days, then the row is written;</li>
 * <li>otherwise the clients and debtors of the extracts imported for the day.</li>
 * </ul>
 * A match already raised about the same party and entity (a payer: the same payment) is not raised again, so a
 * restart, an extract sent again or the next list raise nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class ScreenPartiesConfiguration {

    static final String PARTIES_LIST = "partiesList";
    static final String PARTIES_FULL = "partiesFull";

    @Bean
    Step choosePartiesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, SanctionsLists lists,
                           JdbcTemplate jdbc) {
        return new StepBuilder("chooseParties", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    var jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
                    Optional<SanctionsLists.ImportedList> inForce = lists.inForce();
                    boolean full = inForce.map(list -> jdbc.queryForObject("SELECT COUNT(*) FROM sanctions_rescreen"
                            + " WHERE list_import_id = ?", Integer.class, list.importId()) == 0).orElse(false);
                    jobContext.putLong(PARTIES_LIST, inForce.map(SanctionsLists.ImportedList::importId).orElse(0L));
                    jobContext.putString(PARTIES_FULL, Boolean.toString(full));
                    contribution.setExitStatus(new ExitStatus("COMPLETED", inForce.map(list -> (full
                            ? "a new list in force: every client and debtor and the recent payers against " : "the day's new"
                            + " clients and debtors against ") + list.label()).orElse("no sanctions list imported")));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step screenPartiesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           SettlementProperties properties, JdbcCursorItemReader<PartyToScreen> partiesToScreenReader,
                           PartyScreeningWriter partyScreeningWriter) {
        return new StepBuilder("screenParties", jobRepository)
                .<PartyToScreen, PartyToScreen>chunk(properties.sanctions().chunkSize())
                .transactionManager(transactionManager)
                .reader(partiesToScreenReader)
                .writer(partyScreeningWriter)
                .build();
    }

    /** A party that is not a payer: its columns where a payer's payment would be are empty. */
    private static final String NO_PAYMENT = " NULL, NULL, NULL, NULL, NULL, NULL, 0";

    @Bean
    @StepScope
    JdbcCursorItemReader<PartyToScreen> partiesToScreenReader(DataSource dataSource, SettlementProperties properties,
                                                             BankingCalendar calendar,
                                                             @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                                             @Value("#{jobExecutionContext['partiesList']}") Long list,
                                                             @Value("#{jobExecutionContext['partiesFull']}") String full) {
        Date day = Date.valueOf(businessDate);
        String sql;
        Object[] arguments;
        if (list == 0) {
            sql = "SELECT 'CLIENT', NULL, NULL," + NO_PAYMENT + " FROM DUAL WHERE 1 = 0";
            arguments = new Object[0];
        } else if (Boolean.parseBoolean(full)) {
            int days = properties.sanctions().rescreenDays();
            LocalDate from = days == 0 ? businessDate.plusDays(1) : calendar.plusBankingDays(businessDate, -(days - 1));
            sql = "SELECT 'CLIENT', client_id, name," + NO_PAYMENT + " FROM current_client"
                    + " UNION ALL SELECT DISTINCT 'DEBTOR', debtor_id, debtor_name," + NO_PAYMENT + " FROM current_invoice"
                    // a payer's payment may be held when its money is all still in UNALLOCATED and not held already
                    + " UNION ALL SELECT 'PAYER', CONCAT(t.account_iban, '/', t.bank_reference), t.counterparty_name,"
                    + "   t.account_iban, t.bank_reference, t.amount_minor, t.currency, COALESCE(t.booking_date, f.business_date),"
                    + "   t.payment_references, (p.account_iban IS NULL OR p.unallocated_minor = p.amount_minor)"
                    + "     AND NOT EXISTS (SELECT 1 FROM payment_hold h WHERE h.account_iban = t.account_iban"
                    + "       AND h.bank_reference = t.bank_reference)"
                    + " FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
                    + " LEFT JOIN payment_allocation p ON p.account_iban = t.account_iban AND p.bank_reference = t.bank_reference"
                    + " WHERE t.is_payment = 1 AND t.direction = 'C' AND t.amount_minor > 0 AND t.counterparty_name IS NOT NULL"
                    + " AND t.duplicate_of IS NULL AND f.business_date BETWEEN ? AND ?";
            arguments = new Object[] {Date.valueOf(from), day};
        } else {
            sql = "SELECT 'CLIENT', c.client_id, c.name," + NO_PAYMENT + " FROM client c JOIN imported_file f"
                    + " ON f.id = c.import_id AND f.status = 'IMPORTED' WHERE f.business_date = ?"
                    + " UNION ALL SELECT DISTINCT 'DEBTOR', i.debtor_id, i.debtor_name," + NO_PAYMENT + " FROM invoice i"
                    + " JOIN imported_file f ON f.id = i.import_id AND f.status = 'IMPORTED' WHERE f.business_date = ?";
            arguments = new Object[] {day, day};
        }
        return new JdbcCursorItemReaderBuilder<PartyToScreen>()
                .name("partiesToScreenReader")
                .dataSource(dataSource)
                // a match raised is not raised again: a restart reads the parties again
                .saveState(false)
                .fetchSize(properties.sanctions().chunkSize())
                .verifyCursorPosition(false)
                .sql(sql)
                .queryArguments(arguments)
                .rowMapper((rs, row) -> {
                    NewAlert.SubjectKind kind = NewAlert.SubjectKind.valueOf(rs.getString(1));
                    PaymentToScreen payment = kind != NewAlert.SubjectKind.PAYER ? null : new PaymentToScreen(rs.getString(4),
                            rs.getString(5), Money.ofMinor(rs.getLong(6), rs.getString(7)), rs.getDate(8).toLocalDate(),
                            rs.getString(3), rs.getString(9));
                    return new PartyToScreen(kind, rs.getString(2), rs.getString(3), payment, rs.getBoolean(10));
                })
                .build();
    }

    @Bean
    @StepScope
    PartyScreeningWriter partyScreeningWriter(SanctionsLists lists, SettlementProperties properties, AmlAlerts alerts,
                                              PaymentHolds holds,
                                              @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                              @Value("#{jobExecutionContext['partiesList']}") Long list,
                                              @Value("#{jobExecutionContext['partiesFull']}") String full,
                                              @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
        if (list == 0) {
            // no list: the reader reads nothing and the writer is never asked
            return new PartyScreeningWriter(new se.clientfunds.sanctions.NameMatcher(java.util.List.of()), 1.0,
                    new SanctionsLists.ImportedList(0, "none", null, "", 0, 0), "", businessDate, jobExecutionId, alerts, holds);
        }
        SanctionsLists.ImportedList imported = lists.byImport(list).orElseThrow(() -> new IllegalStateException(
                "sanctions list of import " + list + " is not in the books any more"));
        return new PartyScreeningWriter(lists.matcher(list), properties.sanctions().matchThreshold().doubleValue(), imported,
                Boolean.parseBoolean(full) ? "list " + imported.label() + " came into force" : "new in the day's extracts",
                businessDate, jobExecutionId, alerts, holds);
    }

    /** Records the list's full re-screening as done, once its step has completed. */
    @Bean
    Step recordRescreenStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        return new StepBuilder("recordRescreen", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    var execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    long list = execution.getExecutionContext().getLong(PARTIES_LIST, 0L);
                    if (list != 0 && Boolean.parseBoolean(execution.getExecutionContext().getString(PARTIES_FULL, "false"))) {
                        jdbc.update("INSERT IGNORE INTO sanctions_rescreen (list_import_id, business_date, job_execution_id)"
                                + " VALUES (?, ?, ?)", list, Date.valueOf(execution.getJobParameters().getLocalDate("businessDate")),
                                execution.getId());
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
