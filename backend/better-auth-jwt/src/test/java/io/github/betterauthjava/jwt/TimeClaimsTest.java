package io.github.betterauthjava.jwt;

import static io.github.betterauthjava.jwt.testkit.Tokens.with;
import static io.github.betterauthjava.jwt.testkit.Tokens.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7519 §4.1.4–4.1.6 with RFC 8725 §3.8's spirit: {@code exp} is required, {@code nbf} and
 * {@code iat} are honoured, all with at most 60 s of clock skew, and a NumericDate is a number.
 */
class TimeClaimsTest {

    private final Verifier verifier = Verifier.withJwks();
    private final Instant now = verifier.clock.instant();

    @AfterEach
    void close() {
        verifier.close();
    }

    private String token(Map<String, Object> claims) {
        return Tokens.sign(TestKeys.ED25519, claims);
    }

    @Test
    void rejectsAnExpiredToken() {
        Map<String, Object> claims = with(Tokens.claims(now.minusSeconds(1000)), "exp", now.getEpochSecond() - 61);
        verifier.rejects(token(claims), Outcome.EXPIRED);
    }

    @Test
    void acceptsATokenExpiredWithinTheSixtySecondSkew() {
        verifier.accepts(token(with(Tokens.claims(now.minusSeconds(1000)), "exp", now.getEpochSecond() - 30)));
    }

    @Test
    void rejectsATokenWithoutExp() {
        verifier.rejects(token(without(Tokens.claims(now), "exp")), Outcome.MALFORMED);
    }

    @Test
    void rejectsANotYetValidToken() {
        verifier.rejects(token(with(Tokens.claims(now), "nbf", now.getEpochSecond() + 120)), Outcome.NOT_YET_VALID);
    }

    @Test
    void acceptsNbfWithinTheSkew() {
        verifier.accepts(token(with(Tokens.claims(now), "nbf", now.getEpochSecond() + 30)));
    }

    @Test
    void rejectsATokenIssuedInTheFutureBeyondTheSkew() {
        verifier.rejects(token(Tokens.claims(now.plusSeconds(120))), Outcome.NOT_YET_VALID);
    }

    @Test
    void acceptsIatWithinTheSkew() {
        verifier.accepts(token(Tokens.claims(now.plusSeconds(30))));
    }

    @Test
    void honoursTheClockMovingPastExp() {
        String token = token(Tokens.claims(now));
        verifier.accepts(token);
        verifier.clock.advance(Duration.ofSeconds(900 + 61));
        verifier.rejects(token, Outcome.EXPIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "nbf", "iat"})
    void rejectsNumericDatesGivenAsStrings(String claim) {
        long value = claim.equals("exp") ? now.getEpochSecond() + 600 : now.getEpochSecond() - 10;
        verifier.rejects(token(with(Tokens.claims(now), claim, Long.toString(value))), Outcome.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "nbf", "iat"})
    void rejectsNumericDatesOfOtherJsonTypes(String claim) {
        for (Object value : new Object[] {true, java.util.List.of(1), Map.of("$gt", 0)}) {
            verifier.rejects(token(with(Tokens.claims(now), claim, value)), Outcome.MALFORMED);
        }
    }

    @Test
    void rejectsAnExplicitNullExp() {
        verifier.rejects(token(with(Tokens.claims(now), "exp", null)), Outcome.MALFORMED);
    }

    @Test
    void acceptsFractionalNumericDatesAsRfc7519Allows() {
        Map<String, Object> claims = with(Tokens.claims(now), "exp", now.getEpochSecond() + 600.5);
        claims.put("iat", now.getEpochSecond() - 0.25);
        assertThat(verifier.accepts(token(claims)).expiresAt())
                .isEqualTo(Instant.ofEpochSecond(now.getEpochSecond() + 600, 500_000_000));
    }

    @Test
    void rejectsAFractionalExpInThePast() {
        verifier.rejects(
                token(with(Tokens.claims(now.minusSeconds(1000)), "exp", now.getEpochSecond() - 61.5)),
                Outcome.EXPIRED);
    }

    @Test
    void rejectsFarFutureNumericDatesBeyondYear9999() {
        for (Object exp : new Object[] {253_402_300_800L, 1e300, Long.MAX_VALUE, 1e19}) {
            verifier.rejects(token(with(Tokens.claims(now), "exp", exp)), Outcome.MALFORMED);
        }
    }

    @Test
    void rejectsNegativeNumericDates() {
        verifier.rejects(token(with(Tokens.claims(now), "exp", -1)), Outcome.MALFORMED);
    }

    @Test
    void rejectsAFarFutureIat() {
        verifier.rejects(
                token(with(with(Tokens.claims(now), "iat", 253_402_300_000L), "exp", 253_402_300_799L)),
                Outcome.NOT_YET_VALID);
    }

    @Test
    void rejectsExpNotAfterIat() {
        verifier.rejects(token(with(Tokens.claims(now), "exp", now.getEpochSecond())), Outcome.MALFORMED);
    }
}
