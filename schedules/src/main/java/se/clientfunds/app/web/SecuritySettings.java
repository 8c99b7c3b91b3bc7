package se.clientfunds.app.web;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The users of the API and console ({@code settlement.security}), each with a password hash and roles:
 * <pre>
 * settlement:
 *   security:
 *     users:
 *       - { name: anna, password: "{bcrypt}$2a$10$...", roles: [OPERATOR] }
 * </pre>
 * A password is stored only as a hash with its scheme ({@code settle users hash-password} prints one). Without users
 * nobody can log in, and {@code settle serve} says so.
 *
 * @param maxFailedLogins failed logins of one name (or from one address) before it is turned away for
 *                        {@code lockoutMinutes} (default 5 and 15)
 */
@ConfigurationProperties("settlement.security")
public record SecuritySettings(List<User> users, Integer maxFailedLogins, Integer lockoutMinutes) {

    public SecuritySettings {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (User user : users == null ? List.<User>of() : users) {
            if (!names.add(user.name())) {
                throw new IllegalArgumentException("user '" + user.name() + "' is listed twice");
            }
        }
    }

    /** @param password the hash with its scheme, e.g. {@code {bcrypt}$2a$10$...}; never the password itself */
    public record User(String name, String password, Set<Role> roles) {

        public User {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a user needs a name");
            }
            if (password == null || !password.matches("\\{bcrypt}\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new IllegalArgumentException("user '" + name + "': password must be a bcrypt hash with its scheme, such"
                        + " as {bcrypt}$2a$10$... ('settle users hash-password' prints one), not the password itself");
            }
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("user '" + name + "' has no roles (OPERATOR, FINANCE, COMPLIANCE, AUDITOR,"
                        + " ADMIN)");
            }
            roles = Set.copyOf(roles);
        }
    }

    public List<User> usersOrNone() {
        return users == null ? List.of() : users;
    }

    public int maxFailedLoginsOrDefault() {
        return maxFailedLogins == null ? 5 : maxFailedLogins;
    }

    public int lockoutMinutesOrDefault() {
        return lockoutMinutes == null ? 15 : lockoutMinutes;
    }
}
