package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BetterAuthSettingsTest {

    @Test
    void theBuilderDefaultsEverythingButTheUrl() {
        BetterAuthSettings settings =
                BetterAuthSettings.builder("https://auth.example.com/").build();
        assertThat(settings.url()).isEqualTo("https://auth.example.com");
        assertThat(settings.jwksUrl()).isEqualTo("https://auth.example.com/api/auth/jwks");
        assertThat(settings.acceptsHs256()).isFalse();
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.jwksTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.tokenCacheSize()).isEqualTo(10_000);
    }

    @Test
    void refusesABadValueNamingIt() {
        assertThatThrownBy(() -> BetterAuthSettings.builder("localhost:3000").build())
                .hasMessageContaining("better-auth.url (BETTER_AUTH_URL) must be an absolute http(s) URL");
        assertThatThrownBy(() ->
                        BetterAuthSettings.builder(null).hs256Secret("short").build())
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> BetterAuthSettings.builder(null)
                        .jwksTimeout(Duration.ofSeconds(10))
                        .build())
                .hasMessageContaining("better-auth.jwks-timeout");
    }

    @Test
    void neverPrintsTheSecret() {
        String secret = "a-shared-secret-of-at-least-32-characters!";
        assertThat(BetterAuthSettings.builder(null).hs256Secret(secret).build().toString())
                .doesNotContain(secret)
                .contains("hs256Secret=set");
    }
}
