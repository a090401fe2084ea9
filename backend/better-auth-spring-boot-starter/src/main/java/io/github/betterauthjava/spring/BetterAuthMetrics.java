package io.github.betterauthjava.spring;

import java.util.function.Supplier;

/** What the verifier reports; Micrometer-backed when a {@code MeterRegistry} is present. */
interface BetterAuthMetrics {

    String VERIFICATIONS = "better_auth.token.verifications";
    String JWKS_FETCHES = "better_auth.jwks.fetches";
    String JWKS_KEYS = "better_auth.jwks.keys";
    String TOKEN_CACHE_SIZE = "better_auth.token.cache.size";
    String SESSION_CHECKS = "better_auth.session.checks";
    String SESSION_LOOKUPS = "better_auth.session.lookups";
    String SESSION_CACHE_SIZE = "better_auth.session.cache.size";

    BetterAuthMetrics NONE = new BetterAuthMetrics() {
    };

    default void verification(Outcome outcome) {
    }

    default void jwksFetch(boolean success) {
    }

    /** What the session check concluded for one token. */
    default void sessionCheck(SessionOutcome outcome) {
    }

    /** A session lookup answered from the cache (or joined one in flight), or sent to the store. */
    default void sessionLookup(boolean fromCache) {
    }

    default void gauge(String name, Supplier<Number> value) {
    }
}
