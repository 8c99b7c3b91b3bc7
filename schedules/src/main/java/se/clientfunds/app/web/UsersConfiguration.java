package se.clientfunds.app.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users of {@code settlement.security.users}, with their roles' permissions as authorities. Defined in every
 * context (not only {@code settle serve}'s), so that Spring Boot never makes a user of its own with a generated
 * password.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class UsersConfiguration {

    @Bean
    UserDetailsService users(SecuritySettings settings) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (SecuritySettings.User user : settings.usersOrNone()) {
            users.createUser(User.withUsername(user.name()).password(user.password())
                    .authorities(Permission.authorities(user.roles())).build());
        }
        return users;
    }

    /** Hashes with their scheme ({bcrypt}...): the scheme says how to check them, and a better one can come later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
