package io.github.betterauthjava.spring;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * What an unauthenticated request is answered, decided once for the servlet and the reactive
 * entry points: 401 with an RFC 6750 §3 {@code WWW-Authenticate: Bearer} challenge
 * ({@code error="invalid_token"} and a description when a token was given, a bare challenge when
 * none was, per §3.1), or 503 with {@code Retry-After} when the token cannot be checked right now
 * ({@link BetterAuthUnavailableException}: a 401 would sign its holder out because of an outage on
 * our side). Either way an RFC 9457 problem whose {@code detail} says what to fix; never a stack
 * trace, never the token.
 *
 * @param status     401 or 503
 * @param title      the problem's title
 * @param detail     the problem's detail, safe to show
 * @param challenge  the {@code WWW-Authenticate} value, or {@code null} (503)
 * @param retryAfter the {@code Retry-After} seconds, or {@code null} (401)
 */
record UnauthenticatedAnswer(int status, String title, String detail, String challenge, Integer retryAfter) {

    static final String MISSING_TOKEN =
            "This request needs a Better Auth token: send the header 'Authorization: Bearer <token>'";
    private static final String GENERIC_INVALID = "The bearer token is invalid";

    static UnauthenticatedAnswer to(AuthenticationException failure) {
        if (failure instanceof BetterAuthUnavailableException unavailable) {
            return new UnauthenticatedAnswer(
                    503,
                    "Service Unavailable",
                    unavailable.getMessage(),
                    null,
                    BetterAuthUnavailableException.RETRY_AFTER_SECONDS);
        }
        if (failure instanceof OAuth2AuthenticationException oauth2) {
            OAuth2Error error = oauth2.getError();
            String code = error.getErrorCode() == null ? BearerTokenErrorCodes.INVALID_TOKEN : error.getErrorCode();
            String detail =
                    error.getDescription() == null || error.getDescription().isBlank()
                            ? GENERIC_INVALID
                            : error.getDescription();
            String challenge =
                    "Bearer error=\"" + quotable(code) + "\", error_description=\"" + quotable(detail) + "\"";
            return new UnauthenticatedAnswer(401, "Unauthorized", detail, challenge, null);
        }
        // RFC 6750 §3.1: a request without authentication gets no error code.
        return new UnauthenticatedAnswer(401, "Unauthorized", MISSING_TOKEN, "Bearer", null);
    }

    /** The RFC 9457 body, {@code application/problem+json}. */
    byte[] problem(String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        return JSONObjectUtils.toJSONString(problem).getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 6750 §3: error and error_description are limited to printable ASCII minus '"' and '\'. */
    private static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '\'');
        }
        return out.toString();
    }
}
