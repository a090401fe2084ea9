package io.github.betterauthjava.jwt;

import static io.github.betterauthjava.jwt.testkit.Tokens.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that is not a compact signed JWT at all: refused as a bad token (401), cheaply, before
 * any key is looked up or any JSON parsed when the shape alone is wrong.
 */
class MalformedTokenTest {

    private final Verifier verifier = Verifier.withJwks();

    @AfterEach
    void close() {
        verifier.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "garbage",
                "a.b",
                "a.b.c.d",
                "...",
                "..",
                "eyJhbGciOiJFZERTQSJ9",
                "eyJhbGciOiJFZERTQSJ9.e30",
                "eyJ.eyJ.eyJ",
                "%%%.%%%.%%%",
                "a b.c d.e f",
                "abc.def.ghi=",
                "YWJj.ZGVm.Z2hp\n"
            })
    void rejectsGarbageAndWrongSegmentCounts(String token) {
        verifier.rejects(token, Outcome.MALFORMED);
    }

    @Test
    void rejectsAnEmptyToken() {
        verifier.rejects("", Outcome.MALFORMED);
    }

    @Test
    void rejectsAJweShapedFiveSegmentToken() {
        String jwe = Tokens.b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"ed25519-1\"}")
                + "..AAAAAAAAAAAAAAAA.c2VjcmV0.AAAAAAAAAAAAAAAAAAAAAA";
        verifier.rejects(jwe, Outcome.MALFORMED);
    }

    @Test
    void rejectsA100KilobyteTokenBeforeParsingIt() {
        String huge =
                Tokens.sign(TestKeys.ED25519, with(Tokens.claims(Instant.now()), "padding", "x".repeat(100 * 1024)));
        verifier.rejects(huge, Outcome.TOO_LONG);
        assertThat(verifier.jwks.fetches()).isZero();
    }

    @Test
    void rejectsATokenOneCharacterOverTheLimit() {
        verifier.rejects("a".repeat(8193), Outcome.TOO_LONG);
    }

    @Test
    void rejectsAnOversizedHeaderAndPayloadWithinTheLimitByTheirContent() {
        String token = Tokens.sign(TestKeys.ED25519, with(Tokens.claims(Instant.now()), "padding", "x".repeat(4000)));
        verifier.accepts(token); // large but signed and valid: size alone is not a reason below the cap
    }

    @Test
    void rejectsPaddedOrNonUrlSafeBase64() {
        String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
        verifier.rejects(token + "=", Outcome.MALFORMED);
        verifier.rejects(
                token.replace('-', '+').replace('_', '/') + (token.contains("-") || token.contains("_") ? "" : "+"),
                Outcome.MALFORMED);
    }

    @Test
    void rejectsAHeaderWithoutAlg() {
        String token = Tokens.b64("{\"kid\":\"ed25519-1\"}") + "." + Tokens.b64("{}") + ".AAAA";
        verifier.rejects(token, Outcome.MALFORMED);
    }
}
