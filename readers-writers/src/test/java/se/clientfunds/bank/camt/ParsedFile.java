package se.clientfunds.bank.camt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.BankSection;

/** A whole small file read through the parser into memory, which only tests may do. */
record ParsedFile(BankFileFormat format, String version, List<BankSection> sections,
                  Map<String, List<BankEntry>> entriesBySection) {

    static ParsedFile of(Path file) throws IOException {
        try (CamtParser parser = CamtParser.open(file)) {
            return read(parser);
        }
    }

    static ParsedFile of(InputStream in, String fileName) throws IOException {
        try (CamtParser parser = CamtParser.open(in, fileName)) {
            return read(parser);
        }
    }

    private static ParsedFile read(CamtParser parser) {
        List<BankSection> sections = new ArrayList<>();
        Map<String, List<BankEntry>> entries = new LinkedHashMap<>();
        BankSection opened = null;
        for (BankRecord record = parser.next(); record != null; record = parser.next()) {
            if (record instanceof BankRecord.SectionOpened o) {
                opened = o.section();
                entries.put(opened.location(), new ArrayList<>());
            } else if (record instanceof BankRecord.Entry e) {
                if (opened == null || !e.section().location().equals(opened.location())) {
                    throw new AssertionError("entry " + e.entry().location() + " outside its opened section");
                }
                entries.get(opened.location()).add(e.entry());
            } else if (record instanceof BankRecord.SectionClosed c) {
                sections.add(c.section());
                opened = null;
            }
        }
        return new ParsedFile(parser.format(), parser.version(), sections, entries);
    }

    BankSection section(String id) {
        return sections.stream().filter(s -> id.equals(s.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no section with id " + id + " in " + sections));
    }

    List<BankEntry> entries(BankSection section) {
        return entriesBySection.get(section.location());
    }
}
