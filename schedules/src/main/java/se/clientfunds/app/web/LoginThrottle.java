package se.clientfunds.app.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Turns a name away, from the address that guessed at it, for a while after too many failed logins, and logs every
 * failure: guessing a password takes years instead of minutes, while the same name from another address (its owner)
 * still gets in. Behind a proxy the address is the client's when the proxy sends X-Forwarded-For
 * ({@code server.forward-headers-strategy}). Each attempt is counted before its password is checked, so guesses sent
 * side by side are counted too; a login that succeeds takes its attempt back. Counted in this process, on its monotonic
 * clock, for at most {@link #MAX_KEYS} name-and-address pairs at a time.
 */
class LoginThrottle implements AuthenticationProvider {

    static final int MAX_KEYS = 10_000;
    private static final int MAX_NAME = 100;
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final AuthenticationProvider passwords;
    private final int maxFailures;
    private final long lockoutNanos;
    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

    LoginThrottle(AuthenticationProvider passwords, int maxFailures, Duration lockout) {
        this.passwords = passwords;
        this.maxFailures = maxFailures;
        this.lockoutNanos = lockout.toNanos();
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String name = printable(login.getName());
        String address = login.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
        String key = name.toLowerCase(Locale.ROOT) + " from " + address;
        long attempt = System.nanoTime();
        if (!admitted(key, attempt)) {
            log.warn("login refused for '{}' from {}: {} failed logins within {} minutes", name, address, maxFailures,
                    Duration.ofNanos(lockoutNanos).toMinutes());
            throw new LockedException("too many failed logins: try again in " + Duration.ofNanos(lockoutNanos).toMinutes()
                    + " minutes");
        }
        try {
            Authentication authenticated = passwords.authenticate(login);
            attempts.remove(key);
            return authenticated;
        } catch (AuthenticationException e) {
            log.warn("failed login for '{}' from {}", name, address);
            throw e;
        }
    }

    /** Counts the attempt, unless the pair has failed too often lately; whether it may go on. */
    private boolean admitted(String key, long now) {
        if (attempts.size() >= MAX_KEYS) {
            forgetExpired(now);
        }
        Deque<Long> times = attempts.computeIfAbsent(key, unused -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > lockoutNanos) {
                times.pollFirst();
            }
            if (times.size() >= maxFailures) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private void forgetExpired(long now) {
        for (Iterator<Map.Entry<String, Deque<Long>>> entries = attempts.entrySet().iterator(); entries.hasNext(); ) {
            Deque<Long> times = entries.next().getValue();
            synchronized (times) {
                if (times.isEmpty() || now - times.peekLast() > lockoutNanos) {
                    entries.remove();
                }
            }
        }
        // still full of pairs guessing right now: the oldest give way (their guessers start counting again)
        for (Iterator<String> keys = attempts.keySet().iterator(); attempts.size() >= MAX_KEYS && keys.hasNext(); ) {
            keys.next();
            keys.remove();
        }
    }

    /** The name as logged and counted: control characters out (no forged log lines), at most {@link #MAX_NAME} long. */
    private static String printable(String name) {
        String shown = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > MAX_NAME ? shown.substring(0, MAX_NAME) + "…" : shown;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
