package se.clientfunds.app.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.clientfunds.app.DayTables;

/**
 * A day's figures, row for row what {@code settle positions|breaks|safeguarding|reconciliation DATE --format csv}
 * prints: each row an object keyed by the CSV's column names, with the same decimal text.
 */
@RestController
@RequestMapping("/api/v1")
class FiguresApi {

    /**
     * @param notices   what to read the figures with (provisional figures, payments in transit)
     * @param attention what needs a person (a shortfall, an unexplained difference)
     */
    record Figures(List<String> columns, List<Map<String, String>> rows, List<String> notices, List<String> attention) {

        static Figures of(DayTables.Table table) {
            List<Map<String, String>> rows = table.rows().stream().map(row -> {
                Map<String, String> object = new LinkedHashMap<>();
                for (int c = 0; c < table.columns().size(); c++) {
                    object.put(table.columns().get(c), row.get(c) == null ? "" : row.get(c));
                }
                return object;
            }).toList();
            return new Figures(table.columns(), rows, table.notices(), table.attention());
        }
    }

    private final DayTables tables;

    FiguresApi(DayTables tables) {
        this.tables = tables;
    }

    @GetMapping("/days/{date}/positions")
    @PreAuthorize("hasAuthority('READ')")
    Figures positions(@PathVariable LocalDate date) {
        return Figures.of(tables.positions(date));
    }

    @GetMapping("/days/{date}/breaks")
    @PreAuthorize("hasAuthority('READ')")
    Figures breaks(@PathVariable LocalDate date) {
        return Figures.of(tables.breaks(date));
    }

    @GetMapping("/days/{date}/safeguarding")
    @PreAuthorize("hasAuthority('READ')")
    Figures safeguarding(@PathVariable LocalDate date) {
        return Figures.of(tables.safeguarding(date));
    }

    @GetMapping("/days/{date}/reconciliation")
    @PreAuthorize("hasAuthority('READ')")
    Figures reconciliation(@PathVariable LocalDate date) {
        return Figures.of(tables.reconciliation(date));
    }

    @GetMapping("/unallocated")
    @PreAuthorize("hasAuthority('READ')")
    Figures unallocated() {
        return Figures.of(tables.unallocated());
    }
}
