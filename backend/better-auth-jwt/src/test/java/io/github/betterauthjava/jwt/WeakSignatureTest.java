package io.github.betterauthjava.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8725 §2.1 "Weak Signatures and Insufficient Signature Validation", §3.1 "Perform
 * Algorithm Verification": unsigned and forged tokens never pass.
 */
class WeakSignatureTest {

    private final Verifier verifier = Verifier.withSecret();

    @AfterEach
    void close() {
        verifier.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void rejectsAlgNoneInEveryCasingWithAnEmptySignature(String none) {
        String token = Tokens.b64("{\"alg\":\"" + none + "\",\"kid\":\"ed25519-1\"}") + "."
                + Tokens.b64(JSONObjectUtils.toJSONString(Tokens.claims(Instant.now()))) + ".";
        Verifier.rejects(() -> verifier.verify(token), Outcome.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void rejectsAlgNoneInEveryCasingEvenWithARealSignature(String none) {
        String token = Tokens.signRaw(
                Tokens.signer(TestKeys.ED25519),
                JWSAlgorithm.EdDSA,
                "{\"alg\":\"" + none + "\",\"kid\":\"ed25519-1\"}",
                JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void rejectsATokenWithoutItsSignatureSegment() {
        String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
        String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
        verifier.rejects(unsigned, Outcome.MALFORMED);
    }

    @Test
    void rejectsATamperedPayload() {
        String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
        String[] parts = token.split("\\.");
        String forged =
                Tokens.b64(JSONObjectUtils.toJSONString(Tokens.with(Tokens.claims(Instant.now()), "sub", "admin")));
        verifier.rejects(parts[0] + "." + forged + "." + parts[2], Outcome.BAD_SIGNATURE);
    }

    @Test
    void rejectsATamperedSignatureForEveryKey() {
        for (var key : TestKeys.ALL) {
            String token = Tokens.sign(key, Tokens.claims(Instant.now()));
            String[] parts = token.split("\\.");
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            signature[signature.length / 2] ^= 0x01;
            String tampered = parts[0] + "." + parts[1] + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
            verifier.rejects(tampered, Outcome.BAD_SIGNATURE);
        }
    }

    @Test
    void rejectsATamperedHs256Signature() {
        String token = Tokens.hs256(Tokens.claims(Instant.now()));
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        verifier.rejects(tampered, Outcome.BAD_SIGNATURE);
    }

    @Test
    void rejectsHs256SignedWithAnotherSecret() {
        String token = Tokens.hs256(
                "another-secret-that-is-long-enough-too!!".getBytes(),
                Map.of("alg", "HS256"),
                Tokens.claims(Instant.now()));
        verifier.rejects(token, Outcome.BAD_SIGNATURE);
    }

    @Test
    void rejectsEcdsaSignaturesInDerInsteadOfJoseRawRs() throws Exception {
        // RFC 7518 §3.4: ES256 signatures are R‖S (64 bytes), never ASN.1 DER.
        String input = Tokens.b64("{\"alg\":\"ES256\",\"kid\":\"es256-1\"}") + "."
                + Tokens.b64(JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
        java.security.Signature der = java.security.Signature.getInstance("SHA256withECDSA");
        der.initSign(TestKeys.P256.toECPrivateKey());
        der.update(input.getBytes());
        String token = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(der.sign());
        verifier.rejects(token, Outcome.BAD_SIGNATURE);
    }

    @Test
    void rejectsThePsychicSignatureAllZeroEcdsa() {
        // CVE-2022-21449: r = s = 0 verified on some JDKs.
        String input = Tokens.b64("{\"alg\":\"ES256\",\"kid\":\"es256-1\"}") + "."
                + Tokens.b64(JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
        String token = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
        verifier.rejects(token, Outcome.BAD_SIGNATURE);
    }
}
