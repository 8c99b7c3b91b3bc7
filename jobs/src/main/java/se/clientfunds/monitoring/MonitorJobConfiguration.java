package se.clientfunds.monitoring;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.jobs.JobName;
import se.clientfunds.money.Money;
import se.clientfunds.settings.SettlementHome;

/**
 * {@code monitorJob}: the AML rules over a business day's incoming payments and the history they need, with the rules
 * in force on that day ({@link MonitoringSettings}), after the sanctions screening of clients, debtors and, when a new
 * list is in force, recent payers ({@link ScreenPartiesConfiguration}). One chunked step per rule: the SQL picks the candidates, the rule
 * (a plain class) decides, the alerts are raised once whatever restarts happen. See README.md beside this class.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MonitoringSettings.class, GoamlSettings.class})
class MonitorJobConfiguration {

    private static final String NEWEST_INVOICE = RuleEvidence.NEWEST_INVOICE;
    private static final String CLIENT_SHARES = RuleEvidence.CLIENT_SHARES;

    /**
     * A condition that an amount of its currency is at least the currency's limit ({@code (t.currency = 'SEK' AND
     * t.amount_minor >= 15000000) OR …}), never true for a currency without one: each currency is read from its own
     * limit, not from the lowest of all (in minor units a EUR limit would let most SEK payments through).
     */
    private static String atLeast(String currency, String amount, java.util.Map<java.util.Currency, Money> limits) {
        List<String> each = new ArrayList<>();
        limits.forEach((code, limit) -> each.add("(" + currency + " = '" + code.getCurrencyCode() + "' AND " + amount + " >= "
                + limit.minorUnits() + ")"));
        return each.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", each) + ")";
    }

    /** The payments the rules look at: imported, incoming, dated by the business day they entered the books. */
    private static final String PAYMENTS = " FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id"
            + " AND f.status = 'IMPORTED' WHERE t.is_payment = 1 AND t.direction = 'C' AND t.amount_minor > 0";

    @Bean
    Job monitorJob(JobRepository jobRepository, Step choosePartiesStep, Step screenPartiesStep, Step recordRescreenStep,
                   Step largePaymentsStep, Step structuringStep, Step roundAmountsStep,
                   Step onePayerManyClientsStep, Step refundsToOtherAccountsStep, Step checkHighRiskCountriesStep,
                   Step highRiskCountriesStep,
                   Step velocityStep, Step summariseAlertsStep) {
        return new JobBuilder(JobName.MONITOR.jobName(), jobRepository)
                .start(choosePartiesStep)
                .next(screenPartiesStep)
                .next(recordRescreenStep)
                .next(largePaymentsStep)
                .next(structuringStep)
                .next(roundAmountsStep)
                .next(onePayerManyClientsStep)
                .next(refundsToOtherAccountsStep)
                .next(checkHighRiskCountriesStep)
                .next(highRiskCountriesStep)
                .next(velocityStep)
                .next(summariseAlertsStep)
                .build();
    }

    // --- LARGE_PAYMENT: each payment of the day at or above its currency's threshold

    @Bean
    Step largePaymentsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, MonitoringSettings settings,
                           JdbcCursorItemReader<PaymentFact> dayPaymentsReader, ItemProcessor<PaymentFact, NewAlert> largePaymentRule,
                           ItemWriter<NewAlert> alertWriter) {
        return ruleStep("largePayments", jobRepository, transactionManager, settings, dayPaymentsReader, largePaymentRule, alertWriter);
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<PaymentFact> dayPaymentsReader(DataSource dataSource, MonitoringSettings settings,
                                                       @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        // what is under its currency's threshold cannot be large
        String large = atLeast("t.currency", "t.amount_minor", settings.inForce(AlertRule.LARGE_PAYMENT, businessDate)
                .map(MonitoringSettings.RuleSetting::thresholds).orElse(java.util.Map.of()));
        return new JdbcCursorItemReaderBuilder<PaymentFact>()
                .name("dayPaymentsReader")
                .dataSource(dataSource)
                // an alert raised again is the same alert: a restart reads the day again
                .saveState(false)
                .verifyCursorPosition(false)
                .sql("SELECT CONCAT(t.account_iban, '/', t.bank_reference), t.counterparty_name, t.amount_minor, t.currency,"
                        + " f.business_date" + PAYMENTS + " AND f.business_date = ? AND " + large
                        + " ORDER BY t.import_id, t.entry_no, t.transaction_no")
                .queryArguments(Date.valueOf(businessDate))
                .rowMapper((rs, row) -> new PaymentFact(rs.getString(1), rs.getString(2), Money.ofMinor(rs.getLong(3),
                        rs.getString(4)), rs.getDate(5).toLocalDate()))
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<PaymentFact, NewAlert> largePaymentRule(MonitoringSettings settings,
                                                         @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        Optional<LargePaymentRule> rule = settings.inForce(AlertRule.LARGE_PAYMENT, businessDate).map(LargePaymentRule::new);
        return payment -> rule.flatMap(large -> large.evaluate(payment)).orElse(null);
    }

    // --- STRUCTURING: payers with payments just under the threshold within the window, one of them on the day

    @Bean
    Step structuringStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, MonitoringSettings settings,
                         JdbcCursorItemReader<PayerInWindow> structuringCandidatesReader,
                         ItemProcessor<PayerInWindow, NewAlert> structuringRule, ItemWriter<NewAlert> alertWriter) {
        return ruleStep("structuring", jobRepository, transactionManager, settings, structuringCandidatesReader, structuringRule, alertWriter);
    }

    /**
     * A payer to look at, in one currency: the name and the account the bank gave (empty when none). Two people of one
     * name who pay from two accounts are two payers; one name paying from several accounts is as many payers.
     */
    record PayerInWindow(String payer, String account, String currency, List<PaymentFact> band) {
    }

    // between the fields and the payments the reader gathers: control characters no bank reference or amount holds
    private static final String UNIT = "\u001f";
    private static final String RECORD = "\u001e";

    @Bean
    @StepScope
    JdbcCursorItemReader<PayerInWindow> structuringCandidatesReader(DataSource dataSource, MonitoringSettings settings,
                                                                    BankingCalendar calendar,
                                                                    @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        Optional<StructuringRule> rule = settings.inForce(AlertRule.STRUCTURING, businessDate).map(StructuringRule::new);
        List<Object> arguments = new ArrayList<>();
        StringBuilder band = new StringBuilder();
        rule.ifPresent(structuring -> structuring.thresholds().values()
                .forEach(threshold -> {
                    band.append(band.isEmpty() ? "" : " OR ").append("(t.currency = ? AND t.amount_minor >= ? AND t.amount_minor < ?)");
                    arguments.add(threshold.currency().getCurrencyCode());
                    arguments.add(structuring.lowest(threshold).minorUnits());
                    arguments.add(threshold.minorUnits());
                }));
        LocalDate from = rule.map(structuring -> calendar.plusBankingDays(businessDate, -(structuring.windowDays() - 1)))
                .orElse(businessDate);
        arguments.add(0, Date.valueOf(from));
        arguments.add(1, Date.valueOf(businessDate));
        arguments.add(Date.valueOf(businessDate));
        return new JdbcCursorItemReaderBuilder<PayerInWindow>()
                .name("structuringCandidatesReader")
                .dataSource(dataSource)
                .saveState(false)
                .verifyCursorPosition(false)
                // the payer's payments in the band within the window, gathered: the rule needs no others
                .sql("SELECT t.counterparty_name, COALESCE(t.counterparty_account, ''), t.currency,"
                        + " GROUP_CONCAT(CONCAT(f.business_date, '" + UNIT + "', t.amount_minor, '" + UNIT + "', t.account_iban, '/',"
                        + "   t.bank_reference) SEPARATOR '" + RECORD + "')" + PAYMENTS
                        + " AND f.business_date BETWEEN ? AND ?"
                        + " AND t.counterparty_name IS NOT NULL AND (" + (band.isEmpty() ? "1 = 0" : band) + ")"
                        + " GROUP BY t.counterparty_name, COALESCE(t.counterparty_account, ''), t.currency"
                        + " HAVING MAX(f.business_date) = ?"
                        + " ORDER BY t.counterparty_name, t.currency")
                .queryArguments(arguments.toArray())
                .rowMapper((rs, row) -> {
                    List<PaymentFact> under = new ArrayList<>();
                    for (String payment : rs.getString(4).split(RECORD)) {
                        String[] fields = payment.split(UNIT, 3);
                        under.add(new PaymentFact(fields[2], rs.getString(1), Money.ofMinor(Long.parseLong(fields[1]),
                                rs.getString(3)), LocalDate.parse(fields[0])));
                    }
                    return new PayerInWindow(rs.getString(1), rs.getString(2), rs.getString(3), under);
                })
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<PayerInWindow, NewAlert> structuringRule(MonitoringSettings settings,
                                                          @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        Optional<StructuringRule> rule = settings.inForce(AlertRule.STRUCTURING, businessDate).map(StructuringRule::new);
        return candidate -> rule.flatMap(structuring -> structuring.evaluate(candidate.payer(), businessDate, candidate.band()))
                .orElse(null);
    }

    // --- ROUND_AMOUNT: the day's payments from the minimum that are round and pay no invoice exactly

    /** A payment, and whether its amount is the amount of an invoice it paid. */
    record RoundCandidate(PaymentFact payment, boolean paysAnInvoiceExactly) {
    }

    @Bean
    Step roundAmountsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, MonitoringSettings settings,
                          JdbcCursorItemReader<RoundCandidate> roundCandidatesReader,
                          ItemProcessor<RoundCandidate, NewAlert> roundAmountRule, ItemWriter<NewAlert> alertWriter) {
        return ruleStep("roundAmounts", jobRepository, transactionManager, settings, roundCandidatesReader, roundAmountRule, alertWriter);
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<RoundCandidate> roundCandidatesReader(DataSource dataSource, MonitoringSettings settings,
                                                              @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        String fromMinimum = atLeast("t.currency", "t.amount_minor", settings.inForce(AlertRule.ROUND_AMOUNT, businessDate)
                .map(MonitoringSettings.RuleSetting::minimums).orElse(java.util.Map.of()));
        return new JdbcCursorItemReaderBuilder<RoundCandidate>()
                .name("roundCandidatesReader")
                .dataSource(dataSource)
                .saveState(false)
                .verifyCursorPosition(false)
                .sql("SELECT CONCAT(t.account_iban, '/', t.bank_reference), t.counterparty_name, t.amount_minor, t.currency,"
                        + " f.business_date, EXISTS (SELECT 1 FROM invoice_allocation a JOIN invoice i"
                        + "   ON i.invoice_id = a.invoice_id WHERE a.account_iban = t.account_iban"
                        + "   AND a.bank_reference = t.bank_reference AND i.amount_minor = t.amount_minor AND" + NEWEST_INVOICE + ")"
                        + PAYMENTS + " AND f.business_date = ? AND " + fromMinimum
                        + " ORDER BY t.import_id, t.entry_no, t.transaction_no")
                .queryArguments(Date.valueOf(businessDate))
                .rowMapper((rs, row) -> new RoundCandidate(new PaymentFact(rs.getString(1), rs.getString(2),
                        Money.ofMinor(rs.getLong(3), rs.getString(4)), rs.getDate(5).toLocalDate()), rs.getBoolean(6)))
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<RoundCandidate, NewAlert> roundAmountRule(MonitoringSettings settings,
                                                           @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        Optional<RoundAmountRule> rule = settings.inForce(AlertRule.ROUND_AMOUNT, businessDate).map(RoundAmountRule::new);
        return candidate -> rule.flatMap(round -> round.evaluate(candidate.payment(), candidate.paysAnInvoiceExactly()))
                .orElse(null);
    }

    // --- ONE_PAYER_MANY_CLIENTS: payers whose payments went to many clients within the window, one allocated on the day

    @Bean
    Step onePayerManyClientsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 MonitoringSettings settings, JdbcCursorItemReader<String[]> manyClientsPayersReader,
                                 ItemProcessor<String[], NewAlert> onePayerManyClientsRule, ItemWriter<NewAlert> alertWriter) {
        return ruleStep("onePayerManyClients", jobRepository, transactionManager, settings, manyClientsPayersReader, onePayerManyClientsRule, alertWriter);
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<String[]> manyClientsPayersReader(DataSource dataSource, MonitoringSettings settings, BankingCalendar calendar,
                                                        @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        Optional<MonitoringSettings.RuleSetting> setting = settings.inForce(AlertRule.ONE_PAYER_MANY_CLIENTS, businessDate);
        LocalDate from = setting.map(rule -> calendar.plusBankingDays(businessDate, -(rule.windowDays() - 1))).orElse(businessDate);
        return new JdbcCursorItemReaderBuilder<String[]>()
                .name("manyClientsPayersReader")
                .dataSource(dataSource)
                .saveState(false)
                .verifyCursorPosition(false)
                // a payer is a name and the account it pays from, as for STRUCTURING
                .sql("SELECT t.counterparty_name, COALESCE(t.counterparty_account, '')" + CLIENT_SHARES
                        + " GROUP BY t.counterparty_name, COALESCE(t.counterparty_account, '')"
                        + " HAVING COUNT(DISTINCT a.client_id) >= ? AND MAX(a.allocated_on) = ? ORDER BY t.counterparty_name")
                .queryArguments(Date.valueOf(from), Date.valueOf(businessDate),
                        setting.map(MonitoringSettings.RuleSetting::minClients).orElse(Integer.MAX_VALUE), Date.valueOf(businessDate))
                .rowMapper((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<String[], NewAlert> onePayerManyClientsRule(MonitoringSettings settings, BankingCalendar calendar, RuleEvidence evidence,
                                                           @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        Optional<OnePayerManyClientsRule> rule = settings.inForce(AlertRule.ONE_PAYER_MANY_CLIENTS, businessDate)
                .map(OnePayerManyClientsRule::new);
        return payerAndAccount -> {
            String payer = payerAndAccount[0];
            if (rule.isEmpty()) {
                return null;
            }
            LocalDate from = calendar.plusBankingDays(businessDate, -(rule.get().windowDays() - 1));
            List<OnePayerManyClientsRule.ClientPayment> window = evidence.clientPayments(payer, payerAndAccount[1], from,
                    businessDate);
            return rule.get().evaluate(payer, businessDate, window).orElse(null);
        };
    }

    // --- REFUND_TO_OTHER_ACCOUNT: the day's refunds paid elsewhere than the payment came from

    @Bean
    Step refundsToOtherAccountsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    MonitoringSettings settings, JdbcCursorItemReader<RefundToOtherAccountRule.Refund> paidRefundsReader,
                                    ItemProcessor<RefundToOtherAccountRule.Refund, NewAlert> refundToOtherAccountRule,
                                    ItemWriter<NewAlert> alertWriter) {
        return ruleStep("refundsToOtherAccounts", jobRepository, transactionManager, settings, paidRefundsReader, refundToOtherAccountRule, alertWriter);
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<RefundToOtherAccountRule.Refund> paidRefundsReader(DataSource dataSource,
                                                                           @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return new JdbcCursorItemReaderBuilder<RefundToOtherAccountRule.Refund>()
                .name("paidRefundsReader")
                .dataSource(dataSource)
                .saveState(false)
                .verifyCursorPosition(false)
                .sql("SELECT r.refund_id, CONCAT(r.account_iban, '/', r.bank_reference), t.counterparty_name, t.counterparty_account,"
                        + " r.to_account, r.to_name, r.amount_minor, r.currency FROM refund_payment r"
                        + " JOIN bank_transaction t ON t.account_iban = r.account_iban AND t.bank_reference = r.bank_reference"
                        + " AND t.is_payment = 1 AND t.direction = 'C'"
                        + " JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
                        + " WHERE r.status = 'PAID' AND r.business_date = ? ORDER BY r.refund_id")
                .queryArguments(Date.valueOf(businessDate))
                .rowMapper((rs, row) -> new RefundToOtherAccountRule.Refund(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), Money.ofMinor(rs.getLong(7), rs.getString(8)),
                        businessDate))
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<RefundToOtherAccountRule.Refund, NewAlert> refundToOtherAccountRule(MonitoringSettings settings,
            @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        Optional<RefundToOtherAccountRule> rule = settings.inForce(AlertRule.REFUND_TO_OTHER_ACCOUNT, businessDate)
                .map(RefundToOtherAccountRule::new);
        return refund -> rule.flatMap(check -> check.evaluate(refund)).orElse(null);
    }

    // --- HIGH_RISK_COUNTRY: debtors of a listed country whose payments were allocated on the day

    /** The list read and checked whole before the rule's step opens, so a broken line fails the job with its reason. */
    @Bean
    Step checkHighRiskCountriesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    MonitoringSettings settings, SettlementHome home) {
        return new StepBuilder("checkHighRiskCountries", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    LocalDate day = chunkContext.getStepContext().getStepExecution().getJobParameters().getLocalDate("businessDate");
                    highRiskCountries(settings, home, day);
                    return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step highRiskCountriesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               MonitoringSettings settings, JdbcCursorItemReader<HighRiskCountryRule.DebtorDay> highRiskDebtorsReader,
                               ItemProcessor<HighRiskCountryRule.DebtorDay, NewAlert> highRiskCountryRule,
                               ItemWriter<NewAlert> alertWriter) {
        return ruleStep("highRiskCountries", jobRepository, transactionManager, settings, highRiskDebtorsReader,
                highRiskCountryRule, alertWriter);
    }

    /**
     * The list of high-risk countries when HIGH_RISK_COUNTRY is in force on the day and its file exists; read whole at
     * the step's start, so that a corrected file counts from the next run. A file that is there but broken fails the
     * step with the line and field; a file that is not there leaves the rule unchecked, which the summary says.
     */
    private static Optional<HighRiskCountries> highRiskCountries(MonitoringSettings settings, SettlementHome home, LocalDate day) {
        if (settings.inForce(AlertRule.HIGH_RISK_COUNTRY, day).isEmpty()) {
            return Optional.empty();
        }
        java.nio.file.Path file = home.root().resolve(settings.highRiskCountries());
        return java.nio.file.Files.exists(file) ? Optional.of(HighRiskCountries.read(file)) : Optional.empty();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<HighRiskCountryRule.DebtorDay> highRiskDebtorsReader(DataSource dataSource, MonitoringSettings settings,
                                                                             SettlementHome home,
                                                                             @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        List<String> listed = highRiskCountries(settings, home, businessDate).map(countries -> countries.listedOn(businessDate))
                .orElse(List.of());
        List<Object> arguments = new ArrayList<>(List.of(Date.valueOf(businessDate)));
        arguments.addAll(listed);
        return new JdbcCursorItemReaderBuilder<HighRiskCountryRule.DebtorDay>()
                .name("highRiskDebtorsReader")
                .dataSource(dataSource)
                .saveState(false)
                .verifyCursorPosition(false)
                // one debtor (by id, whatever spellings of the name its invoices carry) a listed country and currency
                .sql("SELECT i.debtor_id, MIN(i.debtor_name), a.debtor_country, a.currency, SUM(a.amount_minor)"
                        // the day's allocations of a listed country (the day's index holds the country each was judged
                        // by when allocated), then only those allocations' invoices, for the debtor
                        + " FROM invoice_allocation a FORCE INDEX (ix_invoice_allocation_day_client)"
                        + " STRAIGHT_JOIN invoice i ON i.invoice_id = a.invoice_id"
                        + " WHERE a.allocated_on = ? AND a.debtor_country IN ("
                        + (listed.isEmpty() ? "NULL" : String.join(", ", java.util.Collections.nCopies(listed.size(), "?"))) + ")"
                        + " AND" + NEWEST_INVOICE
                        + " GROUP BY i.debtor_id, a.debtor_country, a.currency ORDER BY i.debtor_id, a.debtor_country, a.currency")
                .queryArguments(arguments.toArray())
                // (the payments are read for the debtors the rule reports)
                .rowMapper((rs, row) -> new HighRiskCountryRule.DebtorDay(rs.getString(1), rs.getString(2), rs.getString(3),
                        businessDate, Money.ofMinor(rs.getLong(5), rs.getString(4)), List.of()))
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<HighRiskCountryRule.DebtorDay, NewAlert> highRiskCountryRule(MonitoringSettings settings, SettlementHome home,
            RuleEvidence evidence, @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        Optional<HighRiskCountryRule> rule = settings.inForce(AlertRule.HIGH_RISK_COUNTRY, businessDate)
                .flatMap(setting -> highRiskCountries(settings, home, businessDate)
                        .map(countries -> new HighRiskCountryRule(setting, countries)));
        return debtor -> {
            if (rule.isEmpty() || !rule.get().applies(debtor)) {
                return null;
            }
            List<String> payments = evidence.debtorPayments(businessDate, debtor.country(),
                    debtor.amount().currency().getCurrencyCode(), debtor.debtorId());
            return rule.get().evaluate(new HighRiskCountryRule.DebtorDay(debtor.debtorId(), debtor.debtorName(),
                    debtor.country(), debtor.day(), debtor.amount(), payments)).orElse(null);
        };
    }

    // --- VELOCITY: clients whose inflow of the day is many times their usual

    @Bean
    Step velocityStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, MonitoringSettings settings,
                      JdbcCursorItemReader<ClientInflow> clientInflowsReader, ItemProcessor<ClientInflow, NewAlert> velocityRule,
                      ItemWriter<NewAlert> alertWriter) {
        return ruleStep("velocity", jobRepository, transactionManager, settings, clientInflowsReader, velocityRule, alertWriter);
    }

    /** A client's inflow in one currency on the business day, at least the currency's floor. */
    record ClientInflow(String clientId, String currency, long today) {
    }

    /**
     * The look-back of VELOCITY in force on the day: the banking days before it, newest first, not before the first day
     * the books have; empty when the rule is not in force or on the books' first day.
     */
    private static List<LocalDate> lookback(MonitoringSettings settings, BankingCalendar calendar, RuleEvidence evidence, LocalDate day) {
        List<LocalDate> lookback = new ArrayList<>();
        settings.inForce(AlertRule.VELOCITY, day).ifPresent(velocity -> {
            LocalDate first = evidence.firstBusinessDay().orElse(null);
            for (LocalDate earlier = calendar.plusBankingDays(day, -1); first != null && !earlier.isBefore(first)
                    && lookback.size() < velocity.lookbackDays(); earlier = calendar.plusBankingDays(earlier, -1)) {
                lookback.add(earlier);
            }
        });
        return lookback;
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<ClientInflow> clientInflowsReader(DataSource dataSource, MonitoringSettings settings,
                                                          @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        // a day's inflow under its currency's floor cannot be a spike
        String fromFloor = atLeast("currency", "SUM(amount_minor)", settings.inForce(AlertRule.VELOCITY, businessDate)
                .map(MonitoringSettings.RuleSetting::floors).orElse(java.util.Map.of()));
        return new JdbcCursorItemReaderBuilder<ClientInflow>()
                .name("clientInflowsReader")
                .dataSource(dataSource)
                .saveState(false)
                .verifyCursorPosition(false)
                // the day's inflows from the index alone (left to itself the optimiser scans every allocation by client)
                .sql("SELECT client_id, currency, SUM(amount_minor) FROM invoice_allocation"
                        + " FORCE INDEX (ix_invoice_allocation_day_client) WHERE allocated_on = ?"
                        + " GROUP BY client_id, currency HAVING " + fromFloor + " ORDER BY client_id, currency")
                .queryArguments(Date.valueOf(businessDate))
                .rowMapper((rs, row) -> new ClientInflow(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<ClientInflow, NewAlert> velocityRule(MonitoringSettings settings, BankingCalendar calendar, RuleEvidence evidence,
                                                       @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        Optional<VelocityRule> rule = settings.inForce(AlertRule.VELOCITY, businessDate).map(VelocityRule::new);
        List<LocalDate> lookback = lookback(settings, calendar, evidence, businessDate);
        return client -> {
            if (rule.isEmpty() || lookback.isEmpty()) {
                return null;
            }
            java.util.Map<LocalDate, Long> byDay = evidence.clientInflowByDay(client.clientId(), client.currency(),
                    lookback.get(lookback.size() - 1), lookback.get(0));
            long[] history = lookback.stream().mapToLong(day -> byDay.getOrDefault(day, 0L)).toArray();
            Money inflow = Money.ofMinor(client.today(), client.currency());
            if (rule.get().evaluate(new VelocityRule.ClientDay(client.clientId(), businessDate, inflow, history, List.of()))
                    .isEmpty()) {
                return null;
            }
            // a spike: its evidence is the day's payments to the client
            List<String> payments = evidence.clientPaymentsOn(businessDate, client.clientId(), client.currency());
            return rule.get().evaluate(new VelocityRule.ClientDay(client.clientId(), businessDate, inflow, history, payments))
                    .orElse(null);
        };
    }

    // --- summary: the day's alerts by rule, for run-day and the operators

    @Bean
    Step summariseAlertsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, AmlAlerts alerts,
                             MonitoringSettings settings, SettlementHome home) {
        return new StepBuilder("summariseAlerts", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    var execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    LocalDate day = execution.getJobParameters().getLocalDate("businessDate");
                    List<String> counts = new ArrayList<>();
                    alerts.countByRule(day).forEach((rule, count) -> counts.add(rule + " " + count));
                    String summary = counts.isEmpty() ? "no alerts" : "alerts: " + String.join(", ", counts) + " (settle alerts "
                            + day + ")";
                    java.nio.file.Path countries = home.root().resolve(settings.highRiskCountries());
                    if (settings.inForce(AlertRule.HIGH_RISK_COUNTRY, day).isPresent() && !java.nio.file.Files.exists(countries)) {
                        // a rule in force that could not be checked is said where the operator reads the day
                        summary += "; HIGH_RISK_COUNTRY not checked: no list of high-risk countries at " + countries;
                    }
                    execution.getExecutionContext().putString("summary", summary);
                    return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** A rule's step: its candidates read, judged by the rule, the alerts raised in the chunk's transaction. */
    private static <T> Step ruleStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                     MonitoringSettings settings, org.springframework.batch.infrastructure.item.ItemReader<T> reader,
                                     ItemProcessor<T, NewAlert> rule, ItemWriter<NewAlert> alertWriter) {
        return new StepBuilder(name, jobRepository)
                .<T, NewAlert>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(rule)
                .writer(alertWriter)
                .build();
    }

    // --- every rule's alerts: raised once, in the chunk's transaction

    @Bean
    @StepScope
    ItemWriter<NewAlert> alertWriter(AmlAlerts alerts, @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
        return chunk -> chunk.forEach(alert -> alerts.raise(alert, jobExecutionId));
    }
}
