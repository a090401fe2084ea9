package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import io.github.betterauthjava.jwt.Outcome;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Every algorithm Better Auth's jwt plugin can sign with verifies, with the key the kid names. */
class AlgorithmsTest {

    private final Verifier verifier = Verifier.withSecret();

    @AfterEach
    void close() {
        verifier.close();
    }

    @Test
    void acceptsEdDsaEd25519TheBetterAuthDefault() {
        assertAccepted(TestKeys.ED25519);
    }

    @Test
    void acceptsEs256OnP256() {
        assertAccepted(TestKeys.P256);
    }

    @Test
    void acceptsEs512OnP521() {
        assertAccepted(TestKeys.P521);
    }

    @Test
    void acceptsRs256() {
        assertAccepted(TestKeys.RS256);
    }

    @Test
    void acceptsPs256() {
        assertAccepted(TestKeys.PS256);
    }

    @Test
    void acceptsHs256SignedWithTheConfiguredSecret() {
        Jwt jwt = verifier.accepts(Tokens.hs256(Tokens.claims(Instant.now())));
        assertThat(jwt.getSubject()).isEqualTo(Tokens.USER);
    }

    @Test
    void acceptsHs256WithoutAudBecauseOnlyAPresentAudIsChecked() {
        verifier.accepts(Tokens.hs256(Tokens.without(Tokens.claims(Instant.now()), "aud")));
    }

    @Test
    void fetchesTheJwksOnceForManyTokensAndKeys() {
        for (JWK key : TestKeys.ALL) {
            verifier.accepts(Tokens.sign(key, Tokens.claims(Instant.now())));
        }
        assertThat(verifier.jwks.fetches()).isEqualTo(1);
    }

    @Test
    void exposesTheClaimsAsASpringJwt() {
        Instant now = Instant.now();
        Jwt jwt = verifier.accepts(Tokens.sign(TestKeys.ED25519, Tokens.claims(now)));
        assertThat(jwt.getIssuer().toString()).isEqualTo(Tokens.ISSUER);
        assertThat(jwt.getAudience()).containsExactly(Tokens.ISSUER);
        assertThat(jwt.getExpiresAt()).isEqualTo(Instant.ofEpochSecond(now.getEpochSecond() + 900));
        assertThat(jwt.getIssuedAt()).isEqualTo(Instant.ofEpochSecond(now.getEpochSecond()));
        assertThat(jwt.getClaimAsString("email")).isEqualTo("ada@example.com");
        assertThat(jwt.getHeaders()).containsEntry("kid", TestKeys.ED25519.getKeyID());
    }

    private void assertAccepted(JWK key) {
        Jwt jwt = verifier.accepts(Tokens.sign(key, Tokens.claims(Instant.now())));
        assertThat(jwt.getSubject()).isEqualTo(Tokens.USER);
        assertThat(verifier.count(Outcome.ACCEPTED)).isEqualTo(1);
    }
}
