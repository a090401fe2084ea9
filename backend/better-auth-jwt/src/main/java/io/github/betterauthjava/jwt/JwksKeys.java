package io.github.betterauthjava.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Better Auth's public keys, fetched from its JWKS endpoint and kept in memory.
 *
 * <ul>
 *   <li>Lazy: nothing is fetched until the first token arrives, so an application starts while
 *       Better Auth is down.</li>
 *   <li>An unknown {@code kid} (Better Auth rotated its key) triggers one refetch; concurrent
 *       requests share it, and fetches start at most once per {@code jwksMinRefetchInterval},
 *       so a flood of made-up kids cannot hammer the endpoint.</li>
 *   <li>Stale-if-error: a failed, slow, oversized or unusable response never replaces the keys
 *       already known; they keep working until a good response replaces them.</li>
 *   <li>Known keys are served from memory without waiting; when they are older than
 *       {@code jwksMaxAge} a background refresh picks up retirements. Only a request carrying an
 *       unknown kid ever waits, and never longer than the fetch timeout.</li>
 * </ul>
 */
public final class JwksKeys implements AutoCloseable {

    private static final System.Logger log = System.getLogger(JwksKeys.class.getName());

    private record Snapshot(Map<String, SigningKey> keys, Instant fetchedAt) {
        static final Snapshot NONE = new Snapshot(Map.of(), Instant.MIN);
    }

    private final URI uri;
    private final Duration timeout;
    private final Duration minRefetchInterval;
    private final Duration maxAge;
    private final int maxBytes;
    private final InstantSource clock;
    private final BetterAuthMetrics metrics;
    private final ExecutorService executor;
    private final HttpClient http;
    private final Ed25519Verifiers ed25519;

    private volatile Snapshot snapshot = Snapshot.NONE;
    private volatile boolean closed;
    /** Why the last fetch failed; {@code null} after a good one. */
    private volatile String fetchProblem;

    private final Object lock = new Object();
    private CompletableFuture<Void> inFlight; // guarded by lock
    private Instant lastFetchStart; // guarded by lock

    /** @param settings where the keys are and how they are fetched */
    public JwksKeys(BetterAuthSettings settings) {
        this(settings, InstantSource.system(), BetterAuthMetrics.NONE);
    }

    /**
     * @param settings where the keys are and how they are fetched
     * @param clock    decides when keys are old and when a refetch is allowed
     * @param metrics  counts fetches and keys
     */
    public JwksKeys(BetterAuthSettings settings, InstantSource clock, BetterAuthMetrics metrics) {
        this.uri = URI.create(settings.jwksUrl());
        this.timeout = settings.jwksTimeout();
        this.minRefetchInterval = settings.jwksMinRefetchInterval();
        this.maxAge = settings.jwksMaxAge();
        this.maxBytes = settings.jwksMaxBytes();
        this.ed25519 = new Ed25519Verifiers(settings.ed25519());
        ed25519.selfTest();
        this.clock = clock;
        this.metrics = metrics;
        this.executor = BackgroundThreads.executor("better-auth-jwks-");
        // HTTP/1.1 only: the JDK client's default HTTP/2 sends "Upgrade: h2c" on plain http, and
        // Next.js (next start, where Better Auth usually runs) drops such requests with an empty reply.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        metrics.gauge(BetterAuthMetrics.JWKS_KEYS, this::size);
    }

    /**
     * The signing key with this kid. A kid not yet known triggers (or joins) one JWKS fetch,
     * waiting at most the fetch timeout; while fetches are rate limited it answers at once.
     */
    Optional<SigningKey> forKid(String kid) {
        Snapshot current = snapshot;
        SigningKey key = current.keys().get(kid);
        if (key != null) {
            if (current.fetchedAt().plus(maxAge).isBefore(clock.instant())) {
                refresh(); // in the background: this request does not wait
            }
            return Optional.of(key);
        }
        CompletableFuture<Void> fetch = refresh();
        if (fetch != null) {
            try {
                fetch.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Already logged by the fetch; the caller answers 503 (see unavailable()).
            }
        }
        return Optional.ofNullable(snapshot.keys().get(kid));
    }

    /**
     * Whether a kid missing from the keys may still be a real one: the last fetch failed, or no
     * fetch has succeeded yet (the first one is still running past the wait). The verifier then
     * answers 503, not 401.
     */
    boolean unavailable() {
        return fetchProblem != null || snapshot == Snapshot.NONE;
    }

    /** Why the last JWKS fetch failed (timed out, HTTP status 503, not a JWK set…), or empty after a good one. */
    Optional<String> fetchProblem() {
        return Optional.ofNullable(fetchProblem);
    }

    /** Where the keys are fetched from. */
    String url() {
        return uri.toString();
    }

    /** The code checking Ed25519 signatures: {@code "tink"} or {@code "jdk"}. */
    String ed25519Implementation() {
        return ed25519.name();
    }

    /** The kids currently trusted. */
    List<String> kids() {
        return List.copyOf(snapshot.keys().keySet());
    }

    /** How many keys are currently trusted. */
    int size() {
        return snapshot.keys().size();
    }

    /**
     * Starts a fetch unless one is running (then joins it) or one started less than
     * {@code jwksMinRefetchInterval} ago (then returns {@code null}).
     */
    CompletableFuture<Void> refresh() {
        synchronized (lock) {
            if (inFlight != null && !inFlight.isDone()) {
                return inFlight;
            }
            Instant now = clock.instant();
            if (lastFetchStart != null && now.isBefore(lastFetchStart.plus(minRefetchInterval))) {
                return null;
            }
            lastFetchStart = now;
            inFlight = fetch();
            return inFlight;
        }
    }

    private CompletableFuture<Void> fetch() {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = http.sendAsync(request, new SizeCappedBody(maxBytes));
        } catch (RuntimeException e) {
            exchange = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse<byte[]>> sent = exchange;
        // The request timeout only covers the response headers: bound the body too.
        return sent.copy()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenAccept(this::adopt)
                .whenComplete((ignored, failure) -> {
                    if (failure != null && !closed) {
                        sent.cancel(true);
                        metrics.jwksFetch(false);
                        fetchProblem = describe(failure);
                        log.log(
                                System.Logger.Level.WARNING,
                                "Better Auth's signing keys could not be fetched from " + uri + " (" + fetchProblem
                                        + "); keeping the " + size() + " key(s) already known");
                    }
                });
    }

    private void adopt(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new JwksUnusable("HTTP status " + response.statusCode());
        }
        JWKSet set;
        try {
            set = JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (java.text.ParseException | RuntimeException e) {
            throw new JwksUnusable("not a JWK set");
        }
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        for (JWK jwk : set.getKeys()) {
            Optional<SigningKey> key = SigningKey.from(jwk, ed25519);
            if (key.isEmpty()) {
                log.log(
                        System.Logger.Level.WARNING,
                        "Ignoring a Better Auth JWKS key this library cannot verify with (kid="
                                + printable(jwk.getKeyID()) + ", kty=" + jwk.getKeyType() + ")");
            } else if (keys.putIfAbsent(key.get().kid(), key.get()) != null) {
                log.log(
                        System.Logger.Level.WARNING,
                        "Ignoring a second Better Auth JWKS key with kid="
                                + printable(key.get().kid()));
            }
        }
        if (keys.isEmpty()) {
            // An empty set is far likelier a broken deployment than a deliberate revocation of
            // every key: stale-if-error keeps the last good keys.
            throw new JwksUnusable("no usable signing key");
        }
        Snapshot previous = snapshot;
        snapshot = new Snapshot(Map.copyOf(keys), clock.instant());
        fetchProblem = null;
        metrics.jwksFetch(true);
        if (!previous.keys().keySet().equals(keys.keySet())) {
            log.log(
                    System.Logger.Level.INFO,
                    "Better Auth JWKS from " + uri + " now trusts kid(s) "
                            + keys.keySet().stream().map(JwksKeys::printable).toList());
        }
    }

    private String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (cause instanceof JwksUnusable || cause instanceof SizeCappedBody.TooLarge) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    @Override
    public void close() {
        closed = true;
        shutdownNow(http);
        executor.shutdownNow();
    }

    /**
     * Java 21+ can stop an HttpClient's selector thread at once; on 17 it stops by itself once the
     * client is unreachable, so there is nothing to call.
     */
    private static void shutdownNow(HttpClient client) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client);
        } catch (NoSuchMethodException e) {
            // Java 17: see above.
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.log(System.Logger.Level.DEBUG, "Could not shut the JWKS HTTP client down", e);
        }
    }

    private static final class JwksUnusable extends RuntimeException {
        JwksUnusable(String message) {
            super(message, null, false, false);
        }
    }
}
