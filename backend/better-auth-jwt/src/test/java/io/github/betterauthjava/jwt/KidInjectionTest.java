package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8725 §2.9 "Indirect Attacks on the Server": the kid is only ever a key in an in-memory
 * map, never a path, a query or a URL; hostile kids are unknown kids, answered without
 * hammering the JWKS endpoint.
 */
class KidInjectionTest {

    private final Verifier verifier = Verifier.withJwks();

    @AfterEach
    void close() {
        verifier.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../../../etc/passwd",
                "/dev/null",
                "..\\..\\windows\\win.ini",
                "' OR '1'='1",
                "1; DROP TABLE jwks; --",
                "\" UNION SELECT 'secret' --",
                "http://169.254.169.254/latest/meta-data/",
                "%2e%2e%2fetc%2fpasswd",
                "ed25519-1\u0000",
                "ed25519-1\r\nX-Injected: 1",
                "ED25519-1",
                " ed25519-1",
                "${jndi:ldap://x/a}"
            })
    void rejectsKidPathTraversalAndSqlishStringsAsUnknownKids(String kid) {
        String token = signedWithKid("\""
                + kid.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\r", "\\r")
                        .replace("\n", "\\n")
                        .replace("\u0000", "\\u0000")
                + "\"");
        verifier.rejects(token, Outcome.UNKNOWN_KID);
    }

    @Test
    void rejectsManyHostileKidsWithOneJwksFetch() {
        for (int i = 0; i < 50; i++) {
            verifier.rejects(signedWithKid("\"../../keys/" + i + "\""), Outcome.UNKNOWN_KID);
        }
        assertThat(verifier.jwks.fetches()).isEqualTo(1);
    }

    @Test
    void rejectsAnOverlongKidWithoutFetching() {
        verifier.rejects(signedWithKid("\"" + "k".repeat(1000) + "\""), Outcome.UNKNOWN_KID);
        assertThat(verifier.jwks.fetches()).isZero();
    }

    @Test
    void rejectsAMissingOrEmptyKid() {
        verifier.rejects(
                Tokens.signRaw(
                        Tokens.signer(TestKeys.ED25519),
                        JWSAlgorithm.EdDSA,
                        "{\"alg\":\"EdDSA\"}",
                        JSONObjectUtils.toJSONString(Tokens.claims(Instant.now()))),
                Outcome.UNKNOWN_KID);
        verifier.rejects(signedWithKid("\"\""), Outcome.UNKNOWN_KID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "null", "true", "[\"ed25519-1\"]", "{\"$ne\":\"\"}"})
    void rejectsANonStringKid(String kid) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(signedWithKid(kid)))
                .isInstanceOf(TokenRejectedException.class);
    }

    private static String signedWithKid(String kidJson) {
        return Tokens.signRaw(
                Tokens.signer(TestKeys.ED25519),
                JWSAlgorithm.EdDSA,
                "{\"alg\":\"EdDSA\",\"kid\":" + kidJson + "}",
                JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
    }
}
