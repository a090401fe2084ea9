package io.github.betterauthjava.jwt;

import static io.github.betterauthjava.jwt.testkit.Tokens.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.testkit.InMemorySessions;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.ThreadPool;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * SPEC 1.6: a token whose Better Auth session ended is refused within the cache TTL, whatever the
 * token's own exp says. Sessions come from a store behind the public interface; time from a test
 * clock (no sleeps).
 */
class SessionCheckTest {

    private static final String SID = "sess_4f9aQ2";
    private final InMemorySessions store = new InMemorySessions();

    private Verifier verifier(SessionCheckMode mode) {
        return Verifier.withSessions(SessionCheckSettings.of(mode), store);
    }

    private static String token(Verifier verifier, String sid) {
        return Tokens.sign(TestKeys.ED25519, with(Tokens.claims(verifier.clock.instant()), "sid", sid));
    }

    private static String tokenWithoutSid(Verifier verifier) {
        return Tokens.sign(TestKeys.ED25519, Tokens.claims(verifier.clock.instant()));
    }

    private void liveSession(Verifier verifier, String sid, String user) {
        store.put(sid, user, verifier.clock.instant().plus(Duration.ofDays(7)));
    }

    private static void refusedAsEnded(Verifier verifier, String token) {
        verifier.rejects(token, Outcome.SESSION_ENDED);
        assertThatThrownBy(() -> verifier.accepts(token)).hasMessage(SessionCheck.ENDED);
    }

    @Test
    void acceptsATokenWhoseSessionIsLive() {
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT)) {
            liveSession(verifier, SID, Tokens.USER);
            assertThat(verifier.accepts(token(verifier, SID)).user().id()).isEqualTo(Tokens.USER);
            assertThat(verifier.count(SessionOutcome.LIVE)).isEqualTo(1);
        }
    }

    @Test
    void refusesATokenWhoseSessionRowWasDeleted() {
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT)) {
            refusedAsEnded(verifier, token(verifier, SID));
            assertThat(verifier.count(SessionOutcome.ENDED)).isEqualTo(2);
        }
    }

    @Test
    void refusesATokenWhoseSessionHasExpired() {
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT)) {
            store.put(SID, Tokens.USER, verifier.clock.instant());
            refusedAsEnded(verifier, token(verifier, SID));
        }
    }

    @Test
    void refusesATokenNamingAnotherUsersSession() {
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT)) {
            liveSession(verifier, SID, "someone-else");
            refusedAsEnded(verifier, token(verifier, SID));
        }
    }

    @Test
    void refusesASidThatIsNotAString() {
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT)) {
            verifier.rejects(
                    Tokens.sign(TestKeys.ED25519, with(Tokens.claims(verifier.clock.instant()), "sid", 42)),
                    Outcome.MALFORMED);
            verifier.rejects(token(verifier, " "), Outcome.MALFORMED);
            verifier.rejects(token(verifier, "s".repeat(SessionCheck.MAX_SID_LENGTH + 1)), Outcome.MALFORMED);
            assertThat(store.lookups()).isZero();
        }
    }

    @Test
    void remembersALiveSessionForTheTtlThenSeesItsDeletion() {
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT)) {
            liveSession(verifier, SID, Tokens.USER);
            String token = token(verifier, SID);
            verifier.accepts(token);
            store.delete(SID);

            verifier.clock.advance(Duration.ofMillis(4_999));
            verifier.accepts(token);
            assertThat(store.lookups())
                    .as("within the TTL the cached session answers")
                    .isEqualTo(1);

            verifier.clock.advance(Duration.ofMillis(1));
            refusedAsEnded(verifier, token);
            assertThat(store.lookups()).isEqualTo(2);
        }
    }

    @Test
    void checksTheSessionOfATokenServedFromTheVerifiedTokenCache() {
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT)) {
            liveSession(verifier, SID, Tokens.USER);
            String token = token(verifier, SID);
            verifier.accepts(token);
            store.delete(SID);
            verifier.clock.advance(Duration.ofSeconds(5));

            refusedAsEnded(verifier, token);
            assertThat(verifier.count(Outcome.ACCEPTED))
                    .as("the token itself was verified once")
                    .isEqualTo(1);
        }
    }

    @Test
    void remembersAnEndedSessionUntilTheTokensExpWithoutFurtherLookups() {
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT)) {
            String token = token(verifier, SID);
            refusedAsEnded(verifier, token);
            // A session id is never reused: even a new row under it does not bring the token back.
            liveSession(verifier, SID, Tokens.USER);
            verifier.clock.advance(Duration.ofSeconds(899));
            refusedAsEnded(verifier, token);
            assertThat(store.lookups()).isEqualTo(1);
            assertThat(verifier.sessionLookups("cache")).isEqualTo(3);

            verifier.clock.advance(Duration.ofSeconds(1));
            assertThat(verifier.sessions.cachedSessions())
                    .as("forgotten once the token has expired")
                    .isZero();
        }
    }

    @Test
    void looksEachSessionUpOncePerTtlUnderConcurrentRequests() throws Exception {
        int requests = 32;
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT);
                ThreadPool pool = ThreadPool.of(requests)) {
            ExecutorService threads = pool.executor();
            liveSession(verifier, SID, Tokens.USER);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                // Distinct tokens (own iat) of one session: the verified-token cache cannot hide the lookups.
                tokens.add(Tokens.sign(
                        TestKeys.ED25519,
                        with(with(Tokens.claims(verifier.clock.instant()), "sid", SID), "jti", "t" + i)));
            }
            CountDownLatch gate = store.hold();
            CyclicBarrier start = new CyclicBarrier(requests);
            List<Future<String>> results = new ArrayList<>();
            for (String token : tokens) {
                results.add(threads.submit(() -> {
                    start.await();
                    return verifier.accepts(token).user().id();
                }));
            }
            gate.countDown();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(Tokens.USER);
            }
            assertThat(store.lookups()).isEqualTo(1);

            verifier.clock.advance(Duration.ofSeconds(5));
            verifier.accepts(tokens.get(0));
            assertThat(store.lookups()).as("looked up again after the TTL").isEqualTo(2);
        }
    }

    @Test
    void keepsTheSessionCacheBounded() {
        SessionCheckSettings small = new SessionCheckSettings(SessionCheckMode.IF_PRESENT, Duration.ofSeconds(5), 3);
        try (Verifier verifier = Verifier.withSessions(small, store)) {
            for (int i = 0; i < 50; i++) {
                liveSession(verifier, "s" + i, Tokens.USER);
                verifier.accepts(token(verifier, "s" + i));
            }
            assertThat(verifier.sessions.cachedSessions()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void offModeAcceptsATokenWithoutSid() {
        try (Verifier verifier = verifier(SessionCheckMode.OFF)) {
            verifier.accepts(tokenWithoutSid(verifier));
        }
    }

    @Test
    void ifPresentModeAcceptsATokenWithoutSid() {
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT)) {
            verifier.accepts(tokenWithoutSid(verifier));
            assertThat(verifier.count(SessionOutcome.NO_SID)).isEqualTo(1);
            assertThat(store.lookups()).isZero();
        }
    }

    @Test
    void requiredModeRefusesATokenWithoutSid() {
        try (Verifier verifier = verifier(SessionCheckMode.REQUIRED)) {
            String token = tokenWithoutSid(verifier);
            verifier.rejects(token, Outcome.NO_SESSION);
            assertThatThrownBy(() -> verifier.accepts(token)).hasMessageContaining("names no session (sid claim)");
            liveSession(verifier, SID, Tokens.USER);
            verifier.accepts(token(verifier, SID));
        }
    }

    @Test
    void offModeNeverLooksSessionsUp() {
        try (Verifier verifier = verifier(SessionCheckMode.OFF)) {
            verifier.accepts(token(verifier, "a-session-that-does-not-exist"));
            assertThat(store.lookups()).isZero();
        }
    }

    @Test
    void aSessionStoreOutageIsUnavailableNeverARefusalAndIsNotRemembered() {
        try (Verifier verifier = verifier(SessionCheckMode.IF_PRESENT)) {
            liveSession(verifier, SID, Tokens.USER);
            String token = token(verifier, SID);
            store.down(true);
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> verifier.accepts(token))
                        .isExactlyInstanceOf(SessionsUnavailableException.class)
                        .hasMessage(SessionCheck.UNAVAILABLE);
            }
            assertThat(store.lookups())
                    .as("an outage is asked about again, not cached")
                    .isEqualTo(2);
            assertThat(verifier.count(Outcome.SESSION_UNAVAILABLE)).isEqualTo(2);
            assertThat(verifier.count(SessionOutcome.UNAVAILABLE)).isEqualTo(2);

            store.down(false);
            verifier.accepts(token);
            assertThat(verifier.count(SessionOutcome.LIVE)).isEqualTo(1);
        }
    }

    @Test
    void aStoreUnavailableExceptionKeepsTheStoresOwnDetail() {
        BetterAuthSessions missingTable = id -> {
            throw new SessionsUnavailableException("Better Auth's session table does not exist");
        };
        try (Verifier verifier =
                Verifier.withSessions(SessionCheckSettings.of(SessionCheckMode.REQUIRED), missingTable)) {
            assertThatThrownBy(() -> verifier.accepts(token(verifier, SID)))
                    .isInstanceOf(SessionsUnavailableException.class)
                    .hasMessage("Better Auth's session table does not exist");
        }
    }

    @Test
    void theSessionRuleNeedsExistenceTheTokensUserAndAnExpiryInTheFuture() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        BetterAuthSession session = new BetterAuthSession("u1", now.plusSeconds(1));
        assertThat(SessionCheck.isLive(java.util.Optional.of(session), "u1", now))
                .isTrue();
        assertThat(SessionCheck.isLive(java.util.Optional.of(session), "u2", now))
                .isFalse();
        assertThat(SessionCheck.isLive(java.util.Optional.of(session), "u1", now.plusSeconds(1)))
                .isFalse();
        assertThat(SessionCheck.isLive(java.util.Optional.empty(), "u1", now)).isFalse();
    }
}
