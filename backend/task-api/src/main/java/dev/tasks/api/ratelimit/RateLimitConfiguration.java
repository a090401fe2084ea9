package dev.tasks.api.ratelimit;

import dev.tasks.api.problem.Problems;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /**
     * The clock is a bean only in tests (one moved by hand makes limits deterministic); otherwise
     * the wall clock, which reads the same on every instance sharing the buckets.
     */
    @Bean(destroyMethod = "close")
    RateLimitStore rateLimitStore(DataSource dataSource, ObjectProvider<TimeMeter> clock) {
        return new RateLimitStore(dataSource, clock.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS));
    }

    @Bean
    RateLimits rateLimits(RateLimitSettings settings, RateLimitStore store, MeterRegistry metrics, Problems problems) {
        RateLimiter.Failures failures =
                new RateLimiter.Failures(failures(metrics, "unavailable"), failures(metrics, "error"));
        return new RateLimits(
                new RateLimiter("user", settings.user(), store.buckets(), failures),
                new RateLimiter("ip", settings.address(), store.buckets(), failures),
                new ClientAddress(settings.trustedProxies()),
                problems);
    }

    private static Counter failures(MeterRegistry metrics, String reason) {
        return Counter.builder("tasks.rate_limit.unavailable")
                .description("Requests let through unlimited because the buckets in PostgreSQL could not be used")
                .tag("reason", reason)
                .register(metrics);
    }
}
