package dev.tasks.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.SecurityHeaders;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import io.github.bucket4j.TimeMeter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * SPEC 1.5 with tiny limits (3 requests, then 1 per second) and a clock that only moves when the
 * test moves it, so what is allowed never depends on how fast the machine is.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "RATE_LIMIT_USER_RPS=1",
            "RATE_LIMIT_USER_BURST=3",
            "RATE_LIMIT_IP_RPS=1",
            "RATE_LIMIT_IP_BURST=3",
            "MANAGEMENT_SERVER_PORT=off",
            // As in ApiTest: route tests, no Better Auth session row per user.
            "BETTER_AUTH_SESSION_CHECK=if-present"
        })
@Import(RateLimitTest.ManualClock.class)
class RateLimitTest extends ApiTest {

    @Autowired
    private ManualClock clock;

    @Test
    void aUserOverTheLimitGets429WithRetryAfterAndTheRequestHasNoEffect() throws SQLException {
        clock.advance(Duration.ofHours(1)); // fresh buckets for every test
        String user = newUser();
        String token = TestTokens.forUser(user);

        List<Integer> allowed = IntStream.range(0, 3)
                .mapToObj(i -> api().post("/api/" + user + "/tasks", token, "{\"title\":\"t" + i + "\"}")
                        .status())
                .toList();
        Response refused = api().post("/api/" + user + "/tasks", token, "{\"title\":\"one too many\"}");

        assertThat(allowed).containsOnly(201);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).contains("1");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("Too many requests");
        SecurityHeaders.assertPresent(refused, "429");
        assertThat(storedTasks(user)).isEqualTo(3);

        clock.advance(Duration.ofSeconds(1));
        assertThat(api().get("/api/" + user + "/tasks", token).status()).isEqualTo(200);
    }

    @Test
    void eachUserHasTheirOwnBucket() {
        clock.advance(Duration.ofHours(1));
        String greedy = newUser();
        String greedyToken = TestTokens.forUser(greedy);
        IntStream.range(0, 4).forEach(i -> api().get("/api/me", greedyToken));
        String other = newUser();

        assertThat(api().get("/api/me", greedyToken).status()).isEqualTo(429);
        assertThat(api().get("/api/me", TestTokens.forUser(other)).status()).isEqualTo(200);
    }

    @Test
    void requestsWithBadTokensAreLimitedPerAddressAndAValidUserIsNot() {
        clock.advance(Duration.ofHours(1));

        List<Integer> statuses = IntStream.range(0, 5)
                .mapToObj(i -> api().get("/api/me", "not-a-token-" + i).status())
                .toList();

        assertThat(statuses).containsExactly(401, 401, 401, 429, 429);
        assertThat(api().get("/api/me", null).status())
                .as("no token at all: same address bucket")
                .isEqualTo(429);
        assertThat(api().get("/api/me", TestTokens.forUser(newUser())).status()).isEqualTo(200);
        assertThat(api().get("/health", null).status())
                .as("probes are never limited")
                .isEqualTo(200);
        assertThat(api().get("/health/ready", null).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(api().get("/api/me", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void xForwardedForFromAnUntrustedPeerDoesNotBuyAFreshBucket() {
        clock.advance(Duration.ofHours(1));

        List<Integer> statuses = IntStream.range(0, 4)
                .mapToObj(i -> api().send(api().request("/api/me", "bad")
                                .header("X-Forwarded-For", "203.0.113." + i)
                                .GET())
                        .status())
                .toList();

        assertThat(statuses).containsExactly(401, 401, 401, 429);
    }

    @Test
    void a429CarriesRetryAfterAndAProblem() {
        clock.advance(Duration.ofHours(1));
        IntStream.range(0, 3).forEach(i -> api().get("/api/me", "bad"));

        Response refused = api().get("/api/me", "bad");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).contains("1");
        assertThat(refused.json().get("status").asInt()).isEqualTo(429);
        assertThat(refused.header("WWW-Authenticate")).isEmpty();
    }

    private static long storedTasks(String user) throws SQLException {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from tasks.tasks where user_id = ?")) {
            count.setString(1, user);
            ResultSet result = count.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Bucket4j's clock, moved by hand; the configuration itself is the TimeMeter bean. It starts at
     * the wall clock, as the buckets stored in PostgreSQL expect of every instance's clock.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class ManualClock implements TimeMeter {

        private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
