package se.clientfunds.bank.mt940;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The public MT940 samples in {@code shared/samples/mt940} (inside the repository or beside the worktree, so the
 * lookup walks up from the module directory) and their YAML oracles: wolph/mt940's parse of each file, pickled as
 * Python objects. The loader turns those objects into maps, decimals into BigDecimal and dates into LocalDate.
 */
final class Mt940Samples {

    private static final Pattern ALIAS_LINE = Pattern.compile("(?m)^\\s*transactions: \\*id\\d+\\s*$");

    private Mt940Samples() {
    }

    static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples/mt940");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/samples/mt940 above " + Path.of("").toAbsolutePath());
    }

    /** Every {@code .sta} sample, as {@code bank/file.sta} relative to the samples folder, in a stable order. */
    static List<String> all() {
        try (Stream<Path> files = Files.walk(folder())) {
            return files.filter(file -> file.toString().endsWith(".sta"))
                    .map(file -> folder().relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String name) {
        return folder().resolve(name);
    }

    /** The oracle beside a sample: {@code data} (the statement fields, later statements overriding) and {@code transactions}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> oracle(String name) {
        Path yml = file(name.replaceFirst("\\.sta$", ".yml"));
        String text;
        try {
            text = Files.readString(yml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the tag definitions (compiled regexes) are the parser's, not the file's; the back-references are cycles
        int tags = text.indexOf("\ntags:");
        int transactions = text.indexOf("\ntransactions:");
        if (tags >= 0 && transactions > tags) {
            text = text.substring(0, tags) + text.substring(transactions);
        }
        text = ALIAS_LINE.matcher(text).replaceAll("");
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(1000);
        options.setTagInspector(tag -> tag.getValue().startsWith("tag:yaml.org,2002:python/"));
        Map<String, Object> oracle = (Map<String, Object>) new Yaml(new PythonObjects(options)).load(text);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("data", oracle.get("data") == null ? Map.of() : oracle.get("data"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object transaction : (List<Object>) oracle.getOrDefault("transactions", List.of())) {
            list.add((Map<String, Object>) ((Map<String, Object>) transaction).get("data"));
        }
        result.put("transactions", list);
        return result;
    }

    /** Builds plain values from the {@code !!python/...} tags the oracles use. */
    private static final class PythonObjects extends SafeConstructor {

        PythonObjects(LoaderOptions options) {
            super(options);
            yamlMultiConstructors.put("tag:yaml.org,2002:python/", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    if (node instanceof MappingNode mapping) {
                        return constructMapping(mapping);
                    }
                    List<?> arguments = constructSequence((SequenceNode) node);
                    if (tag.endsWith("decimal.Decimal")) {
                        return new BigDecimal((String) arguments.get(0));
                    }
                    if (tag.endsWith("mt940.models.Date")) {
                        byte[] bytes = (byte[]) arguments.get(0);
                        return LocalDate.of((bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF, bytes[2], bytes[3]);
                    }
                    return arguments;
                }
            });
        }
    }
}
