package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import io.github.betterauthjava.jwt.ApiKeyCheckSettings;
import io.github.betterauthjava.jwt.BetterAuthApiKey;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/** What HTTP does not show: the blocking lookup leaves the calling (event loop) thread, and a refusal's path. */
class BetterAuthReactiveApiKeyAuthenticatorTest {

    private final AtomicReference<String> lookedUpOn = new AtomicReference<>();
    private final AtomicReference<AuthenticationException> refused = new AtomicReference<>();
    private final AtomicReference<Authentication> seen = new AtomicReference<>();

    private WebFilter filter(Optional<BetterAuthApiKey> answer) {
        ApiKeyCheck check = new ApiKeyCheck(ApiKeyCheckSettings.defaults(), hash -> {
            lookedUpOn.set(Thread.currentThread().getName());
            return answer;
        });
        return new BetterAuthReactiveApiKeyAuthenticator(check, "x-api-key").filter((exchange, failure) -> {
            refused.set(failure);
            return Mono.empty();
        });
    }

    private void send(WebFilter filter, MockServerHttpRequest.BaseBuilder<?> request) {
        filter.filter(
                        MockServerWebExchange.from(request),
                        exchange -> ReactiveSecurityContextHolder.getContext()
                                .doOnNext(context -> seen.set(context.getAuthentication()))
                                .then())
                .block();
    }

    @Test
    void looksTheKeyUpOnBoundedElasticAndAuthenticatesItsOwner() {
        BetterAuthApiKey key = new BetterAuthApiKey("key-1", "user-1", true, null, "user-1@example.com", "U");

        send(filter(Optional.of(key)), MockServerHttpRequest.get("/me").header("x-api-key", "secret-key"));

        assertThat(lookedUpOn.get())
                .startsWith("boundedElastic")
                .isNotEqualTo(Thread.currentThread().getName());
        assertThat(refused.get()).isNull();
        assertThat(seen.get()).isInstanceOf(BetterAuthApiKeyAuthentication.class);
        assertThat(seen.get().getName()).isEqualTo("user-1");
        assertThat(seen.get().getCredentials()).isNull();
    }

    @Test
    void anUnknownKeyGoesToTheEntryPointAndNotOnTheChain() {
        send(filter(Optional.empty()), MockServerHttpRequest.get("/me").header("x-api-key", "secret-key"));

        assertThat(refused.get()).hasMessage(BetterAuthApiKeyFilter.REFUSED);
        assertThat(seen.get()).isNull();
    }

    @Test
    void aRequestWithoutTheHeaderPassesThroughWithoutALookup() {
        send(filter(Optional.empty()), MockServerHttpRequest.get("/me"));

        assertThat(lookedUpOn.get()).isNull();
        assertThat(refused.get()).isNull();
    }
}
