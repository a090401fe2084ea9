package dev.tasks.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.support.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The buckets in the test PostgreSQL (migrated here as the API migrates it), one key per test. */
class RateLimiterTest {

    // The same hand-moved Bucket4j clock as the HTTP test's.
    private final RateLimitTest.ManualClock clock = new RateLimitTest.ManualClock();
    private final RateLimitStore store = new RateLimitStore(migrated(), clock);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final Counter unavailable = Counter.builder("unavailable").register(metrics);
    private final Counter error = Counter.builder("error").register(metrics);
    private final RateLimiter.Failures failures = new RateLimiter.Failures(unavailable, error);
    private final String key = "k-" + UUID.randomUUID();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void allowsTheBurstThenRefillsAtTheSustainedRate() {
        RateLimiter limiter = limiter(50, 300);

        assertThat(IntStream.range(0, 300).map(i -> (int) limiter.acquire(key))).containsOnly(0);
        assertThat(limiter.acquire(key)).isEqualTo(1);

        clock.advance(Duration.ofMillis(100)); // 5 tokens back at 50/s
        assertThat(IntStream.range(0, 5).map(i -> (int) limiter.acquire(key))).containsOnly(0);
        assertThat(limiter.acquire(key)).isPositive();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextToken() {
        RateLimiter limiter = limiter(1, 1);
        limiter.acquire(key);

        assertThat(limiter.acquire(key)).isEqualTo(1);
        clock.advance(Duration.ofMillis(100));
        assertThat(limiter.acquire(key)).as("0.9 s rounds up").isEqualTo(1);
    }

    @Test
    void keysAreIndependent() {
        RateLimiter limiter = limiter(1, 2);
        limiter.acquire(key);
        limiter.acquire(key);

        assertThat(limiter.acquire(key)).isPositive();
        assertThat(limiter.acquire(key + "-other")).isZero();
    }

    @Test
    void twoLimitersOnOneTableShareABucketAndAFreshOneContinuesIt() {
        // Two instances of the API, and then one restarted: what counts is the row, not the object.
        RateLimiter first = limiter(1, 4);
        RateLimiter second = new RateLimiter("test", new RateLimitSettings.Limit(1, 4), store.buckets(), failures);
        first.acquire(key);
        second.acquire(key);
        first.acquire(key);
        RateLimitStore restarted = new RateLimitStore(migrated(), clock);
        try {
            RateLimiter afterRestart =
                    new RateLimiter("test", new RateLimitSettings.Limit(1, 4), restarted.buckets(), failures);
            assertThat(afterRestart.acquire(key)).isZero();
            assertThat(afterRestart.acquire(key)).isEqualTo(1);
            assertThat(first.acquire(key)).isEqualTo(1);
        } finally {
            restarted.close();
        }
    }

    @Test
    void aChangedLimitStartsFromAFreshBucket() {
        limiter(1, 1).acquire(key);

        assertThat(limiter(1, 1).acquire(key)).isEqualTo(1);
        assertThat(limiter(1, 2).acquire(key)).isZero();
    }

    @Test
    void theTwoKindsOfLimitNeverShareABucket() {
        new RateLimiter("user", new RateLimitSettings.Limit(1, 1), store.buckets(), failures).acquire(key);

        assertThat(new RateLimiter("ip", new RateLimitSettings.Limit(1, 1), store.buckets(), failures).acquire(key))
                .isZero();
    }

    @Test
    void zeroPerSecondNeverRefusesAndNeverTouchesTheDatabase() {
        RateLimiter limiter = new RateLimiter("test", new RateLimitSettings.Limit(0, 1), null, failures);

        assertThat(IntStream.range(0, 10_000).map(i -> (int) limiter.acquire(key)))
                .containsOnly(0);
    }

    @Test
    void bucketsFullAgainAreCleanedUp() throws Exception {
        // Rows are kept 0 s past full here; 1000/s refills a 1-token bucket in 1 ms. expires_at is
        // on the system clock, so the test waits for it (bounded), it does not time it.
        RateLimitStore quick = new RateLimitStore(migrated(), clock, Duration.ZERO);
        try {
            new RateLimiter("test", new RateLimitSettings.Limit(1000, 1), quick.buckets(), failures).acquire(key);
            limiter(1, 1).acquire(key + "-later");
            assertThat(rows(key)).isEqualTo(1);

            await().atMost(Duration.ofSeconds(30)).until(() -> quick.removeExpired() > 0 && rows(key) == 0);
            assertThat(rows(key + "-later"))
                    .as("a bucket still refilling stays")
                    .isEqualTo(1);
        } finally {
            quick.close();
        }
    }

    @Test
    void anUnreachableDatabaseLetsRequestsThroughAndCountsThem() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RateLimitStore down = new RateLimitStore(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(
                        "jdbc:postgresql://127.0.0.1:" + closedPort + "/tasks?connectTimeout=1", "postgres", "x"),
                clock);
        try {
            RateLimiter limiter = new RateLimiter("test", new RateLimitSettings.Limit(1, 1), down.buckets(), failures);

            assertThat(IntStream.range(0, 3).map(i -> (int) limiter.acquire(key)))
                    .containsOnly(0);
            assertThat(unavailable.count()).isEqualTo(3);
        } finally {
            down.close();
        }
    }

    @Test
    void otherDatabaseErrorsLetRequestsThroughAndAreCountedApart() {
        // A database without the table: a deployment bug, counted as an error, not as an outage.
        RateLimitStore broken = new RateLimitStore(TestPostgres.dataSource("postgres"), clock);
        try {
            RateLimiter limiter =
                    new RateLimiter("test", new RateLimitSettings.Limit(1, 1), broken.buckets(), failures);

            assertThat(IntStream.range(0, 3).map(i -> (int) limiter.acquire(key)))
                    .containsOnly(0);
            assertThat(error.count()).isEqualTo(3);
            assertThat(unavailable.count()).isZero();
        } finally {
            broken.close();
        }
    }

    private RateLimiter limiter(int perSecond, int burst) {
        return new RateLimiter("test", new RateLimitSettings.Limit(perSecond, burst), store.buckets(), failures);
    }

    private static long rows(String key) throws Exception {
        try (var connection = TestPostgres.connect();
                var count =
                        connection.prepareStatement("select count(*) from tasks.rate_limit_buckets where id like ?")) {
            count.setString(1, "%:" + key);
            var result = count.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }

    private static DataSource migrated() {
        DataSource dataSource = TestPostgres.dataSource("tasks");
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("tasks")
                .defaultSchema("tasks")
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }
}
