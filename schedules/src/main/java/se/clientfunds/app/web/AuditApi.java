package se.clientfunds.app.web;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.clientfunds.operations.AuditTrail;

/** Who did what over a span of days: operator actions, job runs and files received ({@link AuditTrail}). */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('READ')")
    AuditTrail.Span audit(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                          @RequestParam(required = false) String operator) {
        return trail.between(from, to, operator);
    }
}
