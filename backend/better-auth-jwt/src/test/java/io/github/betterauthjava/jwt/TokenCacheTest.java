package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Verified tokens are cached (bounded, by SHA-256 of the token) and never served past exp. */
class TokenCacheTest {

    @Test
    void servesARepeatedTokenFromTheCache() {
        try (Verifier verifier = Verifier.withJwks()) {
            String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(verifier.clock.instant()));
            verifier.accepts(token);
            verifier.accepts(token);
            verifier.accepts(token);
            assertThat(verifier.count(Outcome.ACCEPTED)).isEqualTo(1);
            assertThat(verifier.count(Outcome.CACHED)).isEqualTo(2);
        }
    }

    @Test
    void neverServesACachedTokenPastItsExp() {
        try (Verifier verifier = Verifier.with(JwksServer.withAllKeys(), null, Duration.ZERO)) {
            String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(verifier.clock.instant()));
            verifier.accepts(token);
            verifier.clock.advance(Duration.ofSeconds(900));
            verifier.rejects(token, Outcome.EXPIRED);
            assertThat(verifier.count(Outcome.CACHED)).isZero();
        }
    }

    @Test
    void reverifiesRatherThanServesFromCacheWithinTheSkewAfterExp() {
        try (Verifier verifier = Verifier.withJwks()) {
            String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(verifier.clock.instant()));
            verifier.accepts(token);
            verifier.clock.advance(Duration.ofSeconds(930));
            verifier.accepts(token);
            assertThat(verifier.count(Outcome.CACHED)).isZero();
            assertThat(verifier.count(Outcome.ACCEPTED)).isEqualTo(2);
        }
    }

    @Test
    void keysTheCacheByTheWholeTokenSoAForgedSignatureOnACachedPayloadFails() {
        try (Verifier verifier = Verifier.withJwks()) {
            String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(verifier.clock.instant()));
            verifier.accepts(token);
            String[] parts = token.split("\\.");
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            signature[0] ^= 0x40;
            verifier.rejects(
                    parts[0] + "." + parts[1] + "."
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(signature),
                    Outcome.BAD_SIGNATURE);
        }
    }

    @Test
    void staysWithinItsConfiguredSize() {
        JwksServer jwks = JwksServer.withAllKeys();
        var settings = BetterAuthSettings.builder(Tokens.ISSUER)
                .jwksUrl(jwks.url())
                .tokenCacheSize(3)
                .build();
        try (jwks;
                JwksKeys keys = new JwksKeys(settings)) {
            var decoder = BetterAuthVerifier.builder(settings).keys(keys).build();
            for (int i = 0; i < 50; i++) {
                decoder.verify(
                        Tokens.sign(TestKeys.ED25519, Tokens.with(Tokens.claims(Instant.now()), "jti", "t" + i)));
            }
            assertThat(decoder.cachedTokens()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void cachesNothingWhenTheSizeIsZero() {
        JwksServer jwks = JwksServer.withAllKeys();
        var settings = BetterAuthSettings.builder(Tokens.ISSUER)
                .jwksUrl(jwks.url())
                .tokenCacheSize(0)
                .build();
        try (jwks;
                JwksKeys keys = new JwksKeys(settings)) {
            var decoder = BetterAuthVerifier.builder(settings).keys(keys).build();
            String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
            decoder.verify(token);
            decoder.verify(token);
            assertThat(decoder.cachedTokens()).isZero();
        }
    }
}
