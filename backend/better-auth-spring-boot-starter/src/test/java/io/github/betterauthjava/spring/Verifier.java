package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.betterauthjava.jwt.BetterAuthMetrics;
import io.github.betterauthjava.jwt.BetterAuthSessions;
import io.github.betterauthjava.jwt.BetterAuthVerifier;
import io.github.betterauthjava.jwt.JwksKeys;
import io.github.betterauthjava.jwt.Outcome;
import io.github.betterauthjava.jwt.SessionCheck;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestClock;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A decoder wired as the auto-configuration wires it, against a real JWKS server, with a
 * clock the test controls and a meter registry to read outcomes from: for the tests of how the
 * starter carries the core's answers into Spring (the rules are tested in the core).
 */
final class Verifier implements AutoCloseable {

    final JwksServer jwks;
    final TestClock clock = new TestClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final JwksKeys keys;
    final BetterAuthJwtDecoder decoder;
    final SessionCheck sessions;

    private Verifier(JwksServer jwks, BetterAuthProperties properties) {
        this(jwks, properties, null, null);
    }

    private Verifier(
            JwksServer jwks,
            BetterAuthProperties properties,
            SessionCheckProperties sessionProperties,
            BetterAuthSessions store) {
        this.jwks = jwks;
        MicrometerBetterAuthMetrics metrics = new MicrometerBetterAuthMetrics(meters);
        this.keys = new JwksKeys(properties.settings(), clock, metrics);
        this.sessions = store == null ? null : new SessionCheck(sessionProperties.settings(), store, clock, metrics);
        this.decoder = new BetterAuthJwtDecoder(BetterAuthVerifier.builder(properties.settings())
                .keys(keys)
                .sessionCheck(sessions)
                .metrics(metrics)
                .clock(clock)
                .build());
    }

    /** JWKS with every test key, and the session check looking sessions up in {@code store}. */
    static Verifier withSessions(SessionCheckProperties sessionProperties, BetterAuthSessions store) {
        JwksServer jwks = JwksServer.withAllKeys();
        return new Verifier(jwks, properties(jwks.url(), null, Duration.ofSeconds(60)), sessionProperties, store);
    }

    /** JWKS with every test key, no shared secret. */
    static Verifier withJwks() {
        JwksServer jwks = JwksServer.withAllKeys();
        return new Verifier(jwks, properties(jwks.url(), null, Duration.ofSeconds(60)));
    }

    /** JWKS with every test key and HS256 accepted with {@link Tokens#SECRET}. */
    static Verifier withSecret() {
        JwksServer jwks = JwksServer.withAllKeys();
        return new Verifier(jwks, properties(jwks.url(), Tokens.SECRET, Duration.ofSeconds(60)));
    }

    static BetterAuthProperties properties(String jwksUrl, String secret, Duration skew) {
        return new BetterAuthProperties(
                Tokens.ISSUER,
                jwksUrl,
                secret,
                skew,
                Duration.ofSeconds(3),
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                null,
                null,
                null,
                null);
    }

    Jwt accepts(String token) {
        return decoder.decode(token);
    }

    /** Asserts the token is refused as a bad token (a 401 in Spring), for this reason. */
    void rejects(String token, Outcome outcome) {
        rejects(() -> decoder.decode(token), outcome);
    }

    static void rejects(ThrowableAssert.ThrowingCallable decode, Outcome outcome) {
        Throwable thrown = catchThrowable(decode);
        assertThat(thrown).isInstanceOf(BadJwtException.class).isInstanceOf(TokenRejected.class);
        assertThat(((TokenRejected) thrown).outcome())
                .as("outcome of: " + thrown.getMessage())
                .isEqualTo(outcome);
    }

    /** The token cannot be judged now because the keys cannot be fetched: 503, not a refusal. */
    void unavailable(String token) {
        unavailable(() -> decoder.decode(token));
        assertThat(count(Outcome.KEYS_UNAVAILABLE)).isPositive();
    }

    static void unavailable(ThrowableAssert.ThrowingCallable decode) {
        Throwable thrown = catchThrowable(decode);
        assertThat(thrown)
                .isExactlyInstanceOf(SigningKeysUnavailableException.class)
                .isNotInstanceOf(BadJwtException.class);
        assertThat(thrown.getMessage()).contains("cannot be fetched right now");
    }

    double count(Outcome outcome) {
        return meters.counter(BetterAuthMetrics.VERIFICATIONS, "outcome", outcome.tag())
                .count();
    }

    @Override
    public void close() {
        keys.close();
        jwks.close();
    }
}
