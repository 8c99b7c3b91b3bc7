package se.clientfunds.bankfiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileParser;
import se.clientfunds.bank.BankFileParsers;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankSection;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementProperties;

/**
 * Validates a whole bank file before anything from it is staged or posted: it must parse, its money must add up
 * ({@link BankFileValidation}), and every section must be about one of our client-funds accounts, in that account's
 * currency. Duplicate payments are found later, against the staged rows.
 */
@Component
public class BankFileCheck {

    private final SettlementProperties properties;

    public BankFileCheck(SettlementProperties properties) {
        this.properties = properties;
    }

    public BankFileVerdict check(Path file, BankFileFormat format) {
        BankFileVerdict verdict;
        try (BankFileParser parser = BankFileParsers.open(file, format, properties.bankFiles().allowTestFiles())) {
            verdict = BankFileValidation.validate(file.getFileName().toString(), parser);
        } catch (BankFileException e) {
            return refused(file, format, e.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
        List<BankFileVerdict.Problem> problems = new ArrayList<>(verdict.problems());
        long problemCount = verdict.problemCount();
        for (BankSection section : verdict.sections()) {
            String problem = accountProblem(section);
            if (problem != null) {
                problemCount++;
                problems.add(new BankFileVerdict.Problem(section.location(), problem));
            }
        }
        return new BankFileVerdict(verdict.fileName(), verdict.format(), verdict.version(), verdict.sections(),
                verdict.entries(), verdict.credits(), verdict.debits(), problems.subList(0, Math.min(problems.size(),
                BankFileValidation.REPORTED_PROBLEMS)), problemCount);
    }

    /** The configured client-funds account a section is about; validation made sure there is one. */
    public ClientFundsAccount accountOf(BankSection section) {
        return properties.account(section.account()).orElseThrow(() -> new IllegalStateException(
                section.location() + ": account " + section.account() + " is not a client-funds account"));
    }

    private String accountProblem(BankSection section) {
        if (section.account() == null) {
            return "names no account";
        }
        Optional<ClientFundsAccount> account = properties.account(section.account());
        if (account.isEmpty()) {
            return "account " + section.account() + " is not one of the configured client-funds accounts (settlement.accounts)";
        }
        if (section.currency() != null && !section.currency().getCurrencyCode().equals(account.get().currency())) {
            return "account " + section.account() + " is kept in " + account.get().currency() + ", the file says "
                    + section.currency().getCurrencyCode();
        }
        return null;
    }

    private static BankFileVerdict refused(Path file, BankFileFormat format, String reason) {
        return new BankFileVerdict(file.getFileName().toString(), format, format.name(), List.of(), 0,
                java.util.Map.of(), java.util.Map.of(), List.of(new BankFileVerdict.Problem("file", reason)), 1);
    }
}
