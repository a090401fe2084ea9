package dev.tasks.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    // The same hand-moved Bucket4j clock as the HTTP test's.
    private final RateLimitTest.ManualClock clock = new RateLimitTest.ManualClock();

    @Test
    void allowsTheBurstThenRefillsAtTheSustainedRate() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings.Limit(50, 300), clock);

        assertThat(IntStream.range(0, 300).map(i -> (int) limiter.acquire("k"))).containsOnly(0);
        assertThat(limiter.acquire("k")).isEqualTo(1);

        clock.advance(Duration.ofMillis(100)); // 5 tokens back at 50/s
        assertThat(IntStream.range(0, 5).map(i -> (int) limiter.acquire("k"))).containsOnly(0);
        assertThat(limiter.acquire("k")).isPositive();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextToken() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings.Limit(1, 1), clock);
        limiter.acquire("k");

        assertThat(limiter.acquire("k")).isEqualTo(1);
        RateLimiter slow = new RateLimiter(new RateLimitSettings.Limit(1, 1), clock);
        slow.acquire("k");
        clock.advance(Duration.ofMillis(100));
        assertThat(slow.acquire("k")).as("0.9 s rounds up").isEqualTo(1);
    }

    @Test
    void keysAreIndependent() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings.Limit(1, 2), clock);
        limiter.acquire("a");
        limiter.acquire("a");

        assertThat(limiter.acquire("a")).isPositive();
        assertThat(limiter.acquire("b")).isZero();
    }

    @Test
    void zeroPerSecondNeverRefuses() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings.Limit(0, 1), clock);

        assertThat(IntStream.range(0, 10_000).map(i -> (int) limiter.acquire("k")))
                .containsOnly(0);
    }
}
