package io.github.betterauthjava.spring;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the token from {@code Authorization: Bearer <token>} only (RFC 6750 §2.1), never from a
 * query string, form body or cookie. The scheme is matched case-insensitively.
 *
 * <p>Behaves like Spring's {@code DefaultBearerTokenResolver} with query and form tokens off
 * (checked by a parity test) without its regular expression (see {@link BearerHeader}).
 */
public final class HeaderBearerTokenResolver implements BearerTokenResolver {

    @Override
    public String resolve(HttpServletRequest request) {
        return BearerHeader.token(request.getHeader(HttpHeaders.AUTHORIZATION));
    }
}
