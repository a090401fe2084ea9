package io.github.betterauthjava.jwt;

import static io.github.betterauthjava.jwt.testkit.Tokens.with;

import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8725 §2.8 "Cross-JWT Confusion", §3.11 "Use Explicit Typing", §3.12 "Use Mutually
 * Exclusive Validation Rules": Better Auth signs its session-cache cookie with the same key and
 * kid ({@code typ: "better-auth.session-cache+jwt"}, {@code aud: "better-auth:session-cache"});
 * such a token is never an access token.
 */
class CrossJwtConfusionTest {

    private final Verifier verifier = Verifier.withSecret();
    private final Map<String, Object> claims = Tokens.claims(Instant.now());

    @AfterEach
    void close() {
        verifier.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"better-auth.session-cache+jwt", "Better-Auth.Session-Cache+JWT"})
    void rejectsTheSessionCacheTyp(String typ) {
        Map<String, Object> header = new LinkedHashMap<>(Tokens.header(TestKeys.ED25519));
        header.put("typ", typ);
        verifier.rejects(Tokens.sign(TestKeys.ED25519, header, claims), Outcome.SESSION_CACHE);
    }

    @Test
    void rejectsTheSessionCacheAudience() {
        verifier.rejects(
                Tokens.sign(TestKeys.ED25519, with(claims, "aud", "better-auth:session-cache")), Outcome.SESSION_CACHE);
    }

    @Test
    void rejectsTheSessionCacheAudienceEvenAlongsideOurs() {
        verifier.rejects(
                Tokens.sign(TestKeys.ED25519, with(claims, "aud", List.of(Tokens.ISSUER, "better-auth:session-cache"))),
                Outcome.SESSION_CACHE);
    }

    @Test
    void rejectsASessionCacheTokenSignedWithTheSharedSecret() {
        verifier.rejects(Tokens.hs256(with(claims, "aud", "better-auth:session-cache")), Outcome.SESSION_CACHE);
    }

    @Test
    void acceptsAnExplicitJwtTyp() {
        Map<String, Object> header = new LinkedHashMap<>(Tokens.header(TestKeys.ED25519));
        header.put("typ", "JWT");
        verifier.accepts(Tokens.sign(TestKeys.ED25519, header, claims));
    }
}
