package dev.tasks.api.web;

import dev.tasks.api.problem.ProblemDetailsAdvice;
import dev.tasks.api.problem.Problems;
import io.github.betterauthjava.spring.BetterAuthUnavailableException;
import io.github.betterauthjava.spring.SessionCheckUnavailableException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A token the API cannot judge right now gets a 503 with {@code Retry-After}: not a 401, which
 * would sign its holder out, and not charged to the client's address as a bad token would be.
 * Its Better Auth session cannot be looked up (database down, session table missing): the API's
 * database 503, like any request the database fails; its signing key cannot be fetched (Better
 * Auth's JWKS down at a cold start or during a rotation): the library's 503. Everything else goes
 * to the wrapped entry point.
 */
final class UnavailableEntryPoint implements AuthenticationEntryPoint {

    private final Problems problems;
    private final AuthenticationEntryPoint delegate;

    UnavailableEntryPoint(Problems problems, AuthenticationEntryPoint delegate) {
        this.problems = problems;
        this.delegate = delegate;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (failure instanceof BetterAuthUnavailableException unavailable) {
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    unavailable instanceof SessionCheckUnavailableException
                            ? ProblemDetailsAdvice.RETRY_AFTER_DATABASE_SECONDS
                            : String.valueOf(BetterAuthUnavailableException.RETRY_AFTER_SECONDS));
            problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getMessage()));
            return;
        }
        delegate.commence(request, response, failure);
    }
}
