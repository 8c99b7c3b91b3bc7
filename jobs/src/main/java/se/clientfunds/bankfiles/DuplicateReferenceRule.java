package se.clientfunds.bankfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import se.clientfunds.bank.BankFileVerdict;

/**
 * The bank's reference names one payment, and a batch entry's reference one batch. The same reference twice in one
 * file, or one batch in two shapes in one file (a lump and its details: their references differ, their money is
 * one), refuses the file. A payment (or batch, in whatever shape) another file brought already is a duplicate: kept
 * for the record, not posted again, and reported naming that file.
 */
final class DuplicateReferenceRule {

    /** A bank reference that more than one payment of the file carries, at the first of them. */
    record RepeatedReference(String location, String bankReference, long times) {
    }

    /** A batch entry's reference that another entry of the same file carries too, at the first of those. */
    record RepeatedBatch(String location, String entryReference) {
    }

    /** A payment of the file that another file brought already. */
    record Duplicate(String location, String bankReference, String earlierFile) {

        @Override
        public String toString() {
            return location + ": bank reference '" + bankReference + "' was already imported from " + earlierFile;
        }
    }

    /** What refuses the file: its references and batches that are in it more than once, in that order. */
    List<BankFileVerdict.Problem> problems(List<RepeatedReference> references, List<RepeatedBatch> batches) {
        List<BankFileVerdict.Problem> problems = new ArrayList<>(references.size() + batches.size());
        references.forEach(repeated -> problems.add(new BankFileVerdict.Problem(repeated.location(), "bank reference '"
                + repeated.bankReference() + "' appears " + repeated.times() + " times in this file")));
        batches.forEach(repeated -> problems.add(new BankFileVerdict.Problem(repeated.location(), "the batch '"
                + repeated.entryReference() + "' appears more than once in this file")));
        return problems;
    }

    /** What the import says about its duplicates, if it has any: how many, and the first. */
    Optional<String> note(List<Duplicate> duplicates) {
        if (duplicates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(duplicates.size() + " duplicate payment" + (duplicates.size() == 1 ? "" : "s")
                + " not posted again; first: " + duplicates.get(0));
    }
}
