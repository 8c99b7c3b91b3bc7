package se.clientfunds.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The README's table of who may do what is the code's ({@link Permission}), row for row. */
class PermissionTableTest {

    @Test
    void theReadmesTableIsThePermissionTable() throws IOException {
        // given the table as the code has it
        List<String> expected = new ArrayList<>();
        expected.add("| permission | " + String.join(" | ", Arrays.stream(Role.values()).map(Role::name).toList()) + " |");
        for (Permission permission : Permission.values()) {
            expected.add("| " + permission.name() + " | " + String.join(" | ", Arrays.stream(Role.values())
                    .map(role -> permission.roles().contains(role) ? "yes" : "").toList()) + " |");
        }
        // when the README is read (the build runs in the module's folder)
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int header = readme.indexOf(expected.get(0));
        // (cells compared without their spaces: an empty one may be written with one space or two)
        assertThat(header).as("the README's permission table header").isNotNegative();
        List<String> table = new ArrayList<>(readme.subList(header, header + expected.size() + 1));
        table.remove(1);
        // then
        assertThat(table.stream().map(line -> line.replace(" ", "")).toList())
                .isEqualTo(expected.stream().map(line -> line.replace(" ", "")).toList());
    }
}
