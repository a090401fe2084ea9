package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The core on its own: its result type, its refusal type, and the rules that need no framework. */
class BetterAuthVerifierTest {

    private static BetterAuthVerifier verifier(JwksServer jwks) {
        return BetterAuthVerifier.create(BetterAuthSettings.builder(Tokens.ISSUER)
                .jwksUrl(jwks.url())
                .hs256Secret(Tokens.SECRET)
                .build());
    }

    @Test
    void returnsTheUserTheSessionAndTheClaims() {
        try (JwksServer jwks = JwksServer.withAllKeys();
                BetterAuthVerifier verifier = verifier(jwks)) {
            Instant now = Instant.now();
            VerifiedToken token =
                    verifier.verify(Tokens.sign(TestKeys.ED25519, Tokens.with(Tokens.claims(now), "sid", "sess-1")));
            assertThat(token.user()).isEqualTo(new BetterAuthUser(Tokens.USER, "ada@example.com", "Ada Lovelace"));
            assertThat(token.sessionId()).isEqualTo("sess-1");
            assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(now.getEpochSecond() + 900));
            assertThat(token.claims())
                    .containsEntry("emailVerified", false)
                    .containsEntry("aud", List.of(Tokens.ISSUER));
            assertThat(token.header()).containsEntry("kid", TestKeys.ED25519.getKeyID());
        }
    }

    @Test
    void refusesWithAnExceptionNamingTheOutcome() {
        try (JwksServer jwks = JwksServer.withAllKeys();
                BetterAuthVerifier verifier = verifier(jwks)) {
            String expired =
                    Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now().minusSeconds(3600)));
            assertThatThrownBy(() -> verifier.verify(expired))
                    .isInstanceOfSatisfying(
                            TokenRejectedException.class,
                            e -> assertThat(e.outcome()).isEqualTo(Outcome.EXPIRED))
                    .hasMessage("The token has expired");
        }
    }

    /** RFC 9864 names EdDSA over Ed25519 "Ed25519"; better-auth #11348 asks Better Auth to publish it. */
    @Test
    void acceptsAnOkpKeyWhoseAlgIsTheFullySpecifiedEd25519() {
        OctetKeyPair key = new OctetKeyPair.Builder(TestKeys.ed25519("ed25519-rfc9864"))
                .algorithm(JWSAlgorithm.Ed25519)
                .build();
        try (JwksServer jwks = new JwksServer(List.of(key));
                BetterAuthVerifier verifier = verifier(jwks)) {
            Map<String, Object> claims = Tokens.claims(Instant.now());
            assertThat(verifier.verify(Tokens.sign(key, claims)).user().id()).isEqualTo(Tokens.USER);
            assertThat(verifier.verify(Tokens.sign(key, Map.of("alg", "EdDSA", "kid", key.getKeyID()), claims))
                            .user()
                            .id())
                    .isEqualTo(Tokens.USER);
            assertThatThrownBy(() ->
                            verifier.verify(Tokens.sign(key, Map.of("alg", "ES256", "kid", key.getKeyID()), claims)))
                    .isInstanceOfSatisfying(
                            TokenRejectedException.class,
                            e -> assertThat(e.outcome()).isEqualTo(Outcome.BAD_ALGORITHM));
        }
    }

    @Test
    void acceptsHs256TokensCarryingOnlySubIatAndExp() {
        try (JwksServer jwks = JwksServer.withAllKeys();
                BetterAuthVerifier verifier = verifier(jwks)) {
            long now = Instant.now().getEpochSecond();
            assertThat(verifier.verify(Tokens.hs256(Map.of("sub", "u1", "iat", now, "exp", now + 60)))
                            .user()
                            .id())
                    .isEqualTo("u1");
        }
    }

    @Test
    void dependsOnNothingFromSpring() {
        assertThatThrownBy(() -> Class.forName("org.springframework.core.SpringVersion"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
