package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import io.github.betterauthjava.jwt.ApiKeysUnavailableException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Better Auth API keys in a WebFlux {@code SecurityWebFilterChain}, when
 * {@code better-auth.api-keys.enabled=true}: the reactive {@link BetterAuthApiKeyAuthenticator}, with
 * the same rules and answers.
 * <pre>{@code
 * apiKeys.addTo(http, entryPoint)   // before the bearer token's authentication
 * }</pre>
 * The starter's default reactive chain does this itself. A request without the header passes
 * through untouched; a refused key (unknown, revoked, disabled, expired, ownerless) is a 401, a key
 * that cannot be checked a 503, and a key sent with an {@code Authorization} header a 401, all
 * through {@code entryPoint}. The check's JDBC lookup runs on {@code Schedulers.boundedElastic()},
 * never on the event loop. The key is never logged or echoed.
 */
public final class BetterAuthReactiveApiKeyAuthenticator {

    private final ApiKeyCheck check;
    private final String header;

    public BetterAuthReactiveApiKeyAuthenticator(ApiKeyCheck check, String header) {
        this.check = check;
        this.header = header;
    }

    /** Adds the API key filter before the bearer token's authentication; refusals go to {@code entryPoint}. */
    public ServerHttpSecurity addTo(ServerHttpSecurity http, ServerAuthenticationEntryPoint entryPoint) {
        return http.addFilterBefore(filter(entryPoint), SecurityWebFiltersOrder.AUTHENTICATION);
    }

    /** The filter itself, for a chain assembled by hand. */
    public WebFilter filter(ServerAuthenticationEntryPoint entryPoint) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager());
        filter.setServerAuthenticationConverter(converter());
        ServerAuthenticationEntryPointFailureHandler failures =
                new ServerAuthenticationEntryPointFailureHandler(entryPoint);
        // The 503 (ApiKeyCheckUnavailableException) is the entry point's to answer, not a 500.
        failures.setRethrowAuthenticationServiceException(false);
        filter.setAuthenticationFailureHandler(failures);
        // Stateless, as the default chain: the key is checked on every request.
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    /** The request header holding the key (for CORS and for logs that must leave it out). */
    public String header() {
        return header;
    }

    /** The check, for applications that verify a key outside a request. */
    public ApiKeyCheck check() {
        return check;
    }

    private ServerAuthenticationConverter converter() {
        return exchange -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            String key = headers.getFirst(header);
            if (key == null) {
                return Mono.empty();
            }
            if (headers.getFirst(HttpHeaders.AUTHORIZATION) != null) {
                return Mono.error(new InvalidBearerTokenException(BetterAuthApiKeyFilter.BOTH));
            }
            return Mono.just(new PresentedKey(key.strip()));
        };
    }

    private ReactiveAuthenticationManager manager() {
        return presented -> Mono.fromCallable(() -> check.verify(((PresentedKey) presented).key))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(
                        ApiKeysUnavailableException.class, e -> new ApiKeyCheckUnavailableException(e.getMessage(), e))
                .flatMap(found -> found.<Mono<Authentication>>map(
                                key -> Mono.just(new BetterAuthApiKeyAuthentication(key)))
                        .orElseGet(() -> Mono.error(new InvalidBearerTokenException(BetterAuthApiKeyFilter.REFUSED))));
    }

    /** The key as sent, not yet checked; its {@code toString} never shows it. */
    private static final class PresentedKey extends AbstractAuthenticationToken {

        private final transient String key;

        PresentedKey(String key) {
            super(List.of());
            this.key = key;
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return null;
        }

        @Override
        public String toString() {
            return "PresentedKey[key hidden]";
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
