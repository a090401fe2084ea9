package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.ThreadPool;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JWKS endpoint misbehaving: known keys keep working (stale-if-error), a kid that cannot be
 * known because of it is "unavailable" (503 with Retry-After, never 401: the client keeps its
 * session) within the fetch timeout, an unknown kid while the JWKS answers is a 401, and the
 * endpoint is never hammered.
 * Stock Spring fetches on every unknown kid, and during an outage answers an unknown kid (and,
 * once its 5-minute cache expires, every token) with an empty 401, or 500 where /error is
 * public (measured: the starter README's comparison).
 */
class JwksOutageTest {

    /** "Did not hang" bound: the fetch timeout is 3 s. Not a performance assertion. */
    private static final Duration DID_NOT_HANG = Duration.ofSeconds(8);

    private final Verifier verifier = Verifier.withJwks();
    private final String known = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));

    @AfterEach
    void close() {
        verifier.close();
    }

    @Test
    void fetchesNothingUntilTheFirstTokenSoTheAppStartsWithBetterAuthDown() {
        assertThat(verifier.jwks.fetches()).isZero();
        verifier.accepts(known);
        assertThat(verifier.jwks.fetches()).isEqualTo(1);
    }

    @Test
    void picksUpARotatedKeyWithoutRestart() {
        verifier.accepts(known);
        OctetKeyPair rotated = TestKeys.ed25519("ed25519-2");
        verifier.jwks.keys(List.of(TestKeys.ED25519, rotated));
        verifier.clock.advance(Duration.ofSeconds(5));

        verifier.accepts(Tokens.sign(rotated, Tokens.claims(verifier.clock.instant())));
        verifier.accepts(Tokens.sign(
                TestKeys.ED25519, Tokens.claims(verifier.clock.instant()))); // grace period: old kid still served
        assertThat(verifier.jwks.fetches()).isEqualTo(2);
    }

    @Test
    void refetchesForAnUnknownKidAtMostEveryFiveSeconds() {
        verifier.accepts(known);
        OctetKeyPair rotated = TestKeys.ed25519("ed25519-2");
        verifier.jwks.keys(List.of(rotated));
        String token = Tokens.sign(rotated, Tokens.claims(verifier.clock.instant()));

        verifier.clock.advance(Duration.ofSeconds(4));
        verifier.rejects(token, Outcome.UNKNOWN_KID);
        assertThat(verifier.jwks.fetches()).isEqualTo(1);

        verifier.clock.advance(Duration.ofSeconds(1));
        verifier.accepts(token);
        assertThat(verifier.jwks.fetches()).isEqualTo(2);
    }

    @Test
    void dropsRetiredKeysInTheBackgroundAfterMaxAge() {
        verifier.accepts(known);
        OctetKeyPair rotated = TestKeys.ed25519("ed25519-2");
        verifier.jwks.keys(List.of(rotated));
        verifier.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        // Served from memory at once; the refresh runs behind it.
        verifier.accepts(Tokens.sign(TestKeys.ED25519, Tokens.claims(verifier.clock.instant())));
        await(() -> verifier.keys.kids().equals(List.of("ed25519-2")));
        verifier.rejects(
                Tokens.sign(
                        TestKeys.ED25519, Tokens.claims(verifier.clock.instant().plusSeconds(1))),
                Outcome.UNKNOWN_KID);
    }

    @ParameterizedTest
    @EnumSource(
            value = JwksServer.Mode.class,
            names = {"DOWN", "GARBAGE", "HUGE", "EMPTY"})
    void keepsKnownKeysAndAnswersUnknownKidsUnavailableWhenTheJwksMisbehaves(JwksServer.Mode mode) {
        verifier.accepts(known);
        verifier.jwks.mode(mode);
        verifier.clock.advance(Duration.ofSeconds(5));

        verifier.unavailable(unknownKidToken());
        verifier.accepts(Tokens.sign(TestKeys.P256, Tokens.claims(verifier.clock.instant())));
        assertThat(verifier.keys.size()).isEqualTo(TestKeys.ALL.size());
        assertThat(verifier.metrics.count("fetch:failure")).isEqualTo(1);
    }

    @Test
    void keepsKnownKeysWorkingLongAfterMaxAgeDuringAnOutage() {
        verifier.accepts(known);
        verifier.jwks.mode(JwksServer.Mode.DOWN);
        for (int minute = 1; minute <= 30; minute++) {
            verifier.clock.advance(Duration.ofMinutes(1));
            verifier.accepts(Tokens.sign(TestKeys.RS256, Tokens.claims(verifier.clock.instant())));
        }
        await(() -> verifier.metrics.count("fetch:failure") >= 1);
        assertThat(verifier.keys.size()).isEqualTo(TestKeys.ALL.size());
    }

    @Test
    void answersUnavailableFastWhenNothingListens() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var settings = Verifier.settings("http://127.0.0.1:" + port + "/api/auth/jwks", null, Duration.ofSeconds(60));
        try (JwksKeys keys = new JwksKeys(settings)) {
            var decoder = BetterAuthVerifier.builder(settings).keys(keys).build();
            long start = System.nanoTime();
            Verifier.unavailable(() -> decoder.verify(known));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DID_NOT_HANG);
        }
    }

    @Test
    void answersUnknownKidsWithinTheTimeoutWhileTheJwksIsSlowAndKnownKeysStayUnaffected() throws Exception {
        verifier.accepts(known);
        verifier.jwks.mode(JwksServer.Mode.SLOW);
        verifier.clock.advance(Duration.ofSeconds(5));

        long start = System.nanoTime();
        CompletableFuture<Throwable> unknown = CompletableFuture.supplyAsync(() -> {
            try {
                verifier.verify(unknownKidToken());
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        for (var key : TestKeys.ALL) {
            verifier.accepts(Tokens.sign(key, Tokens.claims(verifier.clock.instant())));
        }
        Throwable failure = unknown.get(DID_NOT_HANG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DID_NOT_HANG);
        assertThat(failure).isExactlyInstanceOf(KeysUnavailableException.class);
    }

    @Test
    void answersWithinTheTimeoutWhenTheJwksIsSlowOnFirstContact() {
        verifier.jwks.mode(JwksServer.Mode.SLOW);
        long start = System.nanoTime();
        verifier.unavailable(known);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DID_NOT_HANG);
    }

    @Test
    void aFloodOfRandomKidsCausesOneFetchPerInterval() throws Exception {
        try (ThreadPool threads = ThreadPool.of(8)) {
            ExecutorService pool = threads.executor();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                all.add(CompletableFuture.runAsync(
                        () -> verifier.rejects(unknownKidToken(), Outcome.UNKNOWN_KID), pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        }
        assertThat(verifier.jwks.fetches()).isEqualTo(1);

        verifier.clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 100; i++) {
            verifier.rejects(unknownKidToken(), Outcome.UNKNOWN_KID);
        }
        assertThat(verifier.jwks.fetches()).isEqualTo(2);
    }

    @Test
    void concurrentFirstRequestsShareOneFetch() throws Exception {
        try (ThreadPool threads = ThreadPool.of(16)) {
            ExecutorService pool = threads.executor();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                var key = TestKeys.ALL.get(i % TestKeys.ALL.size());
                String token = Tokens.sign(key, Tokens.with(Tokens.claims(Instant.now()), "jti", "t" + i));
                all.add(CompletableFuture.runAsync(() -> verifier.accepts(token), pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        }
        assertThat(verifier.jwks.fetches()).isEqualTo(1);
    }

    private String unknownKidToken() {
        OctetKeyPair stranger = TestKeys.ed25519("unknown-" + UUID.randomUUID());
        return Tokens.signRaw(
                Tokens.signer(stranger),
                JWSAlgorithm.EdDSA,
                "{\"alg\":\"EdDSA\",\"kid\":\"" + stranger.getKeyID() + "\"}",
                JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DID_NOT_HANG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within " + DID_NOT_HANG);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
