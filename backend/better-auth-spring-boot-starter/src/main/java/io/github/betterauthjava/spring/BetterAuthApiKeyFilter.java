package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import io.github.betterauthjava.jwt.ApiKeysUnavailableException;
import io.github.betterauthjava.jwt.BetterAuthApiKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries a Better Auth API key in its header (Spring Security has
 * no API-key authentication of its own). Placed before the bearer token filter; a request without
 * the header passes through untouched. The key is checked by the core's {@link ApiKeyCheck}; a
 * refused key is a 401 and a key that cannot be checked a 503, both through the chain's entry point.
 * A request with both a key and an {@code Authorization} header is refused: one credential decides
 * who the caller is, never whichever filter ran last. The key is never logged or echoed.
 */
final class BetterAuthApiKeyFilter extends OncePerRequestFilter {

    static final String REFUSED = "The API key is unknown, revoked, disabled or expired";
    static final String BOTH = "Send either an API key or an Authorization header, not both";

    private final ApiKeyCheck check;
    private final String header;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BetterAuthApiKeyFilter(ApiKeyCheck check, String header, AuthenticationEntryPoint entryPoint) {
        this.check = check;
        this.header = header;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(header);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            entryPoint.commence(request, response, new InvalidBearerTokenException(BOTH));
            return;
        }
        Optional<BetterAuthApiKey> found;
        try {
            found = check.verify(key.strip());
        } catch (ApiKeysUnavailableException e) {
            entryPoint.commence(request, response, new ApiKeyCheckUnavailableException(e.getMessage(), e));
            return;
        }
        if (found.isEmpty()) {
            entryPoint.commence(request, response, new InvalidBearerTokenException(REFUSED));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new BetterAuthApiKeyAuthentication(found.get()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
