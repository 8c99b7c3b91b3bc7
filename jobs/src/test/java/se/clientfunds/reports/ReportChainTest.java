package se.clientfunds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.files.Sha256;

class ReportChainTest {

    private static final LocalDate MON = LocalDate.of(2026, 1, 5);
    private static final LocalDate TUE = LocalDate.of(2026, 1, 6);
    private static final LocalDate WED = LocalDate.of(2026, 1, 7);

    @TempDir
    Path reports;

    @Test
    void manifestsChainAndRepeatToTheByte() throws Exception {
        // given
        ReportChain chain = threeDays();
        String tuesday = Files.readString(chain.folder(TUE).resolve(ReportChain.MANIFEST));

        // when Tuesday's manifest is written again over the same files
        chain.writeManifest(TUE);

        // then
        assertThat(Files.readString(chain.folder(TUE).resolve(ReportChain.MANIFEST))).isEqualTo(tuesday);
        assertThat(tuesday).contains("\"previousBusinessDate\" : \"2026-01-05\"",
                "\"previousManifestSha256\" : \"" + Sha256.of(chain.folder(MON).resolve(ReportChain.MANIFEST)) + "\"");
        assertThat(Files.readString(chain.folder(MON).resolve(ReportChain.MANIFEST))).contains("\"previousManifestSha256\" : null");
        assertThat(chain.verify(WED)).isEmpty();
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
        assertThat(chain.verify(WED)).containsExactly(
                "2026-01-05/a.pdf changed: SHA-256 recorded " + Sha256.ofText("a of 2026-01-05") + ", now " + Sha256.ofText("changed"),
                "2026-01-06/b.xlsx is missing",
                "2026-01-07/extra.csv was added: it is not in the manifest");
        assertThat(chain.verify(MON)).hasSize(1);
    }

    @Test
    void verifyNamesAManifestThatNoLongerMatchesTheNextDaysLink() throws Exception {
        // given
        ReportChain chain = threeDays();

        // when Monday's files and manifest are both rewritten, consistently with each other
        Files.writeString(chain.folder(MON).resolve("a.pdf"), "forged");
        chain.writeManifest(MON);

        // then Monday alone looks intact, but Tuesday's link names it
        assertThat(chain.verify(MON)).isEmpty();
        assertThat(chain.verify(WED)).singleElement().asString().startsWith("2026-01-05/manifest.json changed");
        assertThat(chain.verify(LocalDate.of(2026, 1, 8))).hasSize(2)
                .first().isEqualTo("2026-01-08/manifest.json is missing: no reports were written for 2026-01-08");
    }

    private ReportChain threeDays() {
        ReportChain chain = new ReportChain(reports);
        for (LocalDate day : new LocalDate[] {MON, TUE, WED}) {
            chain.write(day, "b.xlsx", file -> Files.writeString(file, "b of " + day));
            chain.write(day, "a.pdf", file -> Files.writeString(file, "a of " + day));
            chain.writeManifest(day);
        }
        return chain;
    }
}
