package se.clientfunds.bankfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileParser;
import se.clientfunds.bank.BankFileParsers;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankSection;
import se.clientfunds.jobs.Causes;
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
        StagingLimits limits;
        try (BankFileParser parser = BankFileParsers.open(file, format, properties.bankFiles().allowTestFiles())) {
            limits = new StagingLimits(parser, properties::account);
            verdict = BankFileValidation.validate(file.getFileName().toString(), limits);
        } catch (BankFileException e) {
            return refused(file, format, e.getMessage());
        } catch (UncheckedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            // anything else a file makes the reading throw (an amount past the range of a long, say) is the file's
            // fault, not the job's: refuse it, so that it does not fail every run of the day
            return refused(file, format, file.getFileName() + ": cannot be read: " + Causes.rootMessage(e));
        }
        List<BankFileVerdict.Problem> problems = new ArrayList<>(verdict.problems());
        problems.addAll(limits.problems());
        long problemCount = verdict.problemCount() + limits.problemCount();
        long beforeAccounts = problemCount;
        Set<String> accountCurrencies = new TreeSet<>();
        for (BankSection section : verdict.sections()) {
            String problem = accountProblem(section);
            if (problem != null) {
                problemCount++;
                problems.add(new BankFileVerdict.Problem(section.location(), problem));
            } else {
                accountCurrencies.add(accountOf(section).currency());
            }
        }
        // a section need not state its currency: the money in it must still be in its account's
        Set<String> moneyCurrencies = new TreeSet<>(verdict.credits().keySet());
        moneyCurrencies.addAll(verdict.debits().keySet());
        moneyCurrencies.removeAll(accountCurrencies);
        if (problemCount == beforeAccounts && !moneyCurrencies.isEmpty()) {
            problemCount++;
            problems.add(new BankFileVerdict.Problem("file", "holds money in " + String.join(", ", moneyCurrencies)
                    + ", which no account of the file is kept in (" + String.join(", ", accountCurrencies) + ")"));
        }
        return new BankFileVerdict(verdict.fileName(), verdict.format(), verdict.version(), verdict.sections(),
                verdict.entries(), verdict.credits(), verdict.debits(), problems.subList(0, Math.min(problems.size(),
                BankFileValidation.REPORTED_PROBLEMS)), problemCount, verdict.warnings());
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
                Map.of(), Map.of(), List.of(new BankFileVerdict.Problem("file", reason)), 1);
    }
}
