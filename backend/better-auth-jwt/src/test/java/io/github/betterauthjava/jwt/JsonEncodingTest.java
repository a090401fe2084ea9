package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 8725 §2.6 "Multiplicity of JSON Encodings" and §3.7 "Use UTF-8": a token whose JSON
 * could be read two ways (duplicate members) or is not a JSON object is refused, even when
 * correctly signed.
 */
class JsonEncodingTest {

    private final Verifier verifier = Verifier.withJwks();

    @AfterEach
    void close() {
        verifier.close();
    }

    @Test
    void rejectsDuplicateMembersInThePayload() {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"sub\":\"alice\",\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.ISSUER
                + "\",\"exp\":" + (now + 600) + ",\"sub\":\"admin\"}";
        verifier.rejects(sign("{\"alg\":\"EdDSA\",\"kid\":\"ed25519-1\"}", payload), Outcome.MALFORMED);
    }

    @Test
    void rejectsDuplicateExpSoNoReaderSeesALaterOne() {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"sub\":\"alice\",\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.ISSUER
                + "\",\"exp\":" + (now - 600) + ",\"exp\":" + (now + 99_999) + "}";
        verifier.rejects(sign("{\"alg\":\"EdDSA\",\"kid\":\"ed25519-1\"}", payload), Outcome.MALFORMED);
    }

    @Test
    void rejectsDuplicateMembersInTheHeader() {
        verifier.rejects(
                sign("{\"alg\":\"EdDSA\",\"kid\":\"ed25519-1\",\"alg\":\"none\"}", claims()), Outcome.MALFORMED);
    }

    @Test
    void rejectsAPayloadThatIsNotAJsonObject() {
        assertRejected(sign("{\"alg\":\"EdDSA\",\"kid\":\"ed25519-1\"}", "[\"sub\",\"alice\"]"));
        assertRejected(sign("{\"alg\":\"EdDSA\",\"kid\":\"ed25519-1\"}", "\"just a string\""));
        assertRejected(sign("{\"alg\":\"EdDSA\",\"kid\":\"ed25519-1\"}", "not json at all"));
    }

    @Test
    void rejectsAHeaderThatIsNotAJsonObject() {
        assertRejected(sign("[\"EdDSA\"]", claims()));
    }

    @Test
    void rejectsANestedJwtAsPayload() {
        // RFC 7519 §5.2 cty "JWT": a signed token wrapping another; the inner one's claims must not be trusted.
        String inner = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
        String outer = Tokens.signRaw(
                Tokens.signer(TestKeys.ED25519),
                JWSAlgorithm.EdDSA,
                "{\"alg\":\"EdDSA\",\"kid\":\"ed25519-1\",\"cty\":\"JWT\"}",
                inner);
        assertRejected(outer);
    }

    @Test
    void rejectsAPayloadThatIsNotUtf8() {
        byte[] latin1 = ("{\"sub\":\"caf\u00e9\",\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.ISSUER
                        + "\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + ",\"x\":\"\u00ff\u00fe\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        String header = Tokens.b64("{\"alg\":\"EdDSA\",\"kid\":\"ed25519-1\"}");
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(latin1);
        try {
            String input = header + "." + payload;
            var signature = Tokens.signer(TestKeys.ED25519)
                    .sign(
                            new com.nimbusds.jose.JWSHeader(JWSAlgorithm.EdDSA),
                            input.getBytes(StandardCharsets.US_ASCII));
            String token = input + "." + signature;
            // Either refused, or read with replacement characters: never an exception other than a 401.
            try {
                verifier.verify(token);
            } catch (TokenRejectedException expected) {
                // fine
            }
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRejected(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(TokenRejectedException.class);
    }

    private static String claims() {
        return JSONObjectUtils.toJSONString(Tokens.claims(Instant.now()));
    }

    private static String sign(String headerJson, String payloadJson) {
        return Tokens.signRaw(Tokens.signer(TestKeys.ED25519), JWSAlgorithm.EdDSA, headerJson, payloadJson);
    }
}
