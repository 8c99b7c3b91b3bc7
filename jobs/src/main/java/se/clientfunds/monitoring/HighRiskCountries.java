package se.clientfunds.monitoring;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The EU's high-risk third countries (Delegated Regulation (EU) 2016/1675 as amended) as dated reference data, kept
 * by the user in a CSV file: one line per listing, a country with the day it was listed from and, once the EU takes
 * it off, the day it was delisted from. A country delisted and listed again has two lines. Lines are never removed,
 * only closed, so that an old day monitored again is judged by the list of its time.
 *
 * <pre>
 * # comments and blank lines are ignored
 * country,listed-from,delisted-from
 * KP,2016-09-23,
 * </pre>
 *
 * The file is read whole and refused whole: a broken line names the file, the line and the field.
 */
public final class HighRiskCountries {

    static final String HEADER = "country,listed-from,delisted-from";

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /** One listing: from its first day, up to (not including) the day it ended, if it has. */
    public record Listing(String country, LocalDate listedFrom, LocalDate delistedFrom, int line) {

        boolean covers(LocalDate day) {
            return !day.isBefore(listedFrom) && (delistedFrom == null || day.isBefore(delistedFrom));
        }
    }

    private final Path file;
    private final Map<String, List<Listing>> byCountry;

    private HighRiskCountries(Path file, Map<String, List<Listing>> byCountry) {
        this.file = file;
        this.byCountry = byCountry;
    }

    /** Reads and checks the whole file. */
    public static HighRiskCountries read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the list of high-risk countries: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, List<Listing>> byCountry = new TreeMap<>();
        boolean header = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": the header must be '" + HEADER + "', is '"
                            + abbreviate(line) + "'");
                }
                header = true;
                continue;
            }
            Listing listing = listing(file, lineNo, line);
            List<Listing> listings = byCountry.computeIfAbsent(listing.country(), country -> new ArrayList<>());
            for (Listing earlier : listings) {
                if (overlap(earlier, listing)) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ", field listed-from: " + listing.country()
                            + " is listed already on that day by line " + earlier.line()
                            + " (a country is listed again only after the day it was delisted from)");
                }
            }
            listings.add(listing);
        }
        if (!header) {
            throw new IllegalArgumentException(file + ": empty; the first line must be '" + HEADER + "'");
        }
        byCountry.replaceAll((country, listings) -> List.copyOf(listings));
        return new HighRiskCountries(file, Collections.unmodifiableMap(byCountry));
    }

    private static Listing listing(Path file, int lineNo, String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException(file + " line " + lineNo + ": " + fields.length + " fields, must be 3 ("
                    + HEADER + ")");
        }
        String country = fields[0].strip();
        if (!country.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(country)) {
            throw new IllegalArgumentException(file + " line " + lineNo + ", field country: '" + abbreviate(country)
                    + "' is not an ISO 3166 country code of two capital letters");
        }
        LocalDate from = date(file, lineNo, "listed-from", fields[1].strip());
        if (from == null) {
            throw new IllegalArgumentException(file + " line " + lineNo + ", field listed-from: missing; the day the EU's"
                    + " listing applies from, yyyy-MM-dd");
        }
        LocalDate to = date(file, lineNo, "delisted-from", fields[2].strip());
        if (to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException(file + " line " + lineNo + ", field delisted-from: " + to
                    + " is not after listed-from " + from);
        }
        return new Listing(country, from, to, lineNo);
    }

    private static LocalDate date(Path file, int lineNo, String field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + " line " + lineNo + ", field " + field + ": '" + abbreviate(text)
                    + "' is not a date yyyy-MM-dd");
        }
    }

    private static boolean overlap(Listing a, Listing b) {
        boolean bStartsBeforeAEnds = a.delistedFrom() == null || b.listedFrom().isBefore(a.delistedFrom());
        boolean aStartsBeforeBEnds = b.delistedFrom() == null || a.listedFrom().isBefore(b.delistedFrom());
        return bStartsBeforeAEnds && aStartsBeforeBEnds;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** The listing that has the country on the list on the day, if any. */
    public Optional<Listing> listing(String country, LocalDate day) {
        if (country == null) {
            return Optional.empty();
        }
        return byCountry.getOrDefault(country.strip().toUpperCase(Locale.ROOT), List.of()).stream()
                .filter(listing -> listing.covers(day)).findFirst();
    }

    /** The countries on the list on the day, in order. */
    public List<String> listedOn(LocalDate day) {
        return byCountry.keySet().stream().filter(country -> listing(country, day).isPresent()).toList();
    }

    public Path file() {
        return file;
    }
}
