package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.ApiKeyOutcome;
import io.github.betterauthjava.jwt.BetterAuthMetrics;
import io.github.betterauthjava.jwt.Outcome;
import io.github.betterauthjava.jwt.SessionOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** Counters and gauges on a Micrometer registry; only loaded when Micrometer is on the class path. */
final class MicrometerBetterAuthMetrics implements BetterAuthMetrics {

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> verifications = new EnumMap<>(Outcome.class);
    private final Map<SessionOutcome, Counter> sessionChecks = new EnumMap<>(SessionOutcome.class);
    private final Map<ApiKeyOutcome, Counter> apiKeyChecks = new EnumMap<>(ApiKeyOutcome.class);
    private final Counter keysFromCache;
    private final Counter keysFromStore;
    private final Counter sessionsFromCache;
    private final Counter sessionsFromStore;
    private final Counter fetchSuccess;
    private final Counter fetchFailure;

    MicrometerBetterAuthMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            verifications.put(
                    outcome,
                    Counter.builder(VERIFICATIONS)
                            .description("Better Auth bearer tokens verified, by outcome")
                            .tag("outcome", outcome.tag())
                            .register(registry));
        }
        for (SessionOutcome outcome : SessionOutcome.values()) {
            sessionChecks.put(
                    outcome,
                    Counter.builder(SESSION_CHECKS)
                            .description("Better Auth session checks of bearer tokens, by outcome")
                            .tag("outcome", outcome.tag())
                            .register(registry));
        }
        for (ApiKeyOutcome outcome : ApiKeyOutcome.values()) {
            apiKeyChecks.put(
                    outcome,
                    Counter.builder(API_KEY_CHECKS)
                            .description("Better Auth API key checks, by outcome")
                            .tag("outcome", outcome.tag())
                            .register(registry));
        }
        sessionsFromCache = lookupCounter(SESSION_LOOKUPS, "session", "cache");
        sessionsFromStore = lookupCounter(SESSION_LOOKUPS, "session", "store");
        keysFromCache = lookupCounter(API_KEY_LOOKUPS, "API key", "cache");
        keysFromStore = lookupCounter(API_KEY_LOOKUPS, "API key", "store");
        fetchSuccess = fetchCounter("success");
        fetchFailure = fetchCounter("failure");
    }

    private Counter fetchCounter(String outcome) {
        return Counter.builder(JWKS_FETCHES)
                .description("Better Auth JWKS fetches, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter lookupCounter(String name, String what, String source) {
        return Counter.builder(name)
                .description("Better Auth " + what + " lookups, by where the answer came from")
                .tag("source", source)
                .register(registry);
    }

    @Override
    public void sessionCheck(SessionOutcome outcome) {
        sessionChecks.get(outcome).increment();
    }

    @Override
    public void sessionLookup(boolean fromCache) {
        (fromCache ? sessionsFromCache : sessionsFromStore).increment();
    }

    @Override
    public void apiKeyCheck(ApiKeyOutcome outcome) {
        apiKeyChecks.get(outcome).increment();
    }

    @Override
    public void apiKeyLookup(boolean fromCache) {
        (fromCache ? keysFromCache : keysFromStore).increment();
    }

    @Override
    public void verification(Outcome outcome) {
        verifications.get(outcome).increment();
    }

    @Override
    public void jwksFetch(boolean success) {
        (success ? fetchSuccess : fetchFailure).increment();
    }

    @Override
    public void gauge(String name, Supplier<Number> value) {
        Gauge.builder(name, value).register(registry);
    }
}
