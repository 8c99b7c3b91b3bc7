package se.clientfunds.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateKeyDetectorTest {

    @TempDir
    Path dir;

    @Test
    void reportsEveryRepeatWithTheLineOfTheFirstOccurrence() {
        // given
        DuplicateKeyDetector detector = new DuplicateKeyDetector("invoice_id");
        detector.add("INV-1", 2);
        detector.add("INV-2", 3);
        detector.add("INV-1", 4);
        detector.add("INV-3", 5);
        detector.add("INV-1", 9);
        detector.add("INV-3", 10);

        // when
        assertThat(detector.linesToConfirm()).containsExactly(2L, 5L);
        detector.confirm(2, "INV-1");
        detector.confirm(5, "INV-3");

        // then
        assertThat(detector.needsConfirmation()).isFalse();
        assertThat(detector.duplicates()).containsExactly(
                new RowProblem(4, "invoice_id", "INV-1", "duplicate of line 2"),
                new RowProblem(9, "invoice_id", "INV-1", "duplicate of line 2"),
                new RowProblem(10, "invoice_id", "INV-3", "duplicate of line 5"));
    }

    @Test
    void doesNotReportDifferentIdsWhoseFingerprintsCollide() {
        // given every id has the same fingerprint, so every row after the first is only a suspect
        DuplicateKeyDetector detector = new DuplicateKeyDetector("client_id", 16, id -> 42L);
        detector.add("A", 2);
        detector.add("B", 3);
        detector.add("A", 4);
        detector.add("B", 5);
        detector.add("C", 6);

        // when
        assertThat(detector.needsConfirmation()).isTrue();
        assertThatThrownBy(detector::duplicates).isInstanceOf(IllegalStateException.class)
                .hasMessage("the ids on lines [2] must be confirmed first");
        detector.confirm(2, "A");

        // then
        assertThat(detector.duplicates()).containsExactly(
                new RowProblem(4, "client_id", "A", "duplicate of line 2"),
                new RowProblem(5, "client_id", "B", "duplicate of line 3"));
    }

    @Test
    void holdsManyDistinctIdsWithoutFalseSuspects() {
        // given
        DuplicateKeyDetector detector = new DuplicateKeyDetector("invoice_id");

        // when
        for (int i = 0; i < 300_000; i++) {
            detector.add("INV-" + i, i + 2L);
        }
        detector.add("INV-123456", 300_002);

        // then
        assertThat(detector.size()).isEqualTo(300_000);
        assertThat(detector.linesToConfirm()).containsExactly(123_458L);
        detector.confirm(123_458, "INV-123456");
        assertThat(detector.duplicates()).containsExactly(
                new RowProblem(300_002, "invoice_id", "INV-123456", "duplicate of line 123458"));
    }

    @Test
    void ignoresEmptyIds() {
        // given
        DuplicateKeyDetector detector = new DuplicateKeyDetector("refund_id");

        // when
        detector.add("", 2);
        detector.add("", 3);

        // then
        assertThat(detector.needsConfirmation()).isFalse();
        assertThat(detector.duplicates()).isEmpty();
    }

    @Test
    void findsDuplicatesInAFileByItsPhysicalLines() throws IOException {
        // given
        Path file = dir.resolve("refunds.csv");
        Files.writeString(file, ExtractKind.REFUNDS.headerLine() + "\n"
                + "R1,P1,1.00,SEK,IBAN,\"two\nlines\",eva\n"
                + "R2,P2,1.00,SEK,IBAN,Bo,eva\n"
                + "R1,P3,1.00,SEK,IBAN,Bo,eva\n");

        // when
        var duplicates = DuplicateKeyDetector.findDuplicates(file, ExtractKind.REFUNDS);

        // then
        assertThat(duplicates).containsExactly(new RowProblem(5, "refund_id", "R1", "duplicate of line 2"));
    }
}
