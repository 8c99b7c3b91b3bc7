package se.clientfunds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.files.Sha256;

/** The manifest chain on files alone, with what "the database" recorded kept in a list by the test. */
class ReportChainTest {

    private static final LocalDate MON = LocalDate.of(2026, 1, 5);
    private static final LocalDate TUE = LocalDate.of(2026, 1, 6);
    private static final LocalDate WED = LocalDate.of(2026, 1, 7);

    @TempDir
    Path reports;

    private final List<ReportChain.Recorded> recorded = new ArrayList<>();
    private Optional<ReportChain.Link> head = Optional.empty();

    @Test
    void manifestsChainAndRepeatToTheByte() throws Exception {
        // given
        ReportChain chain = threeDays();
        String tuesday = Files.readString(chain.folder(TUE).resolve(ReportChain.MANIFEST));
        ReportChain.Link monday = new ReportChain.Link(MON, 1, Sha256.of(chain.folder(MON).resolve(ReportChain.MANIFEST)));

        // when Tuesday's manifest is written again over the same files, with the link it was written with
        chain.writeManifest(TUE, 1, Optional.of(monday), Optional.empty());

        // then
        assertThat(Files.readString(chain.folder(TUE).resolve(ReportChain.MANIFEST))).isEqualTo(tuesday);
        assertThat(tuesday).contains("\"previousBusinessDate\" : \"2026-01-05\"", "\"previousVersion\" : 1",
                "\"previousManifest\" : \"2026-01-05/manifest.json\"", "\"previousManifestSha256\" : \"" + monday.sha256() + "\"");
        assertThat(Files.readString(chain.folder(MON).resolve(ReportChain.MANIFEST))).contains("\"previousManifestSha256\" : null");
        assertThat(chain.verify(WED, recorded)).isEmpty();
        try (var files = Files.list(chain.folder(TUE))) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted()).containsExactly("a.pdf", "b.xlsx",
                    ReportChain.MANIFEST);
        }
    }

    @Test
    void verifyNamesEveryChangedMissingAndAddedFile() throws Exception {
        // given
        ReportChain chain = threeDays();

        // when
        Files.writeString(chain.folder(MON).resolve("a.pdf"), "changed");
        Files.delete(chain.folder(TUE).resolve("b.xlsx"));
        Files.writeString(chain.folder(WED).resolve("extra.csv"), "slipped in");
        Files.writeString(chain.folder(WED).resolve(".hidden.partial"), "ignored");

        // then
        assertThat(chain.verify(WED, recorded)).containsExactly(
                "2026-01-05/a.pdf changed: SHA-256 recorded " + Sha256.ofText("a of 2026-01-05") + ", now " + Sha256.ofText("changed"),
                "2026-01-06/b.xlsx is missing",
                "2026-01-07/extra.csv was added: it is not in the manifest");
        assertThat(chain.verify(MON, recorded)).hasSize(1);
    }

    @Test
    void aManifestRewrittenWithItsFilesIsFoundByTheNextLinkAndTheLastByWhatTheDatabaseRecorded() throws Exception {
        // given
        ReportChain chain = threeDays();

        // when Monday's files and manifest are both rewritten, consistently with each other
        Files.writeString(chain.folder(MON).resolve("a.pdf"), "forged");
        chain.writeManifest(MON, 1, Optional.empty(), Optional.empty());

        // then Tuesday's link names it, and so does the database's record
        String forged = Sha256.of(chain.folder(MON).resolve(ReportChain.MANIFEST));
        assertThat(chain.verify(WED, recorded)).anySatisfy(problem -> assertThat(problem)
                .startsWith("2026-01-05/manifest.json changed: 2026-01-06/manifest.json recorded SHA-256"));
        assertThat(chain.verify(MON, recorded)).singleElement().asString()
                .isEqualTo("2026-01-05/manifest.json changed: the database recorded SHA-256 " + recorded.get(0).sha256()
                        + " when it was written, it is now " + forged);

        // when the last day is rewritten the same way: no later manifest links to it, the database's record finds it
        Files.writeString(chain.folder(WED).resolve("b.xlsx"), "forged");
        chain.writeManifest(WED, 1, Optional.of(recordedLink(1)), Optional.empty());
        assertThat(chain.verify(WED, recorded)).anySatisfy(problem -> assertThat(problem)
                .startsWith("2026-01-07/manifest.json changed: the database recorded SHA-256 " + recorded.get(2).sha256()));
        assertThat(chain.verify(LocalDate.of(2026, 1, 8), recorded))
                .contains("2026-01-08/manifest.json is missing: no reports were written for 2026-01-08");
    }

    @Test
    void aLaterVersionSitsBesideTheFirstNamesWhatItSupersedesAndTheChainStillVerifies() throws Exception {
        // given three days, then Monday written again as version 2 (a late statement reconciled)
        ReportChain chain = threeDays();
        chain.write(MON, 2, "a.pdf", file -> Files.writeString(file, "a of 2026-01-05, reconciled again"));
        chain.write(MON, 2, "b.xlsx", file -> Files.writeString(file, "b of 2026-01-05"));
        Map<String, String> first = chain.hashes(MON, 1);

        // when
        record(chain, MON, 2, Optional.of(new ReportChain.Supersedes(1, recorded.get(0).sha256(), "late statement reconciled",
                first)));

        // then version 1 is untouched, version 2 is in v2/, its manifest says what it supersedes, and all verifies
        assertThat(Files.readString(chain.folder(MON).resolve("a.pdf"))).isEqualTo("a of 2026-01-05");
        String manifest = Files.readString(chain.folder(MON, 2).resolve(ReportChain.MANIFEST));
        assertThat(chain.folder(MON, 2)).isEqualTo(reports.resolve("2026-01-05").resolve("v2"));
        assertThat(manifest).contains("\"version\" : 2", "\"previousManifest\" : \"2026-01-07/manifest.json\"",
                "\"manifest\" : \"2026-01-05/manifest.json\"", "\"reason\" : \"late statement reconciled\"",
                "\"was\" : \"" + first.get("a.pdf") + "\"", "\"now\" : \"" + Sha256.ofText("a of 2026-01-05, reconciled again") + "\"");
        assertThat(chain.verify(MON, recorded)).isEmpty();
        assertThat(chain.verify(WED, recorded)).isEmpty();

        // when someone changes version 1 now, it is still found
        Files.writeString(chain.folder(MON).resolve("b.xlsx"), "changed later");
        assertThat(chain.verify(WED, recorded)).containsExactly("2026-01-05/b.xlsx changed: SHA-256 recorded "
                + first.get("b.xlsx") + ", now " + Sha256.ofText("changed later"));
    }

    @Test
    void aManifestNobodyWroteAndAForkAreFound() throws Exception {
        // given
        ReportChain chain = threeDays();

        // when a fourth day's folder is made up, chained to Wednesday, without the database knowing
        LocalDate thursday = LocalDate.of(2026, 1, 8);
        chain.write(thursday, "a.pdf", file -> Files.writeString(file, "made up"));
        chain.writeManifest(thursday, 1, Optional.of(recordedLink(2)), Optional.empty());
        // and a second manifest chained to Monday as well
        chain.write(MON, 2, "a.pdf", file -> Files.writeString(file, "fork"));
        chain.writeManifest(MON, 2, Optional.of(recordedLink(0)), Optional.empty());

        // then
        assertThat(chain.verify(thursday, recorded)).contains(
                "2026-01-08/manifest.json was added: the database has no record of it being written",
                "2026-01-05/v2/manifest.json was added: the database has no record of it being written")
                .anySatisfy(problem -> assertThat(problem).contains("2026-01-05/manifest.json is followed twice"));
    }

    private ReportChain threeDays() {
        ReportChain chain = new ReportChain(reports);
        for (LocalDate day : new LocalDate[] {MON, TUE, WED}) {
            chain.write(day, "b.xlsx", file -> Files.writeString(file, "b of " + day));
            chain.write(day, "a.pdf", file -> Files.writeString(file, "a of " + day));
            record(chain, day, 1, Optional.empty());
        }
        return chain;
    }

    /** Writes a manifest chained to the last one written, and keeps its SHA-256 as the database would. */
    private void record(ReportChain chain, LocalDate day, int version, Optional<ReportChain.Supersedes> supersedes) {
        String sha256 = chain.writeManifest(day, version, head, supersedes);
        recorded.add(new ReportChain.Recorded(day, version, sha256, null));
        head = Optional.of(new ReportChain.Link(day, version, sha256));
    }

    private ReportChain.Link recordedLink(int index) {
        ReportChain.Recorded record = recorded.get(index);
        return new ReportChain.Link(record.businessDate(), record.version(), record.sha256());
    }
}
