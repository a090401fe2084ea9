package dev.tasks.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.TaskApiApplication;
import dev.tasks.api.support.Api;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.EventStream;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two API instances on one database, as behind a load balancer: a change made through either
 * reaches a stream open on the other (through the change log, nothing else is shared), and an
 * instance that stops ends its streams at once (event: end, reason shutdown) rather than holding
 * its graceful shutdown up, so their clients reconnect elsewhere.
 */
class TwoInstancesTest extends ApiTest {

    @Test
    void changesCrossInstancesAndAStoppingInstanceEndsItsStreams() {
        String user = newUser();
        String token = TestTokens.forUser(user);
        String base = "/api/" + user;
        Api a = api();
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            Api b = new Api(
                    ((WebServerApplicationContext) second).getWebServer().getPort());
            try (EventStream onA = EventStream.open(a, base + "/events", token, null);
                    EventStream onB = EventStream.open(b, base + "/events", token, null)) {
                assertThat(onA.status()).isEqualTo(200);
                assertThat(onB.status()).isEqualTo(200);

                long viaA = a.post(base + "/tasks", token, "{\"title\":\"via A\"}")
                        .json()
                        .get("id")
                        .asLong();
                assertThat(onB.next("task").data()).isEqualTo("{\"op\":\"upsert\",\"id\":" + viaA + "}");
                long viaB = b.post(base + "/lists", token, "{\"name\":\"via B\"}")
                        .json()
                        .get("id")
                        .asLong();
                assertThat(onA.next("list").data()).isEqualTo("{\"op\":\"upsert\",\"id\":" + viaB + "}");

                second.close();
                assertThat(onB.next("end").data()).isEqualTo("{\"reason\":\"shutdown\"}");
                onB.awaitClosed();

                // The other instance's stream goes on; a client of B resumes there with its cursor.
                try (EventStream resumed = EventStream.open(a, base + "/events", token, onB.lastId())) {
                    a.put(base + "/tasks/" + viaA, token, "{\"title\":\"after B stopped\"}");
                    assertThat(resumed.next("task").data()).contains("\"id\":" + viaA);
                    assertThat(onA.next("task").data()).contains("\"id\":" + viaA);
                }
            }
        }
    }

    /** The same application and settings as the test's own context, on ports of its own. */
    private static ConfigurableApplicationContext startSecondInstance() {
        Map<String, Object> properties = new HashMap<>(TestTokens.properties());
        properties.put("DATABASE_URL", TestPostgres.databaseUrl());
        properties.put("RATE_LIMIT_USER_RPS", "0");
        properties.put("RATE_LIMIT_IP_RPS", "0");
        properties.put("BETTER_AUTH_SESSION_CHECK", "if-present");
        properties.put("CORS_ORIGINS", "http://localhost:3000");
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("tasks.change-log.retention", "10s");
        // Ports also as arguments: default properties lose to application.properties' ${PORT:8000}, and the
        // test failed whenever something else held port 8000.
        return new SpringApplicationBuilder(TaskApiApplication.class)
                .properties(properties)
                .run("--server.port=0", "--management.server.port=0");
    }
}
