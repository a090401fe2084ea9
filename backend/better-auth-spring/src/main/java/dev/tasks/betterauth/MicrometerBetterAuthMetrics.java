package dev.tasks.betterauth;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters and gauges on a Micrometer registry; only loaded when Micrometer is on the class path. */
final class MicrometerBetterAuthMetrics implements BetterAuthMetrics {

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> verifications = new EnumMap<>(Outcome.class);
    private final Counter fetchSuccess;
    private final Counter fetchFailure;

    MicrometerBetterAuthMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            verifications.put(outcome, Counter.builder(VERIFICATIONS)
                    .description("Better Auth bearer tokens verified, by outcome")
                    .tag("outcome", outcome.tag())
                    .register(registry));
        }
        fetchSuccess = fetchCounter("success");
        fetchFailure = fetchCounter("failure");
    }

    private Counter fetchCounter(String outcome) {
        return Counter.builder(JWKS_FETCHES).description("Better Auth JWKS fetches, by outcome")
                .tag("outcome", outcome).register(registry);
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
