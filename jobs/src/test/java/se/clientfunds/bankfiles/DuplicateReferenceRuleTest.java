package se.clientfunds.bankfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.bank.BankFileVerdict;

class DuplicateReferenceRuleTest {

    private final DuplicateReferenceRule rule = new DuplicateReferenceRule();

    @Test
    void referencesAndBatchesSeenOnceAreNoProblem() {
        assertThat(rule.problems(List.of(), List.of())).isEmpty();
    }

    @Test
    void aReferenceOrABatchTwiceInTheFileIsAProblemAtItsFirstPlaceReferencesFirst() {
        // given
        List<DuplicateReferenceRule.RepeatedReference> references = List.of(
                new DuplicateReferenceRule.RepeatedReference("Ntfctn[1]/Ntry[2]", "BK-2", 3));
        List<DuplicateReferenceRule.RepeatedBatch> batches = List.of(
                new DuplicateReferenceRule.RepeatedBatch("Ntfctn[1]/Ntry[1]", "DEP-E"));
        // when
        List<BankFileVerdict.Problem> problems = rule.problems(references, batches);
        // then
        assertThat(problems).containsExactly(
                new BankFileVerdict.Problem("Ntfctn[1]/Ntry[2]", "bank reference 'BK-2' appears 3 times in this file"),
                new BankFileVerdict.Problem("Ntfctn[1]/Ntry[1]", "the batch 'DEP-E' appears more than once in this file"));
    }

    @Test
    void noDuplicatesNoNote() {
        assertThat(rule.note(List.of())).isEmpty();
    }

    @Test
    void theNoteCountsTheDuplicatesAndNamesTheFirstAndTheFileItCameFrom() {
        // given
        DuplicateReferenceRule.Duplicate first = new DuplicateReferenceRule.Duplicate("Ntfctn[1]/Ntry[2]", "BK-2", "first.xml");
        DuplicateReferenceRule.Duplicate second = new DuplicateReferenceRule.Duplicate("Ntfctn[1]/Ntry[3]", "BK-3", "first.xml");
        // when / then
        assertThat(rule.note(List.of(first))).contains("1 duplicate payment not posted again; first: Ntfctn[1]/Ntry[2]:"
                + " bank reference 'BK-2' was already imported from first.xml");
        assertThat(rule.note(List.of(first, second))).contains("2 duplicate payments not posted again; first:"
                + " Ntfctn[1]/Ntry[2]: bank reference 'BK-2' was already imported from first.xml");
    }
}
