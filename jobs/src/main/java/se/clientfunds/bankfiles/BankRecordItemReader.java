package se.clientfunds.bankfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileParser;
import se.clientfunds.bank.BankFileParsers;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.files.Sha256;

/**
 * Reads a validated bank file as entries and closed sections, numbered in file order. Restartable: it saves how
 * many records it has handed out under its name and, reopened after a failure, reads past them again.
 */
class BankRecordItemReader implements ItemStreamReader<StagedBankRecord> {

    private final String name;
    private final Path file;
    private final BankFileFormat format;
    private final boolean allowTestFiles;
    private BankFileParser parser;
    private long read;
    private final String sha256;
    private int sectionNo;
    private long entryNo;
    private long sectionEntries;

    BankRecordItemReader(String name, Path file, String sha256, BankFileFormat format, boolean allowTestFiles) {
        this.name = name;
        this.sha256 = sha256;
        this.file = file;
        this.format = format;
        this.allowTestFiles = allowTestFiles;
    }

    @Override
    public void open(ExecutionContext context) {
        // what is staged must be the very bytes that were validated
        Sha256.requireUnchanged(file, sha256);
        parser = BankFileParsers.open(file, format, allowTestFiles);
        long alreadyRead = context.getLong(name + ".read.count", 0L);
        while (read < alreadyRead) {
            if (read() == null) {
                throw new ItemStreamException(file + " has fewer records than the " + alreadyRead + " read before the restart");
            }
        }
    }

    @Override
    public StagedBankRecord read() {
        for (BankRecord record = parser.next(); record != null; record = parser.next()) {
            if (record instanceof BankRecord.SectionOpened) {
                sectionNo++;
                sectionEntries = 0;
                continue;
            }
            read++;
            if (record instanceof BankRecord.Entry) {
                entryNo++;
                sectionEntries++;
            }
            return new StagedBankRecord(sectionNo, entryNo, sectionEntries, record);
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(name + ".read.count", read);
    }

    @Override
    public void close() {
        if (parser == null) {
            return;
        }
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        } finally {
            parser = null;
        }
    }
}
