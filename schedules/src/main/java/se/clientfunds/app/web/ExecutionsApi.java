package se.clientfunds.app.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.clientfunds.operations.ExecutionDetail;
import se.clientfunds.operations.ExecutionQuery;
import se.clientfunds.operations.ExecutionSummary;
import se.clientfunds.operations.JobOperations;

/** Job executions, and the four actions on one, over {@link JobOperations} (as {@code settle jobs}). */
@RestController
@RequestMapping("/api/v1/executions")
class ExecutionsApi {

    /** A page of executions, newest first, and how many there are in all. */
    record Page(List<ExecutionSummary> executions, int page, int size, long total) {
    }

    private final JobOperations operations;

    ExecutionsApi(JobOperations operations) {
        this.operations = operations;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('READ')")
    Page list(@RequestParam(required = false) String status, @RequestParam(required = false) String job,
              @RequestParam(required = false) LocalDate date, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "50") int size) {
        ExecutionQuery query = new ExecutionQuery(job, status, date, page, size);
        return new Page(operations.list(query), page, size, operations.count(query));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('READ')")
    ExecutionDetail show(@PathVariable long id) {
        return operations.show(id);
    }

    @PostMapping("/{id}/restart")
    @PreAuthorize("hasAuthority('OPERATE_JOBS')")
    JobOperations.Outcome restart(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Principal who) {
        return operations.restart(id, who.getName(), ActionRequest.reasonOf(request));
    }

    @PostMapping("/{id}/stop")
    @PreAuthorize("hasAuthority('OPERATE_JOBS')")
    JobOperations.Outcome stop(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Principal who) {
        return operations.stop(id, who.getName(), ActionRequest.reasonOf(request));
    }

    @PostMapping("/{id}/abandon")
    @PreAuthorize("hasAuthority('OPERATE_JOBS')")
    JobOperations.Outcome abandon(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Principal who) {
        return operations.abandon(id, who.getName(), ActionRequest.reasonOf(request));
    }

    @PostMapping("/{id}/recover")
    @PreAuthorize("hasAuthority('OPERATE_JOBS')")
    JobOperations.Outcome recover(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Principal who) {
        return operations.recover(id, who.getName(), ActionRequest.reasonOf(request));
    }
}
