package se.clientfunds.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every label the console's pages ask for is in English, Swedish and German, and no language has one the others lack. */
class ConsoleMessagesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    void everyLanguageHasEveryLabelThePagesAskFor() throws IOException {
        // given the labels the templates name as they are (a name built from parts is checked by its parts' pages)
        Set<String> asked = new TreeSet<>();
        Pattern label = Pattern.compile("#\\{([a-zA-Z]+\\.[a-zA-Z.]+)[}(]");
        try (Stream<Path> templates = Files.list(RESOURCES.resolve("templates").resolve("console"))) {
            for (Path template : templates.toList()) {
                Matcher matcher = label.matcher(Files.readString(template));
                while (matcher.find()) {
                    asked.add(matcher.group(1));
                }
            }
        }
        assertThat(asked).contains("nav.today", "day.title", "unallocated.needsApproval");
        // when each language's bundle is read, then it has them all, and the same keys as English
        Set<String> english = keys("console-messages.properties");
        assertThat(english).containsAll(asked);
        // (the parts the day page builds names from)
        assertThat(english).contains("day.positions", "day.reconciliation", "day.breaks", "day.safeguarding", "action.resolve",
                "action.explain", "action.approve", "action.reject", "action.pause", "action.resume", "signoff.PREPARED",
                "signoff.REVIEWED");
        assertThat(keys("console-messages_sv.properties")).isEqualTo(english);
        assertThat(keys("console-messages_de.properties")).isEqualTo(english);
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
