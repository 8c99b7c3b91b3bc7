package se.clientfunds.app.web;

import java.security.Principal;
import java.util.List;

import org.quartz.SchedulerException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.clientfunds.app.schedule.Schedules;

/** The schedules, paused and resumed with who and why, over {@link Schedules} (as {@code settle schedules}). */
@RestController
@RequestMapping("/api/v1/schedules")
class SchedulesApi {

    private final Schedules schedules;

    SchedulesApi(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('READ')")
    List<Schedules.View> list() throws SchedulerException {
        return schedules.list();
    }

    @PostMapping("/{name}/pause")
    @PreAuthorize("hasAuthority('OPERATE_SCHEDULES')")
    List<Schedules.View> pause(@PathVariable String name, @RequestBody(required = false) ActionRequest request, Principal who)
            throws SchedulerException {
        schedules.pause(name, who.getName(), ActionRequest.reasonOf(request));
        return schedules.list();
    }

    @PostMapping("/{name}/resume")
    @PreAuthorize("hasAuthority('OPERATE_SCHEDULES')")
    List<Schedules.View> resume(@PathVariable String name, @RequestBody(required = false) ActionRequest request, Principal who)
            throws SchedulerException {
        schedules.resume(name, who.getName(), ActionRequest.reasonOf(request));
        return schedules.list();
    }
}
