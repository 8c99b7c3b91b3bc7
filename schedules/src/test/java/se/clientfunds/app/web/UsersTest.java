package se.clientfunds.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import se.clientfunds.app.Console;
import se.clientfunds.app.cli.SettleCommand;

/** Users in settlement.yml hold hashes, never passwords, and settle users hash-password makes them. */
class UsersTest {

    @Test
    void aPasswordWithoutItsSchemeIsRefusedNamingTheUser() {
        // a password, one in plain text under a scheme, and a scheme misspelled are all refused
        for (String password : List.of("secret", "{noop}secret", "{bcyrpt}$2a$10$" + "x".repeat(53), "{bcrypt}notahash")) {
            assertThatThrownBy(() -> new SecuritySettings.User("anna", password, Set.of(Role.OPERATOR))).as(password)
                    .hasMessage("user 'anna': password must be a bcrypt hash with its scheme, such as {bcrypt}$2a$10$..."
                            + " ('settle users hash-password' prints one), not the password itself");
        }
        String hash = "{bcrypt}$2a$10$" + "x".repeat(53);
        assertThatThrownBy(() -> new SecuritySettings.User("anna", hash, Set.of()))
                .hasMessage("user 'anna' has no roles (OPERATOR, FINANCE, COMPLIANCE, AUDITOR, ADMIN)");
        SecuritySettings.User anna = new SecuritySettings.User("anna", hash, Set.of(Role.OPERATOR));
        assertThatThrownBy(() -> new SecuritySettings(List.of(anna, anna), null, null)).hasMessage("user 'anna' is listed twice");
    }

    @Test
    void aUserGetsThePermissionsOfEachOfTheirRoles() {
        assertThat(Permission.authorities(Set.of(Role.AUDITOR))).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_AUDITOR", "READ", "READ_ALERTS");
        assertThat(Permission.authorities(Set.of(Role.FINANCE, Role.OPERATOR))).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_FINANCE", "ROLE_OPERATOR", "READ", "OPERATE_JOBS", "OPERATE_SCHEDULES",
                        "RESOLVE_BREAKS", "ALLOCATE", "SIGN_OFF_SAFEGUARDING");
    }

    @Test
    void hashPasswordPrintsABcryptHashThatChecksThePassword() {
        // when
        Result result = hashPassword("correct horse battery\n");
        // then
        assertThat(result.exitCode()).isZero();
        String hash = result.out().strip();
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("correct horse battery", hash)).isTrue();
        assertThat(new SecuritySettings.User("anna", hash, Set.of(Role.OPERATOR)).password()).isEqualTo(hash);

        // and a short one is refused
        Result tooShort = hashPassword("hunter2\n");
        assertThat(tooShort.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(tooShort.err()).isEqualTo("hash-password: a password of at least 12 characters, please\n");
        assertThat(tooShort.out()).isEmpty();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result hashPassword(String stdin) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exitCode = SettleCommand.execute(new String[] {"users", "hash-password"},
                    new Console(new PrintWriter(out), new PrintWriter(err), false));
            return new Result(exitCode, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }
}
