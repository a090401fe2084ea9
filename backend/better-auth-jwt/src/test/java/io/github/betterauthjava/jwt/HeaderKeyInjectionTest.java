package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 8725 §3.10 "Do Not Trust Received Claims" and §2.9 "Indirect Attacks on the Server": a
 * key the token carries ({@code jwk}, {@code x5c}) or points to ({@code jku}, {@code x5u}) is
 * never used or fetched; RFC 7515 §4.1.11: unknown critical extensions are refused.
 */
class HeaderKeyInjectionTest {

    private final Verifier verifier = Verifier.withJwks();
    /** The attacker's own key pair and JWKS: it must never be fetched. */
    private final OctetKeyPair attacker = TestKeys.ed25519("ed25519-1");

    private final JwksServer attackerJwks = new JwksServer(List.of(attacker));

    @AfterEach
    void close() {
        verifier.close();
        attackerJwks.close();
    }

    @Test
    void rejectsAnEmbeddedJwkHeaderKey() {
        verifier.rejects(attackerToken("jwk", attacker.toPublicJWK().toJSONObject()), Outcome.FORBIDDEN_HEADER);
    }

    @Test
    void rejectsAJkuHeaderAndNeverFetchesIt() {
        verifier.rejects(attackerToken("jku", attackerJwks.url()), Outcome.FORBIDDEN_HEADER);
        assertThat(attackerJwks.fetches()).isZero();
    }

    @Test
    void rejectsAnX5uHeaderAndNeverFetchesIt() {
        verifier.rejects(attackerToken("x5u", attackerJwks.url()), Outcome.FORBIDDEN_HEADER);
        assertThat(attackerJwks.fetches()).isZero();
    }

    @Test
    void rejectsAnX5cHeaderCertificateChain() {
        verifier.rejects(
                attackerToken("x5c", List.of("MIIBszCCAVmgAwIBAgIUZm9yZ2VkLWNlcnRpZmljYXRlMAoGCCqGSM49BAMC")),
                Outcome.FORBIDDEN_HEADER);
    }

    @Test
    void rejectsHeaderKeysEvenOnATokenSignedWithTheRealKey() {
        Map<String, Object> header = new LinkedHashMap<>(Tokens.header(TestKeys.ED25519));
        header.put("jwk", TestKeys.ED25519.toPublicJWK().toJSONObject());
        verifier.rejects(Tokens.sign(TestKeys.ED25519, header, Tokens.claims(Instant.now())), Outcome.FORBIDDEN_HEADER);
    }

    @Test
    void rejectsAnUnknownCriticalHeader() {
        Map<String, Object> header = new LinkedHashMap<>(Tokens.header(TestKeys.ED25519));
        header.put("crit", List.of("exp-override"));
        header.put("exp-override", 9_999_999_999L);
        verifier.rejects(Tokens.sign(TestKeys.ED25519, header, Tokens.claims(Instant.now())), Outcome.FORBIDDEN_HEADER);
    }

    @Test
    void rejectsTheUnencodedPayloadExtensionB64() {
        // RFC 7797 changes what is signed; Better Auth never uses it.
        Map<String, Object> header = new LinkedHashMap<>(Tokens.header(TestKeys.ED25519));
        header.put("b64", false);
        header.put("crit", List.of("b64"));
        String token = Tokens.sign(TestKeys.ED25519, header, Tokens.claims(Instant.now()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenRejectedException.class);
    }

    private String attackerToken(String name, Object value) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("kid", attacker.getKeyID());
        header.put(name, value);
        return Tokens.signRaw(
                Tokens.signer(attacker),
                JWSAlgorithm.EdDSA,
                JSONObjectUtils.toJSONString(header),
                JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
    }
}
