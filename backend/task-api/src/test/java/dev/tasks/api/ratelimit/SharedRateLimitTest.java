package dev.tasks.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.TaskApiApplication;
import dev.tasks.api.support.Api;
import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SPEC 1.5 across instances: two API instances (two Spring contexts) on one PostgreSQL draw on one
 * budget per user and per address, and an instance started afresh continues where the others left
 * off. Both share one hand-moved clock, as real instances share the wall clock.
 */
class SharedRateLimitTest {

    // Limits used by no other test class, so no other test's buckets (same keys) are in play.
    private static final int BURST = 5;

    private final RateLimitTest.ManualClock clock = new RateLimitTest.ManualClock();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopAll() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aUsersBudgetIsSharedByTwoInstancesAndSurvivesARestart() {
        Api first = start();
        Api second = start();
        String user = "user-" + UUID.randomUUID();
        String token = TestTokens.forUser(user);

        List<Integer> allowed = List.of(
                first.get("/api/me", token).status(),
                second.get("/api/me", token).status(),
                first.get("/api/me", token).status(),
                second.get("/api/me", token).status());
        instances.removeFirst().close();
        Api restarted = start();

        assertThat(allowed).containsOnly(200);
        assertThat(restarted.get("/api/me", token).status())
                .as("the 5th request, on a freshly started instance")
                .isEqualTo(200);
        Response refused = second.get("/api/me", token);
        assertThat(refused.status()).as("the 6th, wherever it lands").isEqualTo(429);
        assertThat(refused.header("Retry-After")).contains("1");
        assertThat(restarted.get("/api/me", token).status()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(1));
        assertThat(restarted.get("/api/me", token).status()).isEqualTo(200);
        assertThat(second.get("/api/me", token).status()).isEqualTo(429);
    }

    @Test
    void requestsWithoutATokenShareTheAddressBudgetAcrossInstances() {
        clock.advance(Duration.ofDays(1)); // a fresh address bucket whatever the other test did
        Api first = start();
        Api second = start();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BURST + 1; i++) {
            statuses.add((i % 2 == 0 ? first : second).get("/api/me", "bad").status());
        }

        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
    }

    @Test
    void whilePostgresIsDownTheLimitLetsRequestsThroughAndWhatNeedsTheDatabaseAnswers503() {
        Api api = start();
        String user = "user-" + UUID.randomUUID();
        String token = TestTokens.forUser(user);

        TestPostgres.stop();
        try {
            assertThat(api.get("/api/me", token).status())
                    .as("fail open: no 5xx from the limiter for a request that needs no database")
                    .isEqualTo(200);
            assertThat(api.get("/api/" + user + "/tasks", token).status()).isEqualTo(503);
        } finally {
            TestPostgres.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/" + user + "/tasks", token).status() == 200);
    }

    private Api start() {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--MANAGEMENT_SERVER_PORT=off",
                "--DATABASE_URL=" + TestPostgres.databaseUrl(),
                "--RATE_LIMIT_USER_RPS=1",
                "--RATE_LIMIT_USER_BURST=" + BURST,
                "--RATE_LIMIT_IP_RPS=1",
                "--RATE_LIMIT_IP_BURST=" + BURST,
                "--BETTER_AUTH_SESSION_CHECK=if-present"));
        TestTokens.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TaskApiApplication.class)
                .initializers(created -> created.getBeanFactory().registerSingleton("testClock", (TimeMeter) clock))
                .run(args.toArray(String[]::new));
        instances.add(context);
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
