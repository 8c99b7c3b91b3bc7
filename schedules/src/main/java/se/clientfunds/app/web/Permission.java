package se.clientfunds.app.web;

import static se.clientfunds.app.web.Role.ADMIN;
import static se.clientfunds.app.web.Role.AUDITOR;
import static se.clientfunds.app.web.Role.COMPLIANCE;
import static se.clientfunds.app.web.Role.FINANCE;
import static se.clientfunds.app.web.Role.OPERATOR;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who may do what: the one table (the README shows it, and a test checks every role against every endpoint). A user
 * is granted the permissions of each of their roles as authorities; the endpoints ask for a permission, never a role.
 */
public enum Permission {

    /** The days, executions, schedules, positions, breaks, safeguarding, reports and the audit trail. */
    READ(OPERATOR, FINANCE, COMPLIANCE, AUDITOR, ADMIN),
    /** Restart, stop, abandon and recover a job execution. */
    OPERATE_JOBS(OPERATOR, ADMIN),
    /** Pause and resume a schedule. */
    OPERATE_SCHEDULES(OPERATOR, ADMIN),
    /** Resolve or explain a reconciliation break. */
    RESOLVE_BREAKS(OPERATOR, FINANCE, ADMIN),
    /** Allocate an unallocated payment to an invoice by hand. */
    ALLOCATE(OPERATOR, ADMIN),
    /** Sign the safeguarding statement off as prepared or reviewed. */
    SIGN_OFF_SAFEGUARDING(FINANCE),
    /** See monitoring alerts (AML and sanctions): who is suspected stays with those who must know. */
    READ_ALERTS(COMPLIANCE, AUDITOR, ADMIN),
    /** Work alerts through (assign, comment, close, escalate) and release a held payment (two people). */
    WORK_ALERTS(COMPLIANCE);

    private final Set<Role> roles;

    Permission(Role... roles) {
        this.roles = EnumSet.copyOf(Arrays.asList(roles));
    }

    public Set<Role> roles() {
        return roles;
    }

    /** Whether the logged-in user was granted this permission. */
    public boolean isGrantedTo(org.springframework.security.core.Authentication who) {
        return who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority()::equals);
    }

    /** The authority an endpoint asks for. */
    public String authority() {
        return name();
    }

    /** The authorities of a user with these roles: the role itself (ROLE_X) and every permission one of them grants. */
    public static List<GrantedAuthority> authorities(Set<Role> roles) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        for (Permission permission : values()) {
            if (permission.roles.stream().anyMatch(roles::contains)) {
                authorities.add(new SimpleGrantedAuthority(permission.authority()));
            }
        }
        return authorities;
    }
}
