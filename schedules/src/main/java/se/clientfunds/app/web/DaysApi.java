package se.clientfunds.app.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.clientfunds.operations.BusinessDayOverview;
import se.clientfunds.operations.BusinessDayView;

/** The business days as operations see them, over {@link BusinessDayOverview} (as {@code settle days}). */
@RestController
@RequestMapping("/api/v1/days")
class DaysApi {

    private final BusinessDayOverview days;

    DaysApi(BusinessDayOverview days) {
        this.days = days;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('READ')")
    List<BusinessDayView> days(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return days.days(from, to);
    }

    @GetMapping("/{date}")
    @PreAuthorize("hasAuthority('READ')")
    BusinessDayView day(@PathVariable LocalDate date) {
        return days.day(date);
    }
}
