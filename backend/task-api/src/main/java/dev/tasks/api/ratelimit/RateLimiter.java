package dev.tasks.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** One token bucket per key (a user id or a client address), in memory, bounded in number. */
public final class RateLimiter {

    static final int MAX_KEYS = 100_000;

    private final RateLimitSettings.Limit limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(RateLimitSettings.Limit limit, TimeMeter time) {
        this.limit = limit;
        this.time = time;
        // A bucket left alone for burst/perSecond seconds is full again, exactly as good as a new
        // one: forgetting it then loses nothing and keeps memory to the callers of the last seconds.
        long refillSeconds = limit.enabled() ? (limit.burst() + limit.perSecond() - 1) / limit.perSecond() : 0;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(Duration.ofSeconds(refillSeconds + 1))
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** Takes one token for {@code key}: 0 when allowed, else the seconds to wait (≥ 1). */
    long acquire(String key) {
        if (!limit.enabled()) {
            return 0;
        }
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build();
    }
}
