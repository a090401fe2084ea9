package io.github.betterauthjava.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    public static final String UNAVAILABLE = "API keys cannot be checked right now. Try again in a few seconds.";

    private static final System.Logger log = System.getLogger(ApiKeyCheck.class.getName());

    private final BetterAuthApiKeys keys;
    private final ApiKeyCheckSettings settings;
    private final InstantSource clock;
    private final Cache<String, Optional<BetterAuthApiKey>> cache;

    /** @param keys where keys are looked up, e.g. {@link JdbcBetterAuthApiKeys} */
    public ApiKeyCheck(ApiKeyCheckSettings settings, BetterAuthApiKeys keys) {
        this(settings, keys, InstantSource.system());
    }

    /** @param clock decides expiry and the cache TTL (a test moves it by hand) */
    public ApiKeyCheck(ApiKeyCheckSettings settings, BetterAuthApiKeys keys, InstantSource clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheSize())
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfterWrite(settings.cacheTtl())
                .build();
    }

    /**
     * The key {@code key} is, when it may be used now; empty when it is unknown, disabled, expired,
     * ownerless, blank or longer than Better Auth's could be.
     *
     * @throws ApiKeysUnavailableException when it cannot be known right now (answer 503)
     */
    public Optional<BetterAuthApiKey> verify(String key) {
        if (key == null || key.isBlank() || key.length() > settings.maxKeyLength()) {
            return Optional.empty();
        }
        // Caffeine runs one load per hash at a time (concurrent callers wait for it) and remembers
        // nothing when it throws: the next request asks again.
        Optional<BetterAuthApiKey> found = cache.get(hash(key), this::load);
        return found.filter(apiKey -> apiKey.usableAt(clock.instant()));
    }

    private Optional<BetterAuthApiKey> load(String keyHash) {
        try {
            Optional<BetterAuthApiKey> found = keys.find(keyHash);
            if (found == null) {
                throw new IllegalStateException(keys.getClass().getName() + ".find returned null");
            }
            return found;
        } catch (RuntimeException e) {
            ApiKeysUnavailableException unavailable = e instanceof ApiKeysUnavailableException known
                    ? known
                    : new ApiKeysUnavailableException(UNAVAILABLE, e);
            log.log(
                    System.Logger.Level.WARNING,
                    "Better Auth API key check: lookup failed, answering 503: " + unavailable.getMessage()
                            + (unavailable.getCause() == null
                                    ? ""
                                    : " ("
                                            + SessionCheck.firstLine(
                                                    unavailable.getCause().toString()) + ")"));
            throw unavailable;
        }
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
        cache.cleanUp();
        return cache.estimatedSize();
    }

    @Override
    public String toString() {
        return "ApiKeyCheck[cacheTtl=" + settings.cacheTtl() + ", keys="
                + keys.getClass().getSimpleName() + "]";
    }
}
