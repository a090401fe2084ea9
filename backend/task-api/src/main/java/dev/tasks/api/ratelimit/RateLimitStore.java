package dev.tasks.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buckets' table ({@code tasks.rate_limit_buckets}, migration V6) and a cleanup that deletes
 * the rows of buckets that are full again: such a row is as good as none, and without the cleanup
 * every address that ever called would stay in the table.
 *
 * <p>Of Bucket4j's two PostgreSQL strategies, select-for-update takes one round trip fewer per
 * request than the advisory lock (no separate lock statement) and is just as exact.
 */
public final class RateLimitStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RateLimitStore.class);
    private static final int CLEANUP_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ScheduledExecutorService cleanup;

    /**
     * {@code time} must read the same on every instance (a wall clock, not {@code nanoTime}): the
     * stored bucket remembers when it was last refilled, and another instance computes from that.
     */
    public RateLimitStore(DataSource dataSource, TimeMeter time) {
        this(dataSource, time, Duration.ofSeconds(10));
    }

    /** {@code keep}: how long a row stays after its bucket is full again (the system clock decides). */
    RateLimitStore(DataSource dataSource, TimeMeter time, Duration keep) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("tasks.rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // Kept a little past the moment the bucket is full again, then fair game for cleanup.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keep))
                .clientClock(time)
                // Bounds how long one request can wait on a locked row or a stuck database.
                .requestTimeout(Duration.ofSeconds(2))
                .build();
        this.cleanup = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("rate-limit-cleanup").factory());
        cleanup.scheduleWithFixedDelay(this::removeExpired, 1, 1, TimeUnit.MINUTES);
    }

    ProxyManager<String> buckets() {
        return buckets;
    }

    /** Deletes expired rows in batches (rows locked by a request right now are skipped). */
    int removeExpired() {
        int total = 0;
        try {
            int removed;
            do {
                removed = buckets.removeExpired(CLEANUP_BATCH);
                total += removed;
            } while (removed == CLEANUP_BATCH);
        } catch (RuntimeException e) {
            log.debug("Rate limit cleanup skipped: {}", e.toString());
        }
        return total;
    }

    @Override
    public void close() {
        cleanup.shutdownNow();
    }
}
