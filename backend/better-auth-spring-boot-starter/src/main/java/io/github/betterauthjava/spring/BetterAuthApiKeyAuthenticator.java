package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import jakarta.servlet.Filter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Better Auth API keys in a {@code SecurityFilterChain}, when {@code better-auth.api-keys.enabled=true}:
 * <pre>{@code
 * apiKeys.addTo(http, entryPoint)   // before the bearer token filter
 * }</pre>
 * The starter's default chain does this itself. Not a {@code Filter} bean on purpose: Spring Boot
 * would register such a bean as a servlet filter too, outside the security chain.
 */
public final class BetterAuthApiKeyAuthenticator {

    private final ApiKeyCheck check;
    private final String header;

    public BetterAuthApiKeyAuthenticator(ApiKeyCheck check, String header) {
        this.check = check;
        this.header = header;
    }

    /** Adds the API key filter before the bearer token filter; refusals go to {@code entryPoint}. */
    public HttpSecurity addTo(HttpSecurity http, AuthenticationEntryPoint entryPoint) {
        return http.addFilterBefore(filter(entryPoint), BearerTokenAuthenticationFilter.class);
    }

    /** The filter itself, for a chain assembled by hand. */
    public Filter filter(AuthenticationEntryPoint entryPoint) {
        return new BetterAuthApiKeyFilter(check, header, entryPoint);
    }

    /** The request header holding the key (for CORS and for logs that must leave it out). */
    public String header() {
        return header;
    }

    /** The check, for applications that verify a key outside a request. */
    public ApiKeyCheck check() {
        return check;
    }
}
