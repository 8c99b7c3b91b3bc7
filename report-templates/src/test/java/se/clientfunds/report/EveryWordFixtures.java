package se.clientfunds.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import se.clientfunds.report.audit.AuditFixtures;
import se.clientfunds.report.audit.AuditPdf;
import se.clientfunds.report.audit.AuditReport;
import se.clientfunds.report.audit.ImportedFile;
import se.clientfunds.report.audit.JobRun;
import se.clientfunds.report.audit.OperatorAction;
import se.clientfunds.report.monthly.ReturnFixtures;
import se.clientfunds.report.monthly.SafeguardingReturn;
import se.clientfunds.report.monthly.SafeguardingReturnPdf;
import se.clientfunds.report.monthly.SafeguardingReturnXlsx;
import se.clientfunds.report.pdf.ControlTotal;
import se.clientfunds.report.pdf.ControlTotalKind;
import se.clientfunds.report.pdf.Notice;
import se.clientfunds.report.pdf.ReconciliationPdf;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.pdf.ReportHeader;
import se.clientfunds.report.pdf.SafeguardingMethod;
import se.clientfunds.report.pdf.SafeguardingPdf;
import se.clientfunds.report.positions.AccountKind;
import se.clientfunds.report.positions.PositionLine;
import se.clientfunds.report.positions.PositionsFixture;
import se.clientfunds.report.positions.PositionsReport;
import se.clientfunds.report.positions.PositionsXlsxRenderer;
import se.clientfunds.report.reconciliation.ReconciliationXlsx;

/**
 * Every report rendered from records that carry every notice, every control total, every enum constant and every code
 * the bundles word (ledger events, reason codes, outcomes, job and file statuses, operator actions): what the tests
 * that look for a word left in English, or cut in two, read.
 */
public final class EveryWordFixtures {

    /** One rendered file: its name, whether it is a PDF, its bytes, and the records it was made from. */
    public record Rendered(String name, boolean pdf, byte[] bytes, Object records) {
    }

    private EveryWordFixtures() {
    }

    /**
     * positions.xlsx, reconciliation.pdf and .xlsx, safeguarding.pdf (once per method), audit.pdf, the return in both
     * forms, aml-alerts.xlsx.
     */
    public static List<Rendered> render(Locale locale) throws IOException {
        List<Rendered> all = new ArrayList<>();
        PositionsReport positions = positions();
        all.add(new Rendered("positions.xlsx", false, bytes(out -> new PositionsXlsxRenderer().render(positions, locale, out)),
                positions));
        var reconciliation = ReportFixtures.reconciliation(header(laterVersion(2, Notice.VersionReason.LATE_STATEMENT, 2)), 40);
        all.add(new Rendered("reconciliation.pdf", true, bytes(out -> new ReconciliationPdf(locale).write(reconciliation, out)),
                reconciliation));
        all.add(new Rendered("reconciliation.xlsx", false, bytes(out -> new ReconciliationXlsx(locale).write(reconciliation, out)),
                reconciliation));
        for (SafeguardingMethod method : SafeguardingMethod.values()) {
            var safeguarding = ReportFixtures.safeguarding(header(laterVersion(2, Notice.VersionReason.SAFEGUARDING_ACTION, 1)),
                    method);
            all.add(new Rendered("safeguarding.pdf (" + method + ")", true,
                    bytes(out -> new SafeguardingPdf(locale).write(safeguarding, out)), safeguarding));
        }
        AuditReport audit = audit();
        all.add(new Rendered("audit.pdf", true, bytes(out -> new AuditPdf(locale).write(audit, out)), audit));
        SafeguardingReturn january = ReturnFixtures.january();
        SafeguardingReturn monthly = ReturnFixtures.january(new ReportHeader(january.header().businessDate(), 4800,
                january.header().inputFiles(), everyControlTotal(), 2, List.of(new Notice.ClosedWithoutStatement(
                        List.of(ReportFixtures.FAILING_IBAN)), laterVersion(2, Notice.VersionReason.REWRITTEN, 1))), january.days());
        all.add(new Rendered("safeguarding-return.pdf", true, bytes(out -> new SafeguardingReturnPdf(locale).write(monthly, out)),
                monthly));
        all.add(new Rendered("safeguarding-return.xlsx", false,
                bytes(out -> new SafeguardingReturnXlsx(locale).write(monthly, out)), monthly));
        var aml = se.clientfunds.report.aml.AmlAlertsFixtures.report(header(laterVersion(2, Notice.VersionReason.LATE_STATEMENT, 2)));
        all.add(new Rendered("aml-alerts.xlsx", false, bytes(out -> new se.clientfunds.report.aml.AmlAlertsXlsx(locale).write(aml, out)),
                aml));
        return all;
    }

    /** A header with every notice, the later version given, and a control total of every kind. */
    static ReportHeader header(Notice.LaterVersion later) {
        return new ReportHeader(ReportFixtures.DAY, 4799, ReportFixtures.header().inputFiles(), everyControlTotal(),
                later.version(), List.of(new Notice.ClosedWithoutStatement(List.of(ReportFixtures.FAILING_IBAN)),
                new Notice.ShortfallWithoutAction(ReportFixtures.DAY.minusDays(1), Amount.of(500_00, "SEK")), later));
    }

    static Notice.LaterVersion laterVersion(int version, Notice.VersionReason reason, int run) {
        return new Notice.LaterVersion(version, reason, run);
    }

    /** One control total of every kind, those about money in SEK with a sum, the others a count. */
    static List<ControlTotal> everyControlTotal() {
        List<ControlTotal> totals = new ArrayList<>();
        for (ControlTotalKind kind : ControlTotalKind.values()) {
            totals.add(switch (kind) {
                case OPEN_BREAKS, ACCOUNTS_OWED, CLIENT_FUNDS_ACCOUNTS, BREAKS_OPENED, DEBITS ->
                        ControlTotal.sum(kind, 3, Amount.of(1_234_56, "SEK"));
                case SAFEGUARDING_DAYS -> new ControlTotal(kind, "SEK", 20, null);
                default -> ControlTotal.count(kind, 7);
            });
        }
        return totals;
    }

    /**
     * The positions fixture as version 3 (so "versions 1 to 2"), the accounts that are named as their kind given a
     * suffix: an account named {@code UNALLOCATED} cannot be told from the kind left in English.
     */
    static PositionsReport positions() {
        PositionsReport fixture = PositionsFixture.report(PositionsFixture.movements(), 3, List.of(
                new Notice.ClosedWithoutStatement(List.of(ReportFixtures.FAILING_IBAN)),
                new Notice.ShortfallWithoutAction(ReportFixtures.DAY.minusDays(1), Amount.of(500_00, "SEK")),
                laterVersion(3, Notice.VersionReason.REWRITTEN, 1)));
        Function<String, String> account = name -> AccountKind.valueOf(name.contains(":") ? name.substring(0, name.indexOf(':'))
                : name).name().equals(name) ? name + ":1" : name;
        List<PositionLine> positions = fixture.positions().stream().map(line -> new PositionLine(account.apply(line.account()),
                line.name(), line.kind(), line.currency(), line.opening(), line.debit(), line.credit(), line.closing())).toList();
        List<se.clientfunds.report.positions.MovementLine> movements = PositionsFixture.movements().stream()
                .map(line -> new se.clientfunds.report.positions.MovementLine(line.bookingDate(), line.eventType(),
                        line.reference(), line.account().startsWith("BANK:") ? line.account() : account.apply(line.account()),
                        line.side(), line.amount())).toList();
        return new PositionsReport(fixture.businessDate(), fixture.jobExecutionId(), fixture.inputFiles(), positions, movements,
                fixture.unallocated(), fixture.totals(), fixture.version(), fixture.notices(), fixture.debtorCredit());
    }

    /** The audit fixture with a run in every status, an operator action of every kind and a file in every status. */
    static AuditReport audit() {
        AuditReport fixture = AuditFixtures.report(header(laterVersion(3, Notice.VersionReason.LATE_STATEMENT, 3)));
        OffsetDateTime noon = ReportFixtures.at(12, 0, 0);
        List<JobRun> runs = new ArrayList<>(fixture.jobRuns());
        long id = 4800;
        for (String[] status : List.of(new String[] {"STARTING", "EXECUTING"}, new String[] {"STOPPING", "EXECUTING"},
                new String[] {"STOPPED", "STOPPED"}, new String[] {"ABANDONED", "NOOP"}, new String[] {"COMPLETED", "NOOP"})) {
            runs.add(new JobRun("reconcileJob", id, "businessDate=2025-03-14", noon.plusMinutes(id - 4800), null, status[0],
                    status[1], 2, 2, 0, 1, 1, "settle", "", status[0].equals("COMPLETED") ? "" : "operator stop"));
            id++;
        }
        List<OperatorAction> actions = new ArrayList<>();
        for (String code : List.of("ALLOCATE", "EXPLAIN_BREAK", "RESOLVE_BREAK", "RESTART", "STOP", "ABANDON", "RECOVER",
                "SAFEGUARDING_ACTION", "ALERT_ASSIGN", "ALERT_COMMENT", "ALERT_CLOSE", "ALERT_ESCALATE", "ALERT_FILE")) {
            actions.add(new OperatorAction(noon.plusMinutes(actions.size()), LocalDate.of(2025, 3, 14), "karin.operator", code,
                    "job execution 4705", "enligt rutin"));
        }
        List<ImportedFile> files = new ArrayList<>();
        for (String status : List.of("IMPORTING", "IMPORTED", "REJECTED", "DUPLICATE")) {
            files.add(new ImportedFile("camt053_" + status.toLowerCase(Locale.ROOT) + ".xml", "CAMT053", ReportFixtures.CAMT_HASH,
                    1_024, status, 10));
        }
        return new AuditReport(fixture.header(), runs, actions, files, fixture.outputFiles(), List.of(new se.clientfunds.report.audit.Filing(
                "filings/2025-03-14/goaml-STR-101.xml", 101, "ab".repeat(32))), fixture.previousManifest());
    }

    /** Every text the records carry, walked through their components: the data the reports print as it is. */
    public static List<String> texts(Object records) {
        List<String> texts = new ArrayList<>();
        collect(records, texts);
        return texts;
    }

    private static void collect(Object value, List<String> texts) {
        if (value == null || value instanceof Enum<?> || value instanceof Number || value instanceof Boolean
                || value instanceof java.time.temporal.Temporal || value instanceof java.time.YearMonth) {
            return;
        }
        if (value instanceof String text) {
            texts.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                collect(key, texts);
                collect(item, texts);
            });
        } else if (value instanceof Iterable<?> items) {
            items.forEach(item -> collect(item, texts));
        } else if (value instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    collect(component.getAccessor().invoke(record), texts);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Renderer {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] bytes(Renderer renderer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.write(out);
        return out.toByteArray();
    }
}
