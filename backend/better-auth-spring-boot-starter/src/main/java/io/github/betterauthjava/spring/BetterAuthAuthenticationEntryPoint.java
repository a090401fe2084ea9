package io.github.betterauthjava.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an unauthenticated request with 401, an RFC 6750 §3 {@code WWW-Authenticate: Bearer}
 * challenge and an RFC 9457 {@code application/problem+json} body whose {@code detail} says what
 * to fix; a token whose signing key or session cannot be checked right now
 * ({@link BetterAuthUnavailableException}) with 503 and {@code Retry-After}. The answer is decided
 * by {@link UnauthenticatedAnswer}, shared with the reactive entry point.
 */
public final class BetterAuthAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        UnauthenticatedAnswer answer = UnauthenticatedAnswer.to(failure);
        response.resetBuffer();
        if (answer.challenge() != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, answer.challenge());
        }
        if (answer.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(answer.retryAfter()));
        }
        response.setStatus(answer.status());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = answer.problem(request.getRequestURI());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
