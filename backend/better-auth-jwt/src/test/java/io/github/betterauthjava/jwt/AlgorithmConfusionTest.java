package io.github.betterauthjava.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 8725 §3.1 "Perform Algorithm Verification" and §2.1's key-confusion attack: the
 * algorithm comes from the key, so a public key is never an HMAC secret and one key's
 * signature never passes as another algorithm's.
 */
class AlgorithmConfusionTest {

    private final Verifier withSecret = Verifier.withSecret();
    private final Verifier withoutSecret = Verifier.withJwks();

    @AfterEach
    void close() {
        withSecret.close();
        withoutSecret.close();
    }

    @Test
    void rejectsHmacSignedWithThePublicKeyAsPem() throws Exception {
        for (JWK key : TestKeys.ALL) {
            byte[] der = TestKeys.publicKeyDer(key);
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
            assertRejectedAsHmac(key, pem.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void rejectsHmacSignedWithThePublicKeyAsDer() throws Exception {
        for (JWK key : TestKeys.ALL) {
            byte[] der = TestKeys.publicKeyDer(key);
            // MACSigner refuses secrets under 256 bits: an Ed25519 SPKI is 44 bytes, fine.
            assertRejectedAsHmac(key, der);
        }
    }

    @Test
    void rejectsHmacSignedWithThePublicKeyAsJwkJson() {
        for (JWK key : TestKeys.ALL) {
            assertRejectedAsHmac(key, key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
            assertRejectedAsHmac(
                    key,
                    JSONObjectUtils.toJSONString(
                                    Map.of("keys", List.of(key.toPublicJWK().toJSONObject())))
                            .getBytes(StandardCharsets.UTF_8));
        }
    }

    private void assertRejectedAsHmac(JWK key, byte[] publicKeyBytes) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("kid", key.getKeyID());
        String token = Tokens.hs256(publicKeyBytes, header, Tokens.claims(Instant.now()));
        withoutSecret.rejects(token, Outcome.HS256_DISABLED);
        withSecret.rejects(token, Outcome.BAD_SIGNATURE);
    }

    @Test
    void rejectsHs256WhenNoSecretIsConfigured() {
        withoutSecret.rejects(Tokens.hs256(Tokens.claims(Instant.now())), Outcome.HS256_DISABLED);
    }

    @Test
    void rejectsHs384AndHs512EvenWithASecret() throws Exception {
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
            byte[] secret = (Tokens.SECRET + Tokens.SECRET).getBytes(StandardCharsets.UTF_8);
            String token = Tokens.signRaw(
                    new com.nimbusds.jose.crypto.MACSigner(secret),
                    alg,
                    "{\"alg\":\"" + alg.getName() + "\"}",
                    JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
            withSecret.rejects(token, Outcome.BAD_ALGORITHM);
        }
    }

    @Test
    void rejectsAnEd25519SignatureClaimingEs256OnTheEcKid() {
        assertSubstitutionRejected(
                TestKeys.ED25519, JWSAlgorithm.EdDSA, "ES256", TestKeys.P256.getKeyID(), Outcome.BAD_SIGNATURE);
    }

    @Test
    void rejectsAnEs256SignatureClaimingEdDsaOnTheEdKid() {
        assertSubstitutionRejected(
                TestKeys.P256, JWSAlgorithm.ES256, "EdDSA", TestKeys.ED25519.getKeyID(), Outcome.BAD_SIGNATURE);
    }

    @Test
    void rejectsAnRs256SignatureClaimingEdDsaOnTheEdKid() {
        assertSubstitutionRejected(
                TestKeys.RS256, JWSAlgorithm.RS256, "EdDSA", TestKeys.ED25519.getKeyID(), Outcome.BAD_SIGNATURE);
    }

    @Test
    void rejectsAHeaderAlgOtherThanTheOneItsKidIsPinnedTo() {
        // The attacker names a real kid but another algorithm: refused before any verification.
        assertSubstitutionRejected(
                TestKeys.ED25519, JWSAlgorithm.EdDSA, "EdDSA", TestKeys.P256.getKeyID(), Outcome.BAD_ALGORITHM);
        assertSubstitutionRejected(
                TestKeys.P256, JWSAlgorithm.ES256, "ES256", TestKeys.ED25519.getKeyID(), Outcome.BAD_ALGORITHM);
        assertSubstitutionRejected(
                TestKeys.RS256, JWSAlgorithm.RS256, "RS256", TestKeys.P521.getKeyID(), Outcome.BAD_ALGORITHM);
        assertSubstitutionRejected(
                TestKeys.PS256, JWSAlgorithm.PS256, "PS256", TestKeys.RS256.getKeyID(), Outcome.BAD_ALGORITHM);
    }

    @Test
    void rejectsAnEs512HeaderOnAP256Key() {
        assertSubstitutionRejected(
                TestKeys.P256, JWSAlgorithm.ES256, "ES512", TestKeys.P256.getKeyID(), Outcome.BAD_ALGORITHM);
    }

    @Test
    void rejectsRs256OnAKeyPinnedToPs256EvenSignedByThatKey() throws Exception {
        // Same RSA private key, other padding: the JWKS alg (PS256) pins it.
        var signer = new com.nimbusds.jose.crypto.RSASSASigner(TestKeys.PS256);
        String token = Tokens.signRaw(
                signer,
                JWSAlgorithm.RS256,
                "{\"alg\":\"RS256\",\"kid\":\"ps256-1\"}",
                JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
        withoutSecret.rejects(token, Outcome.BAD_ALGORITHM);
    }

    @Test
    void rejectsAValidSignatureFromOneKeyUnderAnotherKeysKid() {
        Map<String, Object> header = Map.of("alg", "ES256", "kid", "es256-1");
        var other = TestKeys.ec(com.nimbusds.jose.jwk.Curve.P_256, JWSAlgorithm.ES256, "es256-1");
        withoutSecret.rejects(Tokens.sign(other, header, Tokens.claims(Instant.now())), Outcome.BAD_SIGNATURE);
    }

    @Test
    void rejectsUnknownAlgorithmNames() {
        for (String alg : List.of("ES256K", "EdDSA448", "RS1", "eddsa", "", "HS256 ")) {
            String token = Tokens.signRaw(
                    Tokens.signer(TestKeys.ED25519),
                    JWSAlgorithm.EdDSA,
                    "{\"alg\":\"" + alg + "\",\"kid\":\"ed25519-1\"}",
                    JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> withoutSecret.verify(token))
                    .as(alg)
                    .isInstanceOf(TokenRejectedException.class);
        }
    }

    private void assertSubstitutionRejected(
            JWK signingKey, JWSAlgorithm signingAlg, String claimedAlg, String claimedKid, Outcome outcome) {
        String token = Tokens.signRaw(
                Tokens.signer(signingKey),
                signingAlg,
                "{\"alg\":\"" + claimedAlg + "\",\"kid\":\"" + claimedKid + "\"}",
                JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
        withoutSecret.rejects(token, outcome);
    }
}
