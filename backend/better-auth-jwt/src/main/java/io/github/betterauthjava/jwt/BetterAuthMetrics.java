package io.github.betterauthjava.jwt;

import java.util.function.Supplier;

/**
 * What the verifier reports, for an application to count. Every method has an empty default;
 * the Spring Boot starter binds it to Micrometer under the names below.
 */
public interface BetterAuthMetrics {

    String VERIFICATIONS = "better_auth.token.verifications";
    String JWKS_FETCHES = "better_auth.jwks.fetches";
    String JWKS_KEYS = "better_auth.jwks.keys";
    String TOKEN_CACHE_SIZE = "better_auth.token.cache.size";
    String SESSION_CHECKS = "better_auth.session.checks";
    String SESSION_LOOKUPS = "better_auth.session.lookups";
    String SESSION_CACHE_SIZE = "better_auth.session.cache.size";
    String API_KEY_CHECKS = "better_auth.api_key.checks";
    String API_KEY_LOOKUPS = "better_auth.api_key.lookups";
    String API_KEY_CACHE_SIZE = "better_auth.api_key.cache.size";

    /** Reports nothing. */
    BetterAuthMetrics NONE = new BetterAuthMetrics() {};

    /** One token accepted or refused, and why. */
    default void verification(Outcome outcome) {}

    /** One JWKS fetch ended, usable or not. */
    default void jwksFetch(boolean success) {}

    /** What the session check concluded for one token. */
    default void sessionCheck(SessionOutcome outcome) {}

    /** A session lookup answered from the cache (or joined one in flight), or sent to the store. */
    default void sessionLookup(boolean fromCache) {}

    /** What the API key check concluded for one key. */
    default void apiKeyCheck(ApiKeyOutcome outcome) {}

    /** An API key lookup answered from the cache (or joined one in flight), or sent to the store. */
    default void apiKeyLookup(boolean fromCache) {}

    /** A value to sample when metrics are read (key count, cache sizes). */
    default void gauge(String name, Supplier<Number> value) {}
}
