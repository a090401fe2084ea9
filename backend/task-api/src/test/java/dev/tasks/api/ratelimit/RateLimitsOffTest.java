package dev.tasks.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shared test context runs with RATE_LIMIT_*_RPS=0: well beyond the default bursts of 300, nothing is refused. */
class RateLimitsOffTest extends ApiTest {

    @Test
    void zeroTurnsBothLimitsOff() {
        String user = newUser();
        String token = TestTokens.forUser(user);

        long refused = IntStream.range(0, 2 * 310)
                .map(i -> i % 2 == 0
                        ? api().get("/api/me", "bad").status()
                        : api().get("/api/me", token).status())
                .filter(status -> status == 429)
                .count();

        assertThat(refused).isZero();
    }
}
