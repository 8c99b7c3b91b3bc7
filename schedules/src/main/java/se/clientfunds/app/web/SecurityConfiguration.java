package se.clientfunds.app.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who gets in, for {@code settle serve}: the API by HTTP Basic (stateless, no session, no CSRF token to carry; put TLS
 * in front of it, the server listens on loopback by default), the console by a form login with a session and CSRF;
 * failed logins throttled and logged either way; health and metrics open on the loopback port as before. What each user may then do is asked per endpoint ({@link Permission}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REALM = "settlement";

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords, SecuritySettings settings) {
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(users);
        checked.setPasswordEncoder(passwords);
        return new ProviderManager(new LoginThrottle(checked, settings.maxFailedLoginsOrDefault(),
                Duration.ofMinutes(settings.lockoutMinutesOrDefault())));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(authentication)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
                    problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", e.getMessage());
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> problem(response,
                        HttpServletResponse.SC_FORBIDDEN, "Forbidden", "your roles do not allow " + request.getMethod() + " "
                                + request.getRequestURI())))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new ApiActor("api"), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .build();
    }

    /**
     * The console: a form login (a session, timed out by {@code server.servlet.session.timeout}), CSRF on every POST,
     * Spring Security's headers and a content security policy, logout; health, metrics and the console's own CSS and
     * script open on the loopback port.
     */
    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/**", "/error", "/login", "/console/*.css", "/console/*.js").permitAll()
                        .requestMatchers("/", "/console", "/console/**").authenticated()
                        .anyRequest().denyAll())
                .authenticationManager(authentication)
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/console", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // only our own script and styles run (inline style attributes draw the progress bars); no framing
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self';"
                        + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self';"
                        + " base-uri 'none'; object-src 'none'")))
                .addFilterAfter(new ApiActor("console"), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .build();
    }

    /** An RFC 9457 problem, as the API's own errors are. */
    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        tools.jackson.databind.node.ObjectNode body = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.getWriter().write(body.toString());
    }
}
