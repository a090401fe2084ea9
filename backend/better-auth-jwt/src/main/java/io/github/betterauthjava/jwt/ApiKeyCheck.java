package io.github.betterauthjava.jwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that decides whether a Better Auth API key (api-key plugin) may be used, and for
 * whom: the key is hashed as Better Auth hashes it ({@link #hash(String)}), looked up in
 * {@link BetterAuthApiKeys} (its {@code apikey} table), and accepted only while the row exists,
 * is enabled, has not expired and its owner exists.
 *
 * <p>Answers, found or not, are remembered per hash for the cache TTL (at most 5 s): the longest a
 * deleted or disabled key keeps working. Expiry is checked on every call. Concurrent requests
 * with one key share one lookup. A failed lookup is not remembered and throws
 * {@link ApiKeysUnavailableException}: answer 503, never a refusal, never a pass.
 *
 * <p>The key itself is never kept, logged or put in a message: the cache holds its hash, which is
 * what Better Auth's table holds too.
 */
public final class ApiKeyCheck {

    /** The 503's message when keys cannot be looked up. */
    static final String UNAVAILABLE = "API keys cannot be checked right now. Try again in a few seconds.";

    private static final System.Logger log = System.getLogger(ApiKeyCheck.class.getName());

    private final BetterAuthApiKeys keys;
    private final ApiKeyCheckSettings settings;
    private final InstantSource clock;
    private final BetterAuthMetrics metrics;
    private final CachedLookup<String, Optional<BetterAuthApiKey>, ApiKeysUnavailableException> cache;

    /** @param keys where keys are looked up, e.g. {@link JdbcBetterAuthApiKeys} */
    public ApiKeyCheck(ApiKeyCheckSettings settings, BetterAuthApiKeys keys) {
        this(settings, keys, InstantSource.system());
    }

    /** @param clock decides expiry and the cache TTL (a test moves it by hand) */
    public ApiKeyCheck(ApiKeyCheckSettings settings, BetterAuthApiKeys keys, InstantSource clock) {
        this(settings, keys, clock, BetterAuthMetrics.NONE);
    }

    /**
     * @param clock   decides expiry and the cache TTL (a test moves it by hand)
     * @param metrics counts outcomes and lookups
     */
    public ApiKeyCheck(
            ApiKeyCheckSettings settings, BetterAuthApiKeys keys, InstantSource clock, BetterAuthMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new CachedLookup<>(
                log,
                "API key check",
                settings.cacheSize(),
                clock,
                (hash, found) -> settings.cacheTtl(),
                ApiKeysUnavailableException.class,
                ApiKeysUnavailableException::new,
                UNAVAILABLE,
                metrics::apiKeyLookup);
        metrics.gauge(BetterAuthMetrics.API_KEY_CACHE_SIZE, cache::estimatedSize);
    }

    /**
     * The key {@code key} is, when it may be used now; empty when it is unknown, disabled, expired,
     * ownerless, blank or longer than Better Auth's could be.
     *
     * @throws ApiKeysUnavailableException when it cannot be known right now (answer 503)
     */
    public Optional<BetterAuthApiKey> verify(String key) {
        if (key == null || key.isBlank() || key.length() > settings.maxKeyLength()) {
            metrics.apiKeyCheck(ApiKeyOutcome.REFUSED);
            return Optional.empty();
        }
        Optional<BetterAuthApiKey> found;
        try {
            found = cache.get(hash(key), keys::find);
        } catch (ApiKeysUnavailableException e) {
            metrics.apiKeyCheck(ApiKeyOutcome.UNAVAILABLE);
            throw e;
        }
        Optional<BetterAuthApiKey> usable = found.filter(apiKey -> apiKey.usableAt(clock.instant()));
        metrics.apiKeyCheck(usable.isPresent() ? ApiKeyOutcome.ACCEPTED : ApiKeyOutcome.REFUSED);
        return usable;
    }

    /**
     * What Better Auth stores in {@code apikey.key} for {@code key} (its {@code defaultKeyHasher}):
     * SHA-256 of the UTF-8 bytes, base64url without padding.
     */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** How many answers are remembered now (after pending evictions). */
    long cachedKeys() {
        return cache.size();
    }

    @Override
    public String toString() {
        return "ApiKeyCheck[cacheTtl=" + settings.cacheTtl() + ", keys="
                + keys.getClass().getSimpleName() + "]";
    }
}
