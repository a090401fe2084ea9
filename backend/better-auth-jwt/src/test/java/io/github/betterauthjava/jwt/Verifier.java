package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestClock;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert;

/**
 * The core verifier as an application builds it, against a real JWKS server, with a clock the
 * test controls and metrics the test reads outcomes from. The rule tests of the core use it; the
 * starter's tests check only how Spring carries the outcomes.
 */
final class Verifier implements AutoCloseable {

    final JwksServer jwks;
    final TestClock clock = new TestClock();
    final CountingMetrics metrics = new CountingMetrics();
    final JwksKeys keys;
    final BetterAuthVerifier verifier;
    final SessionCheck sessions;

    private Verifier(JwksServer jwks, BetterAuthSettings settings) {
        this(jwks, settings, null, null);
    }

    private Verifier(
            JwksServer jwks,
            BetterAuthSettings settings,
            SessionCheckSettings sessionSettings,
            BetterAuthSessions store) {
        this.jwks = jwks;
        this.keys = new JwksKeys(settings, clock, metrics);
        this.sessions = store == null ? null : new SessionCheck(sessionSettings, store, clock, metrics);
        this.verifier = BetterAuthVerifier.builder(settings)
                .keys(keys)
                .sessionCheck(sessions)
                .metrics(metrics)
                .clock(clock)
                .build();
    }

    /** JWKS with every test key, and the session check looking sessions up in {@code store}. */
    static Verifier withSessions(SessionCheckSettings sessionSettings, BetterAuthSessions store) {
        JwksServer jwks = JwksServer.withAllKeys();
        return new Verifier(jwks, settings(jwks.url(), null, Duration.ofSeconds(60)), sessionSettings, store);
    }

    /** JWKS with every test key, no shared secret. */
    static Verifier withJwks() {
        JwksServer jwks = JwksServer.withAllKeys();
        return new Verifier(jwks, settings(jwks.url(), null, Duration.ofSeconds(60)));
    }

    /** JWKS with every test key and HS256 accepted with {@link Tokens#SECRET}. */
    static Verifier withSecret() {
        JwksServer jwks = JwksServer.withAllKeys();
        return new Verifier(jwks, settings(jwks.url(), Tokens.SECRET, Duration.ofSeconds(60)));
    }

    static Verifier with(JwksServer jwks, String secret, Duration skew) {
        return new Verifier(jwks, settings(jwks.url(), secret, skew));
    }

    static BetterAuthSettings settings(String jwksUrl, String secret, Duration skew) {
        return BetterAuthSettings.builder(Tokens.ISSUER)
                .jwksUrl(jwksUrl)
                .hs256Secret(secret)
                .clockSkew(skew)
                .jwksTimeout(Duration.ofSeconds(3))
                .jwksMinRefetchInterval(Duration.ofSeconds(5))
                .jwksMaxAge(Duration.ofMinutes(5))
                .build();
    }

    VerifiedToken accepts(String token) {
        return verifier.verify(token);
    }

    VerifiedToken verify(String token) {
        return verifier.verify(token);
    }

    /** Asserts the token is refused as a bad token (a 401 in an HTTP API), for this reason. */
    void rejects(String token, Outcome outcome) {
        rejects(() -> verifier.verify(token), outcome);
    }

    static void rejects(ThrowableAssert.ThrowingCallable verify, Outcome outcome) {
        Throwable thrown = catchThrowable(verify);
        assertThat(thrown).isInstanceOf(TokenRejectedException.class);
        assertThat(((TokenRejectedException) thrown).outcome())
                .as("outcome of: " + thrown.getMessage())
                .isEqualTo(outcome);
    }

    /** The token cannot be judged now because the keys cannot be fetched: a 503, not a refusal. */
    void unavailable(String token) {
        unavailable(() -> verifier.verify(token));
        assertThat(count(Outcome.KEYS_UNAVAILABLE)).isPositive();
    }

    static void unavailable(ThrowableAssert.ThrowingCallable verify) {
        Throwable thrown = catchThrowable(verify);
        assertThat(thrown).isExactlyInstanceOf(KeysUnavailableException.class);
        assertThat(thrown.getMessage()).contains("cannot be fetched right now");
    }

    double count(Outcome outcome) {
        return metrics.count("verification:" + outcome.tag());
    }

    double count(SessionOutcome outcome) {
        return metrics.count("session:" + outcome.tag());
    }

    double sessionLookups(String source) {
        return metrics.count("lookup:" + source);
    }

    @Override
    public void close() {
        keys.close();
        jwks.close();
    }

    /** Counts every report, by kind and outcome; gauges are sampled when read. */
    static final class CountingMetrics implements BetterAuthMetrics {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final Map<String, Supplier<Number>> gauges = new ConcurrentHashMap<>();

        private void add(String key) {
            counts.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        long count(String key) {
            LongAdder adder = counts.get(key);
            return adder == null ? 0 : adder.sum();
        }

        Number gauge(String name) {
            return gauges.get(name).get();
        }

        @Override
        public void verification(Outcome outcome) {
            add("verification:" + outcome.tag());
        }

        @Override
        public void jwksFetch(boolean success) {
            add("fetch:" + (success ? "success" : "failure"));
        }

        @Override
        public void sessionCheck(SessionOutcome outcome) {
            add("session:" + outcome.tag());
        }

        @Override
        public void sessionLookup(boolean fromCache) {
            add("lookup:" + (fromCache ? "cache" : "store"));
        }

        @Override
        public void gauge(String name, Supplier<Number> value) {
            gauges.put(name, value);
        }
    }
}
