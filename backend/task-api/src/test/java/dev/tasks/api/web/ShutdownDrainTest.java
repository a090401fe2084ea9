package dev.tasks.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.TaskApiApplication;
import dev.tasks.api.support.Api;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
 * A shutdown begins with a drain: the API still serves, readiness says 503, and every answer tells a
 * keep-alive client to reconnect. A real server on a real port, closed as SIGTERM closes it.
 */
class ShutdownDrainTest {

    private ConfigurableApplicationContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aClosingApiServesThroughTheDrainTellsClientsToReconnectThenStops() throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--MANAGEMENT_SERVER_PORT=off",
                "--DATABASE_URL=" + TestPostgres.databaseUrl(),
                // Long enough for the requests below on any machine; the test ends it by waiting.
                "--BETTER_AUTH_SESSION_CHECK=if-present",
                "--SHUTDOWN_DRAIN_MS=5000"));
        TestTokens.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        context = new SpringApplicationBuilder(TaskApiApplication.class).run(args.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Api api = new Api(port);
        ShutdownDrain drain = context.getBean(ShutdownDrain.class);
        String user = "drain-" + UUID.randomUUID();
        String token = TestTokens.forUser(user);

        assertThat(head(port, "/health")).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);

        Thread closing = Thread.ofVirtual().start(context::close);
        await().atMost(Duration.ofSeconds(10)).until(drain::draining);

        assertThat(head(port, "/health"))
                .as("a new connection is still served, and told to close after the answer")
                .startsWith("HTTP/1.1 200")
                .containsIgnoringCase("connection: close");
        Api.Response ready = api.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().get("reason").asString()).isEqualTo("shutting down");
        assertThat(api.post("/api/" + user + "/tasks", token, "{\"title\":\"during the drain\"}")
                        .status())
                .as("writes still work: the pool and the change log are not stopped yet")
                .isEqualTo(201);
        assertThat(api.get("/api/" + user + "/tasks", token).json().size()).isEqualTo(1);

        closing.join(Duration.ofSeconds(60));
        assertThat(closing.isAlive()).isFalse();
        assertThatThrownBy(() -> head(port, "/health")).isInstanceOf(ConnectException.class);
        context = null;
    }

    /** The status line and headers of a keep-alive GET (no {@code Connection: close} asked). */
    private static String head(int port, String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
