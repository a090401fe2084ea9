package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.betterauthjava.jwt.BetterAuthSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 1.1: defaults as documented, and a bad value stops the start with a message naming it. */
class BetterAuthPropertiesTest {

    private static BetterAuthProperties of(String url, String jwksUrl, String secret) {
        return new BetterAuthProperties(url, jwksUrl, secret, null, null, null, null, null, null, null, null);
    }

    @Test
    void defaultsToLocalBetterAuthAndItsJwksPath() {
        BetterAuthProperties properties = of(null, null, null);
        assertThat(properties.settings().url()).isEqualTo("http://localhost:3000");
        assertThat(properties.settings().jwksUrl()).isEqualTo("http://localhost:3000/api/auth/jwks");
        assertThat(properties.settings().hs256Secret()).isNull();
        assertThat(properties.settings().acceptsHs256()).isFalse();
        assertThat(properties.settings().clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.settings().jwksTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.settings().jwksMinRefetchInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void derivesTheJwksUrlFromTheUrlAndDropsATrailingSlashLikeBetterAuth() {
        BetterAuthProperties properties = of("https://auth.example.com/", null, null);
        assertThat(properties.settings().url()).isEqualTo("https://auth.example.com");
        assertThat(properties.settings().jwksUrl()).isEqualTo("https://auth.example.com/api/auth/jwks");
    }

    @Test
    void treatsABlankSecretAsUnset() {
        assertThat(of(null, null, "  ").settings().acceptsHs256()).isFalse();
    }

    @Test
    void refusesASecretShorterThan32Characters() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> of(null, null, "x".repeat(31)))
                .withMessageContaining("BETTER_AUTH_HS256_SECRET")
                .withMessageContaining("at least 32");
    }

    @Test
    void acceptsASecretOf32Characters() {
        assertThat(of(null, null, "x".repeat(32)).settings().acceptsHs256()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost:3000",
                "ftp://auth.example.com",
                "http://",
                "not a url",
                "http://exa mple.com",
                "/api/auth"
            })
    void refusesAMalformedUrl(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> of(url, null, null))
                .withMessageContaining("BETTER_AUTH_URL");
    }

    @Test
    void refusesAMalformedJwksUrl() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> of(null, "jwks.json", null))
                .withMessageContaining("BETTER_AUTH_JWKS_URL");
    }

    @Test
    void refusesUserInfoInTheUrlWithoutEchoingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> of("https://admin:hunter2@auth.example.com", null, null))
                .withMessageNotContaining("hunter2");
    }

    @Test
    void refusesAClockSkewOverSixtySeconds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BetterAuthProperties(
                        null, null, null, Duration.ofSeconds(61), null, null, null, 65536, 8192, 10L, null))
                .withMessageContaining("clock-skew");
    }

    @Test
    void refusesAJwksTimeoutOverThreeSeconds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BetterAuthProperties(
                        null, null, null, null, Duration.ofSeconds(4), null, null, 65536, 8192, 10L, null))
                .withMessageContaining("jwks-timeout");
    }

    @Test
    void unsetValuesTakeTheCoresDefaults() {
        assertThat(BetterAuthProperties.of("https://auth.example.com").settings())
                .isEqualTo(
                        BetterAuthSettings.builder("https://auth.example.com").build());
    }

    @Test
    void neverPrintsTheSecret() {
        String secret = "s".repeat(40);
        assertThat(of(null, null, secret).toString()).doesNotContain(secret).contains("hs256Secret=set");
    }
}
