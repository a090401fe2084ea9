package dev.tasks.api.ratelimit;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Wraps the library's RFC 6750 entry point: every 401 is a request without a valid token, so it
 * is charged to the client's address first. Guessing tokens costs the guesser, not the API.
 */
public final class RateLimitedEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint delegate;
    private final RateLimits limits;

    public RateLimitedEntryPoint(AuthenticationEntryPoint delegate, RateLimits limits) {
        this.delegate = delegate;
        this.limits = limits;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (limits.admitAddress(request, response)) {
            delegate.commence(request, response, failure);
        }
    }
}
