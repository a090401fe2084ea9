package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
        VerifiedToken jwt = verifier.accepts(Tokens.hs256(Tokens.claims(Instant.now())));
        assertThat(jwt.user().id()).isEqualTo(Tokens.USER);
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
    void exposesTheVerifiedClaimsAndHeader() {
        Instant now = Instant.now();
        VerifiedToken jwt = verifier.accepts(Tokens.sign(TestKeys.ED25519, Tokens.claims(now)));
        assertThat(jwt.claims()).containsEntry("iss", Tokens.ISSUER).containsEntry("email", "ada@example.com");
        assertThat(jwt.expiresAt()).isEqualTo(Instant.ofEpochSecond(now.getEpochSecond() + 900));
        assertThat(jwt.user().email()).isEqualTo("ada@example.com");
        assertThat(jwt.header()).containsEntry("kid", TestKeys.ED25519.getKeyID());
    }

    private void assertAccepted(JWK key) {
        VerifiedToken jwt = verifier.accepts(Tokens.sign(key, Tokens.claims(Instant.now())));
        assertThat(jwt.user().id()).isEqualTo(Tokens.USER);
        assertThat(verifier.count(Outcome.ACCEPTED)).isEqualTo(1);
    }
}
