package io.github.betterauthjava.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the session, API key and membership checks share: an answer from Better Auth's table,
 * remembered per key for as long as {@code keepFor} says (at most the check's TTL, seconds), with
 * concurrent requests for one key sharing one lookup, and a failed lookup remembered by nobody and
 * turned into the check's own "unavailable" exception (answer 503, never a refusal, never a pass).
 *
 * <p>The lookup runs on the requesting thread, outside any lock (not in Caffeine's compute, which
 * would hold a bin lock for a database round trip); other requests for the key wait for it.
 *
 * @param <K> the key (a session id, a key's hash, an organization and user)
 * @param <V> the answer, e.g. {@code Optional<BetterAuthMember>}
 * @param <X> the check's exception for "cannot be known right now"
 */
final class CachedLookup<K, V, X extends RuntimeException> {

    /** Counts lookups: answered from the cache or by one in flight ({@code true}), or sent to the store. */
    interface Listener {
        Listener NONE = fromCache -> {};

        void lookup(boolean fromCache);
    }

    private final System.Logger log;
    private final String what;
    private final Class<X> unavailable;
    private final BiFunction<String, Throwable, X> newUnavailable;
    private final String unavailableMessage;
    private final Listener listener;
    private final Cache<K, V> cache;
    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param log                the check's logger
     * @param what               the check, for the log ("session check")
     * @param unavailable        the check's exception type, passed on as the store threw it
     * @param newUnavailable     makes one for any other failure
     * @param unavailableMessage that one's message, safe to show
     * @param keepFor            how long an answer is remembered; zero: not at all
     */
    CachedLookup(
            System.Logger log,
            String what,
            long maximumSize,
            InstantSource clock,
            BiFunction<K, V, Duration> keepFor,
            Class<X> unavailable,
            BiFunction<String, Throwable, X> newUnavailable,
            String unavailableMessage,
            Listener listener) {
        this.log = log;
        this.what = what;
        this.unavailable = unavailable;
        this.newUnavailable = newUnavailable;
        this.unavailableMessage = unavailableMessage;
        this.listener = listener;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<K, V>creating(keepFor::apply))
                .build();
    }

    /**
     * The answer for {@code key}, remembered or asked of {@code store} now.
     *
     * @param store asks Better Auth's table; answering {@code null} is a broken store
     */
    V get(K key, Function<K, V> store) {
        V known = cache.getIfPresent(key);
        if (known != null) {
            listener.lookup(true);
            return known;
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            listener.lookup(true);
            return join(running);
        }
        try {
            // Another request may have finished its lookup between our cache miss and putIfAbsent.
            known = cache.getIfPresent(key);
            listener.lookup(known != null);
            if (known == null) {
                known = load(key, store);
                cache.put(key, known);
            }
            mine.complete(known);
            return known;
        } catch (RuntimeException | Error e) {
            // Not remembered: the next request asks again.
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    void forget(K key) {
        cache.invalidate(key);
    }

    /** How many answers are remembered now (after pending evictions). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** For a gauge: no clean-up on the way. */
    long estimatedSize() {
        return cache.estimatedSize();
    }

    private V load(K key, Function<K, V> store) {
        try {
            V found = store.apply(key);
            if (found == null) {
                throw new IllegalStateException("the store answered null, not an empty Optional");
            }
            return found;
        } catch (RuntimeException e) {
            X failure = unavailable.isInstance(e) ? unavailable.cast(e) : newUnavailable.apply(unavailableMessage, e);
            log.log(
                    System.Logger.Level.WARNING,
                    "Better Auth " + what + ": lookup failed, answering 503: " + failure.getMessage()
                            + (failure.getCause() == null
                                    ? ""
                                    : " (" + firstLine(failure.getCause().toString()) + ")"));
            throw failure;
        }
    }

    private V join(CompletableFuture<V> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (unavailable.isInstance(e.getCause())) {
                throw unavailable.cast(e.getCause());
            }
            throw newUnavailable.apply(unavailableMessage, e.getCause());
        }
    }

    /** Drivers put positions and hints on further lines; a log entry stays one line. */
    static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
