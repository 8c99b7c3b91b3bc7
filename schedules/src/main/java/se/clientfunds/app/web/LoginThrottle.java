package se.clientfunds.app.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Turns a name, or an address, away for a while after too many failed logins, and logs every failure: guessing a
 * password over the API or the console takes years instead of minutes. Counted in this process, on its monotonic clock
 * (a restart forgets, which is no help to a guesser that has to wait for one).
 */
class LoginThrottle implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final AuthenticationProvider passwords;
    private final int maxFailures;
    private final long lockoutNanos;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    LoginThrottle(AuthenticationProvider passwords, int maxFailures, Duration lockout) {
        this.passwords = passwords;
        this.maxFailures = maxFailures;
        this.lockoutNanos = lockout.toNanos();
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String name = "name " + login.getName();
        String address = login.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? "address " + web.getRemoteAddress() : null;
        for (String who : address == null ? new String[] {name} : new String[] {name, address}) {
            if (recentFailures(who) >= maxFailures) {
                log.warn("login refused for '{}'{}: {} failed logins within {} minutes", login.getName(),
                        address == null ? "" : " from " + address, maxFailures, Duration.ofNanos(lockoutNanos).toMinutes());
                throw new LockedException("too many failed logins: try again in " + Duration.ofNanos(lockoutNanos).toMinutes()
                        + " minutes");
            }
        }
        try {
            Authentication authenticated = passwords.authenticate(login);
            failures.remove(name);
            return authenticated;
        } catch (BadCredentialsException e) {
            long now = System.nanoTime();
            failed(name, now);
            if (address != null) {
                failed(address, now);
            }
            log.warn("failed login for '{}'{}", login.getName(), address == null ? "" : " from " + address);
            throw e;
        }
    }

    private void failed(String who, long now) {
        Deque<Long> times = failures.computeIfAbsent(who, key -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
        }
    }

    private int recentFailures(String who) {
        Deque<Long> times = failures.get(who);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            long since = System.nanoTime() - lockoutNanos;
            while (!times.isEmpty() && times.peekFirst() - since < 0) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
