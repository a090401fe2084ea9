package dev.tasks.api.ratelimit;

import dev.tasks.api.database.DatabaseFailures;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token bucket per key (a user id or a client address), kept in PostgreSQL through Bucket4j so
 * that every instance of the API draws on the same budget and a restart forgets nothing.
 *
 * <p>Every request that is charged costs one short transaction (SELECT … FOR UPDATE, UPDATE) on the
 * pool the API already has. No tokens are handed out locally in advance: that would let each
 * instance give out its own share and the 429 would no longer come at the configured count.
 *
 * <p>When the buckets cannot be read (PostgreSQL down, or anything else going wrong on the way) the
 * limiter lets the request through (fail open), logs once per outage and counts it in
 * {@code tasks.rate_limit.unavailable}: a limiter that turned an outage into 5xx for every request,
 * even those that need no database ({@code /api/me}), would do more harm than the few unlimited
 * requests, and whatever needs the database answers 503 by itself. A failure that is not an outage
 * (a bug, a missing table) is logged as an error, as the outage is, and counted with
 * {@code reason=error}, so it is seen, not hidden.
 */
public final class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final RateLimitSettings.Limit limit;
    private final String keyPrefix;
    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final Counter unavailable;
    private final Counter failed;
    private final AtomicBoolean degraded = new AtomicBoolean();

    /**
     * {@code kind} names the limit ("user", "ip"); it and the limit's numbers prefix every key, so
     * the two limits never share a bucket and a changed limit starts from fresh buckets instead of
     * inheriting ones stored with the old numbers.
     */
    public RateLimiter(String kind, RateLimitSettings.Limit limit, ProxyManager<String> buckets, Failures failures) {
        this.limit = limit;
        this.keyPrefix = kind + ":" + limit.perSecond() + "/" + limit.burst() + ":";
        this.buckets = buckets;
        this.unavailable = failures.unavailable();
        this.failed = failures.error();
        this.configuration = limit.enabled()
                ? BucketConfiguration.builder()
                        .addLimit(bandwidth -> bandwidth
                                .capacity(limit.burst())
                                .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                        .build()
                : null;
    }

    /** Takes one token for {@code key}: 0 when allowed, else the seconds to wait (≥ 1). */
    long acquire(String key) {
        if (!limit.enabled()) {
            return 0;
        }
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(keyPrefix + key, configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            // Outages reach here in several shapes (a failed statement, or the failed rollback
            // after it, "Connection is closed"); every one of them lets the request through.
            boolean outage = DatabaseFailures.isUnavailable(e);
            (outage ? unavailable : failed).increment();
            if (degraded.compareAndSet(false, true)) {
                if (outage) {
                    log.warn(
                            "Rate limits not enforced: PostgreSQL is unavailable ({}); letting requests through",
                            e.toString());
                } else {
                    log.error("Rate limits not enforced: the buckets cannot be used; letting requests through", e);
                }
            }
            return 0;
        }
        if (degraded.compareAndSet(true, false)) {
            log.info("Rate limits enforced again: PostgreSQL is back");
        }
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
    }

    /** The counts of requests let through because the buckets could not be used, by reason. */
    public record Failures(Counter unavailable, Counter error) {}
}
