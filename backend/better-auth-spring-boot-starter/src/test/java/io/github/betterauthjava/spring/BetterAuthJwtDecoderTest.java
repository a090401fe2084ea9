package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.BetterAuthSessions;
import io.github.betterauthjava.jwt.Outcome;
import io.github.betterauthjava.jwt.SessionCheckMode;
import io.github.betterauthjava.jwt.SessionsUnavailableException;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * How the decoder carries the core's answers into Spring: a verified token as a Spring Jwt, a
 * refusal as a BadJwtException (401) with its outcome, an outage as an unavailable exception (503). The rules themselves are tested in the core.
 */
class BetterAuthJwtDecoderTest {

    private final Verifier verifier = Verifier.withSecret();

    @AfterEach
    void close() {
        verifier.close();
    }

    @Test
    void exposesTheClaimsAsASpringJwt() {
        Instant now = Instant.now();
        Jwt jwt = verifier.accepts(Tokens.sign(TestKeys.ED25519, Tokens.claims(now)));
        assertThat(jwt.getSubject()).isEqualTo(Tokens.USER);
        assertThat(jwt.getIssuer().toString()).isEqualTo(Tokens.ISSUER);
        assertThat(jwt.getAudience()).containsExactly(Tokens.ISSUER);
        assertThat(jwt.getExpiresAt()).isEqualTo(Instant.ofEpochSecond(now.getEpochSecond() + 900));
        assertThat(jwt.getIssuedAt()).isEqualTo(Instant.ofEpochSecond(now.getEpochSecond()));
        assertThat(jwt.getClaimAsString("email")).isEqualTo("ada@example.com");
        assertThat(jwt.getHeaders()).containsEntry("kid", TestKeys.ED25519.getKeyID());
        assertThat(verifier.count(Outcome.ACCEPTED)).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsABadJwtCarryingItsOutcome() {
        verifier.rejects(
                Tokens.sign(TestKeys.ED25519, Tokens.with(Tokens.claims(Instant.now()), "iss", "https://evil.example")),
                Outcome.BAD_ISSUER);
        verifier.rejects("not a token", Outcome.MALFORMED);
    }

    @Test
    void keysThatCannotBeFetchedAreSigningKeysUnavailableNotABadJwt() {
        verifier.jwks.mode(JwksServer.Mode.DOWN);
        verifier.unavailable(Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now())));
    }

    @Test
    void aSessionStoreThatCannotAnswerIsSessionCheckUnavailableWithTheStoresDetail() {
        BetterAuthSessions down = id -> {
            throw new SessionsUnavailableException("Better Auth's session table does not exist");
        };
        try (Verifier withSessions =
                Verifier.withSessions(SessionCheckProperties.of(SessionCheckMode.REQUIRED), down)) {
            String token = Tokens.sign(TestKeys.ED25519, Tokens.with(Tokens.claims(Instant.now()), "sid", "s1"));
            assertThatThrownBy(() -> withSessions.accepts(token))
                    .isExactlyInstanceOf(SessionCheckUnavailableException.class)
                    .isNotInstanceOf(org.springframework.security.oauth2.jwt.BadJwtException.class)
                    .hasMessage("Better Auth's session table does not exist");
        }
    }
}
