package se.clientfunds.app.web;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import se.clientfunds.operations.Actor;

/**
 * Marks what a request does as done through its door ({@code api} or {@code console}), in the logged-in user's roles
 * (the operator actions say so).
 */
class ApiActor extends OncePerRequestFilter {

    private final String channel;

    ApiActor(String channel) {
        this.channel = channel;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String roles = user == null ? null : user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5)).sorted()
                .collect(Collectors.joining(","));
        try {
            Actor.as(new Actor(channel, roles == null || roles.isEmpty() ? null : roles), () -> {
                try {
                    chain.doFilter(request, response);
                    return null;
                } catch (IOException | ServletException e) {
                    throw new Wrapped(e);
                }
            });
        } catch (Wrapped wrapped) {
            if (wrapped.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) wrapped.getCause();
        }
    }

    private static final class Wrapped extends RuntimeException {

        Wrapped(Exception cause) {
            super(cause);
        }
    }
}
