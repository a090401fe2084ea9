package dev.tasks.betterauth;

import java.util.function.Supplier;

/** What the verifier reports; Micrometer-backed when a {@code MeterRegistry} is present. */
interface BetterAuthMetrics {

    String VERIFICATIONS = "better_auth.token.verifications";
    String JWKS_FETCHES = "better_auth.jwks.fetches";
    String JWKS_KEYS = "better_auth.jwks.keys";
    String TOKEN_CACHE_SIZE = "better_auth.token.cache.size";

    BetterAuthMetrics NONE = new BetterAuthMetrics() {
    };

    default void verification(Outcome outcome) {
    }

    default void jwksFetch(boolean success) {
    }

    default void gauge(String name, Supplier<Number> value) {
    }
}
