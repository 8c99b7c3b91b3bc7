package se.clientfunds.operations;

import java.util.function.Supplier;

/**
 * Through which door an action came and in which roles its person acted, for the operator actions: {@code cli} (the
 * operating system's user, no roles), {@code scheduler}, or {@code api} with the logged-in user's roles. Set around the
 * work by the door (like {@link se.clientfunds.jobs.JobStarts#as}), read where an action is recorded.
 */
public record Actor(String channel, String roles) {

    public static final Actor COMMAND_LINE = new Actor("cli", null);
    public static final Actor SCHEDULER = new Actor("scheduler", null);

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    /** Whether a logged-in user acts (the API's and the console's users have roles; the command line's person does not). */
    public boolean loggedIn() {
        return roles != null;
    }

    /** Whether the logged-in user acts in {@code role}. */
    public boolean hasRole(String role) {
        return roles != null && java.util.Arrays.asList(roles.split(",")).contains(role);
    }

    /** Who acts on this thread now; the command line when no door said otherwise. */
    public static Actor current() {
        Actor actor = CURRENT.get();
        return actor == null ? COMMAND_LINE : actor;
    }

    /** Runs {@code work} as {@code actor}. */
    public static <T> T as(Actor actor, Supplier<T> work) {
        return se.clientfunds.jobs.ThreadScoped.with(CURRENT, actor, work);
    }
}
