package io.github.betterauthjava.spring;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an unauthenticated request with 401, an RFC 6750 §3 {@code WWW-Authenticate: Bearer}
 * challenge ({@code error="invalid_token"} and a description when a token was given, a bare
 * challenge when none was, per §3.1) and an RFC 9457 {@code application/problem+json} body whose
 * {@code detail} says what to fix. Never a stack trace, never the token.
 *
 * <p>A token whose signing key or session cannot be checked right now
 * ({@link BetterAuthUnavailableException}) is answered 503 with {@code Retry-After} instead: the
 * token may well be good, and a 401 would sign its holder out because of an outage on our side.
 */
public final class BetterAuthAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String MISSING_TOKEN =
            "This request needs a Better Auth token: send the header 'Authorization: Bearer <token>'";
    private static final String GENERIC_INVALID = "The bearer token is invalid";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (failure instanceof BetterAuthUnavailableException unavailable) {
            response.resetBuffer();
            response.setHeader(
                    HttpHeaders.RETRY_AFTER, String.valueOf(BetterAuthUnavailableException.RETRY_AFTER_SECONDS));
            writeProblem(
                    request,
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "Service Unavailable",
                    unavailable.getMessage());
            return;
        }
        String challenge;
        String detail;
        if (failure instanceof OAuth2AuthenticationException oauth2) {
            OAuth2Error error = oauth2.getError();
            String code = error.getErrorCode() == null ? BearerTokenErrorCodes.INVALID_TOKEN : error.getErrorCode();
            detail = error.getDescription() == null || error.getDescription().isBlank()
                    ? GENERIC_INVALID
                    : error.getDescription();
            challenge = "Bearer error=\"" + quotable(code) + "\", error_description=\"" + quotable(detail) + "\"";
        } else {
            // RFC 6750 §3.1: a request without authentication gets no error code.
            challenge = "Bearer";
            detail = MISSING_TOKEN;
        }
        response.resetBuffer();
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        writeProblem(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }

    private static void writeProblem(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        byte[] body = JSONObjectUtils.toJSONString(problem).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
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
