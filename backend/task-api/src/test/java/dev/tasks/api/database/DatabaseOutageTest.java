package dev.tasks.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.SecurityHeaders;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away while the API runs: requests get 503 with Retry-After, readiness turns
 * 503, liveness stays 200; once PostgreSQL is back (same port, same data directory) the API
 * recovers by itself and everything stored before is still there.
 */
class DatabaseOutageTest extends ApiTest {

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() {
        String user = newUser();
        String token = TestTokens.forUser(user);
        String tasks = "/api/" + user + "/tasks";
        long before = api().post(tasks, token, "{\"title\":\"written before the outage\"}")
                .json()
                .get("id")
                .asLong();

        TestPostgres.stop();
        try {
            Response list = api().get(tasks, token);
            assertThat(list.status()).isEqualTo(503);
            assertThat(list.header("Retry-After")).isPresent();
            assertThat(list.contentType()).startsWith("application/problem+json");
            assertThat(list.json().get("detail").asString()).contains("database");
            SecurityHeaders.assertPresent(list, "503");

            Response write = api().post(tasks, token, "{\"title\":\"written during the outage\"}");
            assertThat(write.status()).isEqualTo(503);

            assertThat(api().get("/health/ready", null).status()).isEqualTo(503);
            assertThat(api().get("/health", null).status()).isEqualTo(200);
            assertThat(api().get("/api/me", token).status())
                    .as("tokens need no database")
                    .isEqualTo(200);
        } finally {
            TestPostgres.start();
        }

        // Pooled connections died with the server; the pool replaces them on its own.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api().get("/health/ready", null).status() == 200);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api().get(tasks, token).status() == 200);

        Response after = api().get(tasks, token);
        assertThat(after.json().size()).isEqualTo(1);
        assertThat(after.json().get(0).get("id").asLong()).isEqualTo(before);
        assertThat(api().post(tasks, token, "{\"title\":\"written after\"}").status())
                .isEqualTo(201);
    }
}
