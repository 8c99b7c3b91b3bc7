package se.clientfunds.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API on a served home with a user of each role: every endpoint answers 401 without credentials, 403 to a
 * role the permission table leaves out and is served to one it lets in; errors are problem details naming the field;
 * a real failed execution is restarted through it with who and why recorded; failed logins are throttled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT {

    private static final String PASSWORD = ServedHome.PASSWORD;
    private static final LocalDate FRI_2 = ServedHome.FRI_2;
    private static final LocalDate MON_5 = ServedHome.MON_5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServedHome served;
    private MockMvc api;
    private JdbcTemplate jdbc;
    private long failedReconciliation;
    private long completed;
    /** The CLI's CSV of Friday 2 January's positions, breaks and safeguarding, printed before the home was served. */
    private final Map<String, String> cliCsv = new LinkedHashMap<>();

    @BeforeAll
    void aServedHomeWithADayClosedAndTheNextOnesReconciliationFailed(@TempDir Path dir) throws Exception {
        List<List<String>> figures = List.of("positions", "breaks", "safeguarding").stream()
                .map(name -> List.of(name, FRI_2.toString(), "--format", "csv")).toList();
        served = ServedHome.in(dir, figures);
        figures.forEach(command -> cliCsv.put(command.get(0), served.printedBefore.get(String.join(" ", command))));
        jdbc = served.jdbc;
        failedReconciliation = served.failedReconciliation;
        completed = jdbc.queryForObject("SELECT MIN(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'", Long.class);
        api = MockMvcBuilders.webAppContextSetup((WebApplicationContext) served.context).apply(springSecurity()).build();
    }

    @AfterAll
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void everyEndpointAnswersEachRoleAsThePermissionTableSays() throws Exception {
        // given every endpoint with the permission it asks for (the actions on a completed execution and on a schedule:
        // a role let in is answered by the operation, which may refuse it, never by security)
        Map<String, Permission> endpoints = new LinkedHashMap<>();
        endpoints.put("GET /api/v1/days", Permission.READ);
        endpoints.put("GET /api/v1/days/" + FRI_2, Permission.READ);
        endpoints.put("GET /api/v1/executions", Permission.READ);
        endpoints.put("GET /api/v1/executions/" + completed, Permission.READ);
        endpoints.put("GET /api/v1/schedules", Permission.READ);
        for (String figures : List.of("positions", "breaks", "safeguarding", "reconciliation")) {
            endpoints.put("GET /api/v1/days/" + FRI_2 + "/" + figures, Permission.READ);
        }
        endpoints.put("GET /api/v1/unallocated", Permission.READ);
        endpoints.put("GET /api/v1/audit", Permission.READ);
        endpoints.put("GET /api/v1/days/" + FRI_2 + "/reports", Permission.READ);
        endpoints.put("GET /api/v1/days/" + FRI_2 + "/reports/manifest.json", Permission.READ);
        endpoints.put("GET /api/v1/days/" + FRI_2 + "/verify", Permission.READ);
        endpoints.put("POST /api/v1/breaks/999999/resolve", Permission.RESOLVE_BREAKS);
        endpoints.put("POST /api/v1/breaks/999999/explain", Permission.RESOLVE_BREAKS);
        endpoints.put("POST /api/v1/payments/NO-SUCH-REFERENCE/allocate", Permission.ALLOCATE);
        for (String action : List.of("restart", "stop", "abandon", "recover")) {
            endpoints.put("POST /api/v1/executions/" + completed + "/" + action, Permission.OPERATE_JOBS);
        }
        endpoints.put("GET /api/v1/approvals", Permission.READ);
        endpoints.put("GET /api/v1/invoices?q=INV", Permission.READ);
        endpoints.put("GET /api/v1/days/" + FRI_2 + "/safeguarding/sign-offs", Permission.READ);
        // approving or rejecting asks for the permission of the action proposed: one of these two
        endpoints.put("POST /api/v1/approvals/999999/approve", Permission.RESOLVE_BREAKS);
        endpoints.put("POST /api/v1/approvals/999999/reject", Permission.RESOLVE_BREAKS);
        endpoints.put("POST /api/v1/days/" + FRI_2 + "/safeguarding/sign-off", Permission.SIGN_OFF_SAFEGUARDING);
        endpoints.put("POST /api/v1/schedules/daily-cycle/pause", Permission.OPERATE_SCHEDULES);
        endpoints.put("POST /api/v1/schedules/daily-cycle/resume", Permission.OPERATE_SCHEDULES);
        endpoints.put("GET /api/v1/alerts", Permission.READ_ALERTS);
        for (String action : List.of("assign", "comment", "close", "escalate", "release-hold", "file")) {
            endpoints.put("POST /api/v1/alerts/999999/" + action, Permission.WORK_ALERTS);
        }

        // when each is asked without credentials and by each role, then
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Permission> endpoint : endpoints.entrySet()) {
            int anonymous = call(endpoint.getKey(), null).getStatus();
            if (anonymous != 401) {
                wrong.add(endpoint.getKey() + " without credentials: " + anonymous);
            }
            for (Role role : Role.values()) {
                MockHttpServletResponse response = call(endpoint.getKey(), role);
                boolean allowed = endpoint.getValue().roles().contains(role);
                boolean ok = allowed ? response.getStatus() != 401 && response.getStatus() != 403
                        && (!endpoint.getKey().startsWith("GET") || response.getStatus() == 200)
                        : response.getStatus() == 403;
                if (!ok) {
                    wrong.add(endpoint.getKey() + " as " + role + ": " + response.getStatus() + " " + response.getContentAsString());
                }
            }
        }
        assertThat(wrong).isEmpty();
        // and a refusal the operation makes is a problem saying why
        MockHttpServletResponse refused = call("POST /api/v1/executions/" + completed + "/restart", Role.OPERATOR);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(json(refused).get("detail").asString()).endsWith("completed: there is nothing to restart");
    }

    @Test
    void anOperatorRestartsTheFailedReconciliationWithAReasonAndItIsRecordedAsHers() throws Exception {
        // given the day's failed reconciliation, as the API shows it
        JsonNode failed = json(call("GET /api/v1/executions/" + failedReconciliation, Role.AUDITOR));
        assertThat(failed.at("/summary/status").asString()).isEqualTo("FAILED");
        assertThat(failed.at("/summary/rootCause").asString()).contains("no space left (test)");
        JsonNode day = json(call("GET /api/v1/days/" + MON_5, Role.FINANCE));
        assertThat(day.get("status").asString()).isEqualTo("FAILED");

        // when the operator restarts it without a reason, then she is told which field is missing
        MockHttpServletResponse noReason = api.perform(post("/api/v1/executions/" + failedReconciliation + "/restart")
                .with(httpBasic("operator", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(json(noReason).get("field").asString()).isEqualTo("reason");

        // when she gives one, then it runs to the end and is recorded as hers, with why
        MockHttpServletResponse restarted = api.perform(post("/api/v1/executions/" + failedReconciliation + "/restart")
                .with(httpBasic("operator", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"disk extended\"}")).andReturn().getResponse();
        assertThat(restarted.getStatus()).as(restarted.getContentAsString()).isEqualTo(200);
        JsonNode outcome = json(restarted);
        assertThat(outcome.at("/result/status").asString()).isEqualTo("COMPLETED");
        assertThat(outcome.at("/result/startedBy").asString()).isEqualTo("operator");
        assertThat(jdbc.queryForList("SELECT CONCAT_WS('|', operator, action, reason, channel, role, outcome) FROM operator_action"
                + " WHERE job_execution_id = ?", String.class, outcome.at("/result/id").asLong()))
                .containsExactly("operator|RESTART|disk extended|api|OPERATOR|COMPLETED");
    }

    @Test
    void theFiguresAreTheCommandLinesRowForRow() throws Exception {
        for (Map.Entry<String, String> csv : cliCsv.entrySet()) {
            // given the CLI's CSV of the day, when the API is asked for the same figures
            // (through the served port, as a client outside would)
            JsonNode figures = JSON.readTree(overHttp("/api/v1/days/" + FRI_2 + "/" + csv.getKey(), "auditor"));
            // then the same columns, and each row's values the same text
            List<String> lines = csv.getValue().lines().toList();
            List<String> columns = List.of(lines.get(0).split(",", -1));
            assertThat(figures.get("columns").valueStream().map(JsonNode::asString).toList()).as(csv.getKey()).isEqualTo(columns);
            List<String> rows = new ArrayList<>();
            for (JsonNode row : figures.get("rows")) {
                rows.add(String.join(",", columns.stream().map(column -> row.get(column).asString()).toList()));
            }
            assertThat(rows).as(csv.getKey()).isEqualTo(lines.subList(1, lines.size())).isNotEmpty();
        }
    }

    @Test
    void financeResolvesABreakWithAReasonAndItIsRecordedAsTheirs() throws Exception {
        // (the smallest: the largest needs a second person, see below)
        long breakId = jdbc.queryForObject("SELECT id FROM reconciliation_break WHERE status <> 'RESOLVED' ORDER BY amount_minor, id"
                + " LIMIT 1", Long.class);
        MockHttpServletResponse resolved = api.perform(post("/api/v1/breaks/" + breakId + "/resolve")
                .with(httpBasic("finance", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"bank confirmed the fee\"}")).andReturn().getResponse();
        assertThat(resolved.getStatus()).as(resolved.getContentAsString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT status FROM reconciliation_break WHERE id = ?", String.class, breakId))
                .isEqualTo("RESOLVED");
        MockHttpServletResponse again = api.perform(post("/api/v1/breaks/" + breakId + "/resolve")
                .with(httpBasic("finance", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"twice\"}")).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(400);
        assertThat(json(again).get("detail").asString()).isEqualTo("break " + breakId + " is resolved already");
    }

    @Test
    void aLargeBreakIsResolvedOnlyWhenASecondPersonApprovesIt() throws Exception {
        // given Friday's largest break, above the four-eyes amount of 200000.00 SEK
        Map<String, Object> large = jdbc.queryForMap("SELECT id, amount_minor FROM reconciliation_break WHERE status <> 'RESOLVED'"
                + " ORDER BY amount_minor DESC LIMIT 1");
        long breakId = ((Number) large.get("id")).longValue();
        assertThat(((Number) large.get("amount_minor")).longValue()).isGreaterThan(200000_00L);

        // when finance resolves it, then it is only proposed (202), and the break stays open
        MockHttpServletResponse proposed = act("/api/v1/breaks/" + breakId + "/resolve", "finance", "the bank confirmed the payout");
        assertThat(proposed.getStatus()).as(proposed.getContentAsString()).isEqualTo(202);
        assertThat(json(proposed).get("action").asString()).isEqualTo("PROPOSED");
        long approval = json(proposed).get("approval").asLong();
        assertThat(jdbc.queryForObject("SELECT status FROM reconciliation_break WHERE id = ?", String.class, breakId)).isNotEqualTo("RESOLVED");
        // and a second proposal of the same is refused while the first waits
        MockHttpServletResponse twice = act("/api/v1/breaks/" + breakId + "/resolve", "operator", "again");
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(json(twice).get("detail").asString()).contains("is proposed already as approval " + approval + " by finance");
        // and it waits, as every reader sees
        JsonNode waiting = json(call("GET /api/v1/approvals", Role.AUDITOR));
        assertThat(waiting.valueStream().map(node -> node.get("id").asLong() + " " + node.get("status").asString()
                + " " + node.get("amount").asString())).contains(approval + " PROPOSED " + new java.math.BigDecimal(
                ((Number) large.get("amount_minor")).longValue()).movePointLeft(2).toPlainString());

        // when its author approves it, then that is refused (four eyes); and an auditor may not
        MockHttpServletResponse own = act("/api/v1/approvals/" + approval + "/approve", "finance", "looks right to me");
        assertThat(own.getStatus()).isEqualTo(409);
        assertThat(json(own).get("detail").asString()).isEqualTo("approval " + approval + " was proposed by finance: a different"
                + " person approves it (four eyes)");
        assertThat(act("/api/v1/approvals/" + approval + "/approve", "auditor", "x").getStatus()).isEqualTo(403);
        // and without a reason, the field is named
        assertThat(json(act("/api/v1/approvals/" + approval + "/approve", "finance2", " ")).get("field").asString())
                .isEqualTo("reason");

        // when a second finance user approves it, then the break is resolved, and all three steps are recorded
        MockHttpServletResponse approved = act("/api/v1/approvals/" + approval + "/approve", "finance2", "statement line checked");
        assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
        assertThat(json(approved).at("/proposal/status").asString()).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("SELECT CONCAT_WS('|', status, operator) FROM reconciliation_break WHERE id = ?", String.class,
                breakId)).isEqualTo("RESOLVED|finance2");
        assertThat(jdbc.queryForList("SELECT CONCAT_WS('|', operator, action, channel, role, reason) FROM operator_action"
                + " WHERE subject LIKE ? OR subject = ? ORDER BY id", String.class, "approval " + approval + ":%", "break " + breakId))
                .containsExactly("finance|PROPOSE_RESOLVE_BREAK|api|FINANCE|the bank confirmed the payout",
                        "finance2|RESOLVE_BREAK|api|FINANCE|the bank confirmed the payout (proposed by finance, approval " + approval + ")",
                        "finance2|APPROVE|api|FINANCE|statement line checked");
        // and it cannot be decided twice
        assertThat(act("/api/v1/approvals/" + approval + "/reject", "operator", "too late").getStatus()).isEqualTo(409);
    }

    @Test
    void aLargeAllocationByHandWaitsForASecondPersonAndARejectedOneChangesNothing() throws Exception {
        // given the unallocated payment above the four-eyes amount (20000.00 SEK) and the open invoice owing the most
        Map<String, Object> payment = jdbc.queryForMap("SELECT bank_reference, unallocated_minor FROM payment_allocation"
                + " WHERE unallocated_minor > 2000000 ORDER BY unallocated_minor DESC LIMIT 1");
        String reference = (String) payment.get("bank_reference");
        Map<String, Object> owing = jdbc.queryForMap("SELECT invoice_id, debtor_name, ocr, amount_minor - paid_minor AS outstanding"
                + " FROM invoice_status WHERE status <> 'PAID'"
                + " AND currency = 'SEK' ORDER BY amount_minor - paid_minor DESC, invoice_id LIMIT 1");
        String invoice = (String) owing.get("invoice_id");
        // (as the operator finds it: by a part of the debtor's name, or by its OCR)
        String debtor = (String) owing.get("debtor_name");
        // (MockMvc encodes the query as a URI template does)
        JsonNode byName = json(call("GET /api/v1/invoices?q=" + debtor.substring(debtor.length() - 5), Role.OPERATOR));
        assertThat(byName.valueStream().map(found -> found.get("invoiceId").asString())).contains(invoice);
        JsonNode byOcr = json(call("GET /api/v1/invoices?q=" + owing.get("ocr"), Role.OPERATOR));
        assertThat(byOcr.valueStream().map(found -> found.get("invoiceId").asString()).toList()).containsExactly(invoice);
        String outstanding = java.math.BigDecimal.valueOf(((Number) owing.get("outstanding")).longValue(), 2).toPlainString();
        JsonNode byAmount = json(call("GET /api/v1/invoices?q=" + outstanding, Role.OPERATOR));
        assertThat(byAmount.valueStream().map(found -> found.get("invoiceId").asString() + " " + found.get("outstanding").asString()))
                .contains(invoice + " " + outstanding);
        // (the same digits without the decimals are another amount in SEK)
        assertThat(json(call("GET /api/v1/invoices?q=" + outstanding.replace(".", ""), Role.OPERATOR)).valueStream()
                .map(found -> found.get("invoiceId").asString())).doesNotContain(invoice);
        MockHttpServletResponse noQuery = call("GET /api/v1/invoices", Role.OPERATOR);
        assertThat(noQuery.getStatus()).isEqualTo(400);
        assertThat(json(noQuery).get("field").asString()).isEqualTo("q");
        long journalLines = jdbc.queryForObject("SELECT COUNT(*) FROM journal_line", Long.class);

        // when the operator allocates it, then it is proposed with what it would do, and nothing is posted
        MockHttpServletResponse proposed = api.perform(post("/api/v1/payments/" + reference + "/allocate")
                .with(httpBasic("operator", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"invoiceId\": \"" + invoice + "\", \"reason\": \"the payer phoned\"}")).andReturn().getResponse();
        assertThat(proposed.getStatus()).as(proposed.getContentAsString()).isEqualTo(202);
        assertThat(json(proposed).get("status").asString()).isEqualTo("PROPOSED");
        long approval = json(proposed).get("approval").asLong();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line", Long.class)).isEqualTo(journalLines);

        // when the operator rejects her own proposal, then it is withdrawn and the payment still waits
        MockHttpServletResponse withdrawn = act("/api/v1/approvals/" + approval + "/reject", "operator", "wrong invoice");
        assertThat(json(withdrawn).at("/proposal/status").asString()).isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForObject("SELECT unallocated_minor FROM payment_allocation WHERE bank_reference = ?", Long.class,
                reference)).isEqualTo(((Number) payment.get("unallocated_minor")).longValue());

        // when proposed again and approved by the admin, then it is posted, as the admin, with the proposal's reason
        long again = json(api.perform(post("/api/v1/payments/" + reference + "/allocate").with(httpBasic("operator", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"invoiceId\": \"" + invoice + "\", \"reason\": \"the payer phoned\"}"))
                .andReturn().getResponse()).get("approval").asLong();
        assertThat(again).isNotEqualTo(approval);
        assertThat(json(call("GET /api/v1/approvals/" + again, Role.AUDITOR)).get("noLongerApplies").isNull()).isTrue();
        // when part of the payment is used meanwhile (as the allocation job or another operator would), then the proposal
        // says it no longer applies, and approving it is refused
        long share = new java.math.BigDecimal(json(call("GET /api/v1/approvals/" + again, Role.AUDITOR)).get("amount").asString())
                .movePointRight(2).longValueExact();
        jdbc.update("UPDATE payment_allocation SET unallocated_minor = ? WHERE bank_reference = ?", share - 100, reference);
        try {
            assertThat(json(call("GET /api/v1/approvals/" + again, Role.AUDITOR)).get("noLongerApplies").asString())
                    .startsWith("it would now allocate ");
            MockHttpServletResponse stale = act("/api/v1/approvals/" + again + "/approve", "admin", "checked the call note");
            assertThat(stale.getStatus()).isEqualTo(409);
            assertThat(json(stale).get("detail").asString()).endsWith(": reject it and propose again");
        } finally {
            jdbc.update("UPDATE payment_allocation SET unallocated_minor = ? WHERE bank_reference = ?",
                    ((Number) payment.get("unallocated_minor")).longValue(), reference);
        }
        MockHttpServletResponse approved = act("/api/v1/approvals/" + again + "/approve", "admin", "checked the call note");
        assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
        assertThat(json(approved).get("outcome").asString()).startsWith("allocated ");
        assertThat(jdbc.queryForObject("SELECT CONCAT_WS('|', allocated_by, reason) FROM invoice_allocation WHERE invoice_id = ?"
                + " ORDER BY allocation_no DESC LIMIT 1", String.class, invoice))
                .isEqualTo("admin|the payer phoned (proposed by operator, approval " + again + ")");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line", Long.class)).isGreaterThan(journalLines);
    }

    @Test
    void theSafeguardingStatementIsPreparedAndReviewedByTwoFinanceUsers() throws Exception {
        String path = "/api/v1/days/" + FRI_2 + "/safeguarding/sign-off";
        // when an operator signs, then that is not theirs to do
        assertThat(signOff(path, "operator", "PREPARED").getStatus()).isEqualTo(403);
        // when the sign-off is not named, then the field is
        MockHttpServletResponse unnamed = signOff(path, "finance", "CHECKED");
        assertThat(unnamed.getStatus()).isEqualTo(400);
        assertThat(json(unnamed).get("field").asString()).isEqualTo("signOff");
        // and a day with no safeguarding statement has nothing to sign
        assertThat(json(signOff("/api/v1/days/2026-01-07/safeguarding/sign-off", "finance", "PREPARED")).get("detail").asString())
                .isEqualTo("business day 2026-01-07 has not been reconciled: there is no safeguarding statement to sign");
        // when finance reviews first, then it must be prepared before
        assertThat(json(signOff(path, "finance", "REVIEWED")).get("detail").asString()).endsWith("nobody has signed it as prepared yet");
        // when finance signs figures other than those there are now, then it is refused
        MockHttpServletResponse unseen = api.perform(post(path).with(httpBasic("finance", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"signOff\": \"PREPARED\", \"reason\": \"x\", \"statementSha256\": \"" + "0".repeat(64) + "\"}"))
                .andReturn().getResponse();
        assertThat(json(unseen).get("detail").asString()).endsWith("changed after you were shown them (the day was reconciled"
                + " again): look at them again before signing");
        // when finance prepares it, and then reviews it too, then the review is refused (four eyes)
        MockHttpServletResponse prepared = signOff(path, "finance", "PREPARED");
        assertThat(prepared.getStatus()).as(prepared.getContentAsString()).isEqualTo(200);
        assertThat(json(signOff(path, "finance", "REVIEWED")).get("detail").asString()).endsWith("a different person reviews it (four eyes)");
        // and a second finance user reviews it
        assertThat(signOff(path, "finance2", "REVIEWED").getStatus()).isEqualTo(200);
        JsonNode listed = json(call("GET /api/v1/days/" + FRI_2 + "/safeguarding/sign-offs", Role.AUDITOR));
        JsonNode signed = listed.get("signOffs");
        assertThat(signed.valueStream().map(node -> node.get("signOff").asString() + " " + node.get("operator").asString()
                + " " + node.get("currency").asString() + " " + node.get("current").asBoolean()).toList())
                .containsExactly("PREPARED finance SEK true", "REVIEWED finance2 SEK true");
        assertThat(signed.get(0).get("statementSha256").asString()).hasSize(64).isEqualTo(signed.get(1).get("statementSha256").asString())
                .isEqualTo(listed.at("/currentStatementSha256/SEK").asString());
        // and signed twice is refused
        assertThat(signOff(path, "finance2", "PREPARED").getStatus()).isEqualTo(409);

        // when the day's figures change after both signed (as a reconciliation run again to other figures would), then the
        // sign-offs are marked, a review is refused, and preparing them again starts a new round
        jdbc.update("UPDATE safeguarding SET requirement_minor = requirement_minor + 1, difference_minor = difference_minor - 1"
                + " WHERE business_date = ?", java.sql.Date.valueOf(FRI_2));
        try {
            assertThat(json(call("GET /api/v1/days/" + FRI_2 + "/safeguarding/sign-offs", Role.AUDITOR)).get("signOffs")
                    .valueStream().map(node -> node.get("current").asBoolean()).toList()).containsExactly(false, false);
            assertThat(json(signOff(path, "finance", "REVIEWED")).get("detail").asString())
                    .endsWith("its figures changed since, so it is prepared again first");
            assertThat(signOff(path, "finance2", "PREPARED").getStatus()).isEqualTo(200);
            assertThat(signOff(path, "finance", "REVIEWED").getStatus()).isEqualTo(200);
            assertThat(json(call("GET /api/v1/days/" + FRI_2 + "/safeguarding/sign-offs", Role.AUDITOR)).get("signOffs")
                    .valueStream().map(node -> node.get("operator").asString() + " " + node.get("current").asBoolean()).toList())
                    .containsExactly("finance2 true", "finance true");
        } finally {
            jdbc.update("UPDATE safeguarding SET requirement_minor = requirement_minor - 1, difference_minor = difference_minor + 1"
                    + " WHERE business_date = ?", java.sql.Date.valueOf(FRI_2));
        }
        // and both are in the audit trail, for the open business day (whose audit.pdf lists them)
        String openDay = served.context.getBean(se.clientfunds.ledger.OpenBusinessDay.class).current().date().toString();
        assertThat(jdbc.queryForList("SELECT CONCAT_WS('|', operator, action, role, business_date) FROM operator_action WHERE action"
                + " LIKE 'SIGN_OFF_%' ORDER BY id", String.class)).containsExactly("finance|SIGN_OFF_PREPARED|FINANCE|" + openDay,
                "finance2|SIGN_OFF_REVIEWED|FINANCE|" + openDay, "finance2|SIGN_OFF_PREPARED|FINANCE|" + openDay,
                "finance|SIGN_OFF_REVIEWED|FINANCE|" + openDay);
    }

    private MockHttpServletResponse signOff(String path, String user, String kind) throws Exception {
        return api.perform(post(path).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"signOff\": \"" + kind + "\", \"reason\": \"figures agree with the bank\"}")).andReturn().getResponse();
    }

    private MockHttpServletResponse act(String path, String user, String reason) throws Exception {
        return api.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"" + reason + "\"}")).andReturn().getResponse();
    }

    @Test
    void aHeldPaymentIsReleasedOnlyByASecondComplianceAnalyst() throws Exception {
        // given an alert holding a payment (as screening leaves one)
        jdbc.update("INSERT INTO aml_alert (rule, severity, business_date, subject_kind, subject, evidence_key, amount_minor,"
                + " currency, explanation) VALUES ('SANCTIONS_MATCH', 'HIGH', ?, 'PAYER', 'Ivar Testovsky', 'SE01/HELD-1', 100000,"
                + " 'SEK', 'payer Ivar Testovsky: exact hit (test)')", MON_5);
        long alert = jdbc.queryForObject("SELECT id FROM aml_alert WHERE evidence_key = 'SE01/HELD-1'", Long.class);
        jdbc.update("INSERT INTO payment_hold (account_iban, bank_reference, currency, amount_minor, booking_date, held_on, reason,"
                + " alert_id, payer_name) VALUES ('SE01', 'HELD-1', 'SEK', 100000, ?, ?, 'SANCTIONS_HOLD: test', ?, 'Ivar Testovsky')",
                MON_5, MON_5, alert);
        String path = "/api/v1/alerts/" + alert;
        // when one analyst proposes, tries to approve her own proposal, and a second analyst releases it
        JsonNode proposed = json(act(path + "/release-hold", "compliance", "the birth date does not match the listing"));
        MockHttpServletResponse own = act(path + "/release-hold", "compliance", "still sure");
        MockHttpServletResponse byAnOperator = act(path + "/release-hold", "operator", "x");
        JsonNode released = json(act(path + "/release-hold", "compliance2", "checked the passport copy"));
        // then
        assertThat(proposed.get("released").asBoolean()).isFalse();
        assertThat(proposed.get("proposedBy").asString()).isEqualTo("compliance");
        assertThat(own.getStatus()).isEqualTo(400);
        assertThat(json(own).get("detail").asString()).isEqualTo("alert " + alert + ": compliance proposed this release; a second"
                + " person releases it (four eyes)");
        assertThat(byAnOperator.getStatus()).isEqualTo(403);
        assertThat(released.get("released").asBoolean()).isTrue();
        assertThat(released.get("alert").get("held").asBoolean()).isFalse();
        assertThat(released.get("payments").get(0).asString()).isEqualTo("SE01/HELD-1");
        assertThat(jdbc.queryForObject("SELECT CONCAT(released_by, '|', approved_by, '|', release_reason) FROM payment_hold"
                + " WHERE bank_reference = 'HELD-1'", String.class)).isEqualTo("compliance|compliance2|checked the passport copy");
        assertThat(jdbc.queryForList("SELECT CONCAT(operator, '|', action, '|', channel, '|', role) FROM operator_action"
                + " WHERE subject = ? ORDER BY id", String.class, "alert " + alert)).containsExactly(
                        "compliance|HOLD_RELEASE_PROPOSED|api|COMPLIANCE", "compliance2|HOLD_RELEASED|api|COMPLIANCE");
        JsonNode detail = json(call("GET " + path, Role.AUDITOR));
        assertThat(detail.get("history").size()).isEqualTo(2);
        assertThat(call("GET " + path, Role.OPERATOR).getStatus()).isEqualTo(403);
    }

    @Test
    void everyConsolePageAndActionAnswersEachRoleAsThePermissionTableSays() throws Exception {
        // given every console page (READ) and action with its permission, each action on something that does not exist or
        // without what it needs (a role let in is answered by the service, which refuses it on the page: a redirect)
        Map<String, Permission> endpoints = new LinkedHashMap<>();
        for (String page : List.of("/console", "/console/executions", "/console/executions/" + completed, "/console/days/" + FRI_2,
                "/console/unallocated", "/console/approvals", "/console/schedules", "/console/audit")) {
            endpoints.put("GET " + page, Permission.READ);
        }
        endpoints.put("POST /console/executions/" + completed + "/restart", Permission.OPERATE_JOBS);
        endpoints.put("POST /console/schedules/no-such-schedule/pause", Permission.OPERATE_SCHEDULES);
        endpoints.put("POST /console/breaks/999999/explain?date=" + FRI_2, Permission.RESOLVE_BREAKS);
        endpoints.put("POST /console/unallocated/allocate?payment=NO-SUCH-REFERENCE&invoice=NO-SUCH-INVOICE", Permission.ALLOCATE);
        endpoints.put("POST /console/approvals/999999/approve", Permission.RESOLVE_BREAKS);
        endpoints.put("POST /console/days/" + FRI_2 + "/sign-off?currency=SEK&signOff=PREPARED&seen=" + "0".repeat(64),
                Permission.SIGN_OFF_SAFEGUARDING);
        endpoints.put("GET /console/alerts", Permission.READ_ALERTS);
        endpoints.put("POST /console/alerts/999999/comment", Permission.WORK_ALERTS);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Permission> endpoint : endpoints.entrySet()) {
            String[] methodAndPath = endpoint.getKey().split(" ", 2);
            // when asked without a login, then the login page
            MockHttpServletResponse anonymous = api.perform(methodAndPath[0].equals("GET") ? get(methodAndPath[1])
                    : post(methodAndPath[1]).param("reason", "console matrix")
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andReturn().getResponse();
            if (anonymous.getStatus() != 302 || !anonymous.getRedirectedUrl().endsWith("/login")) {
                wrong.add(endpoint.getKey() + " without a login: " + anonymous.getStatus());
            }
            // and by each role: the page (200) or the action's outcome said on a page (302) if it may, 403 if not
            for (Role role : Role.values()) {
                org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) api.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                                .user(role.name().toLowerCase()).password(PASSWORD)).andReturn().getRequest().getSession();
                MockHttpServletResponse response = api.perform(methodAndPath[0].equals("GET")
                        ? get(methodAndPath[1]).session(session)
                        : post(methodAndPath[1]).session(session).param("reason", "console matrix")
                                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                        .andReturn().getResponse();
                int expected = !endpoint.getValue().roles().contains(role) ? 403 : methodAndPath[0].equals("GET") ? 200 : 302;
                if (response.getStatus() != expected) {
                    wrong.add(endpoint.getKey() + " as " + role + ": " + response.getStatus() + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
        // and nothing was done by any of them
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_action WHERE reason = 'console matrix'", Long.class)).isZero();
    }

    @Test
    void theExecutionsPageAsksForItselfAgainWhileAnExecutionRuns() throws Exception {
        org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) api.perform(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user("auditor").password(PASSWORD)).andReturn().getRequest().getSession();
        // when nothing runs, then the table is left alone
        assertThat(api.perform(get("/console/executions").session(session)).andReturn().getResponse().getContentAsString())
                .doesNotContain("hx-get");
        // when one is marked running, then the table asks for the same page, with its filters, every two seconds
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED' WHERE JOB_EXECUTION_ID = ?", completed);
        try {
            MockHttpServletResponse page = api.perform(get("/console/executions?status=STARTED&job=").session(session)).andReturn()
                    .getResponse();
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString()).contains("hx-get=\"/console/executions?status=STARTED&amp;page=0\"",
                    "hx-trigger=\"every 2s\"", "hx-select=\"#executions\"");
            // and the running one has its progress bar
            assertThat(page.getContentAsString()).contains("id=\"progress-" + completed + "\"");
        } finally {
            jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'COMPLETED' WHERE JOB_EXECUTION_ID = ?", completed);
        }
    }

    @Test
    void theAuditTrailSaysWhoDidWhatAndWhichFilesCame() throws Exception {
        // given a pause and a resume by the operator, with their reasons
        for (String action : List.of("pause", "resume")) {
            assertThat(api.perform(post("/api/v1/schedules/daily-cycle/" + action).with(httpBasic("operator", PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"audit trail " + action + "\"}"))
                    .andReturn().getResponse().getStatus()).isEqualTo(200);
        }

        // when the auditor asks for today's trail, then the actions are there with who and why, and the runs and files
        JsonNode today = json(call("GET /api/v1/audit", Role.AUDITOR));
        List<String> actions = new ArrayList<>();
        today.get("actions").forEach(action -> actions.add(action.get("operator").asString() + "|" + action.get("action").asString()
                + "|" + action.get("reason").asString() + "|" + action.get("channel").asString() + "|" + action.get("role").asString()
                + "|" + action.get("outcome").asString()));
        assertThat(actions).containsSubsequence("operator|PAUSE_SCHEDULE|audit trail pause|api|OPERATOR|PAUSED",
                "operator|RESUME_SCHEDULE|audit trail resume|api|OPERATOR|RESUMED");
        assertThat(today.get("executions").size()).isGreaterThanOrEqualTo(14);
        assertThat(today.get("files").valueStream().map(file -> file.get("name").asString()).toList())
                .contains("clients.csv", "camt053-20260102.xml", "camt054-20260105.xml");
        // and asked for one person, only theirs
        JsonNode operators = json(call("GET /api/v1/audit?operator=operator", Role.AUDITOR));
        assertThat(operators.get("actions").valueStream().map(action -> action.get("operator").asString()).distinct().toList())
                .containsExactly("operator");
        assertThat(operators.get("files").size()).isZero();
        // and a span backwards is refused naming why
        MockHttpServletResponse backwards = call("GET /api/v1/audit?from=2026-02-01&to=2026-01-01", Role.AUDITOR);
        assertThat(backwards.getStatus()).isEqualTo(400);
        assertThat(json(backwards).get("detail").asString()).isEqualTo("from 2026-02-01 is after to 2026-01-01");
    }

    @Test
    void theReportsAreDownloadedAsWrittenWithTheirHashAndTheChainIsVerified() throws Exception {
        // given the list of Friday's reports
        JsonNode reports = json(call("GET /api/v1/days/" + FRI_2 + "/reports", Role.FINANCE));
        assertThat(reports.get("version").asInt()).isEqualTo(1);
        Map<String, String> listed = new LinkedHashMap<>();
        reports.get("files").forEach(file -> listed.put(file.get("name").asString(), file.get("sha256").asString()));
        assertThat(listed).containsKeys("positions.xlsx", "reconciliation.pdf", "safeguarding.pdf", "audit.pdf", "manifest.json");

        // when one is downloaded, then its bytes are the file's, and the header's hash is theirs and the manifest's
        MockHttpServletResponse positions = call("GET /api/v1/days/" + FRI_2 + "/reports/positions.xlsx", Role.FINANCE);
        assertThat(positions.getStatus()).isEqualTo(200);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(positions.getContentAsByteArray()));
        assertThat(positions.getHeader("X-SHA-256")).isEqualTo(sha256).isEqualTo(listed.get("positions.xlsx"));
        assertThat(positions.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"positions.xlsx\"");

        // and aml-alerts.xlsx, which names whom compliance suspects, only to those who may read the alerts
        String amlAlerts = "GET /api/v1/days/" + FRI_2 + "/reports/aml-alerts.xlsx";
        assertThat(listed).containsKey("aml-alerts.xlsx");
        assertThat(call(amlAlerts, Role.FINANCE).getStatus()).isEqualTo(403);
        assertThat(call(amlAlerts, Role.OPERATOR).getStatus()).isEqualTo(403);
        MockHttpServletResponse forCompliance = call(amlAlerts, Role.COMPLIANCE);
        assertThat(forCompliance.getStatus()).isEqualTo(200);
        assertThat(forCompliance.getHeader("X-SHA-256")).isEqualTo(listed.get("aml-alerts.xlsx"));
        assertThat(call(amlAlerts, Role.AUDITOR).getStatus()).isEqualTo(200);

        // and what the manifest does not list is not served, whatever its name
        MockHttpServletResponse other = call("GET /api/v1/days/" + FRI_2 + "/reports/settlement.yml", Role.FINANCE);
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(call("GET /api/v1/days/" + MON_5 + "/reports?version=7", Role.FINANCE).getStatus()).isEqualTo(404);

        // and the chain up to Friday is intact
        JsonNode verified = json(call("GET /api/v1/days/" + FRI_2 + "/verify", Role.AUDITOR));
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("problems").size()).isZero();
    }

    @Test
    void errorsNameTheFieldAndWhatIsMissingIsNotFound() throws Exception {
        MockHttpServletResponse badDate = call("GET /api/v1/days/2026-13-01", Role.AUDITOR);
        assertThat(badDate.getStatus()).isEqualTo(400);
        assertThat(json(badDate).get("field").asString()).isEqualTo("date");
        assertThat(json(badDate).get("detail").asString()).isEqualTo("date: '2026-13-01' is not a date, yyyy-MM-dd");

        MockHttpServletResponse holiday = call("GET /api/v1/days/2026-01-06", Role.AUDITOR);
        assertThat(holiday.getStatus()).isEqualTo(400);
        assertThat(json(holiday).get("detail").asString()).startsWith("2026-01-06 (Tuesday) is not a");

        MockHttpServletResponse missing = call("GET /api/v1/executions/999999", Role.AUDITOR);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(json(missing).get("detail").asString()).isEqualTo("no job execution 999999; 'settle jobs' lists them");
    }

    @Test
    void theApiAndTheConsoleDoNotTakeEachOthersLogins() throws Exception {
        // a console session is not a login to the API
        org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) api.perform(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user("auditor").password(PASSWORD)).andReturn().getRequest().getSession();
        assertThat(api.perform(get("/console").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(api.perform(get("/api/v1/days").session(session)).andReturn().getResponse().getStatus()).isEqualTo(401);
        // and HTTP Basic is not a login to the console
        MockHttpServletResponse basic = api.perform(get("/console").with(httpBasic("auditor", PASSWORD))).andReturn().getResponse();
        assertThat(basic.getStatus()).isEqualTo(302);
        assertThat(basic.getRedirectedUrl()).endsWith("/login");
        // and a console action asks for its permission as the API does, with CSRF
        for (Role role : Role.values()) {
            org.springframework.mock.web.MockHttpSession console = (org.springframework.mock.web.MockHttpSession) api.perform(
                    org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                            .user(role.name().toLowerCase()).password(PASSWORD)).andReturn().getRequest().getSession();
            int status = api.perform(post("/console/executions/" + completed + "/restart").session(console).param("reason", "x")
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(role.name()).isEqualTo(Permission.OPERATE_JOBS.roles().contains(role) ? 302 : 403);
        }
    }

    @Test
    void theDescriptionAndHealthAreOpenAndAGuesserIsTurnedAway() throws Exception {
        MockHttpServletResponse description = api.perform(get("/api/v1/openapi.json")).andReturn().getResponse();
        assertThat(description.getStatus()).isEqualTo(200);
        JsonNode openApi = json(description);
        assertThat(openApi.get("paths").propertyNames()).contains("/api/v1/executions/{id}/restart", "/api/v1/days/{date}",
                "/api/v1/schedules/{name}/pause");
        // (the scheduler is not started in this test, so health says DOWN: what matters is that it answers without a login)
        MockHttpServletResponse health = api.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(health.getStatus()).isIn(200, 503);
        assertThat(json(health).at("/components/db/status").asString()).isEqualTo("UP");

        // when someone guesses a password five times from their address (the name in any case), then the right one is
        // turned away too, from that address, for a while
        org.springframework.test.web.servlet.request.RequestPostProcessor guesser = request -> {
            request.setRemoteAddr("192.0.2.7");
            return request;
        };
        for (String name : List.of("guessed", "Guessed", "GUESSED", "gUessed", "guesseD")) {
            assertThat(api.perform(get("/api/v1/days").with(guesser).with(httpBasic(name, "guess"))).andReturn()
                    .getResponse().getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse locked = api.perform(get("/api/v1/days").with(guesser).with(httpBasic("guessed", PASSWORD)))
                .andReturn().getResponse();
        assertThat(locked.getStatus()).isEqualTo(401);
        assertThat(json(locked).get("detail").asString()).startsWith("too many failed logins");
        // and its owner, from another address, still gets in, as does anyone else from the guesser's address
        assertThat(api.perform(get("/api/v1/days").with(httpBasic("guessed", PASSWORD))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(api.perform(get("/api/v1/days").with(guesser).with(httpBasic("auditor", PASSWORD))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    /** A GET through the server's real port on loopback, with HTTP Basic; the body when the answer is 200. */
    private String overHttp(String path, String user) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + served.port() + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private MockHttpServletResponse call(String endpoint, Role role) throws Exception {
        String[] methodAndPath = endpoint.split(" ", 2);
        MockHttpServletRequestBuilder request = methodAndPath[0].equals("GET") ? get(methodAndPath[1])
                : post(methodAndPath[1]).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"security matrix\"}");
        if (role != null) {
            request = request.with(httpBasic(role.name().toLowerCase(), PASSWORD));
        }
        return api.perform(request).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString());
    }

}
