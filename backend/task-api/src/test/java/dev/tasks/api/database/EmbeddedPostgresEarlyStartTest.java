package dev.tasks.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasks.api.TaskApiApplication;
import dev.tasks.api.support.Api;
import dev.tasks.api.support.TestTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Without DATABASE_URL the embedded PostgreSQL starts on a thread of its own before the context
 * refresh (so its start overlaps Spring's), serves the API once ready, and never outlives the API,
 * not even one whose start fails after PostgreSQL began starting.
 */
class EmbeddedPostgresEarlyStartTest {

    @Test
    void theEmbeddedPostgresStartsBeforeTheRefreshAndServesTheApi(@TempDir Path data) throws IOException {
        int port = freePort();
        try (ConfigurableApplicationContext context = start(data, port)) {
            assertThat(context.getBean(EmbeddedPostgresEarlyStart.BEAN_NAME))
                    .isInstanceOf(PendingEmbeddedPostgres.class);
            Api api = new Api(
                    ((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
            String user = "early-start-user";
            assertThat(api.post(
                                    "/api/" + user + "/tasks",
                                    TestTokens.forUser(user),
                                    "{\"title\":\"after an early start\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(isFree(port)).isFalse();
        }
        assertThat(isFree(port)).as("PostgreSQL stopped with the API").isTrue();
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void aStartThatFailsAfterPostgresBeganStartingStopsIt(@TempDir Path data) throws IOException {
        int port = freePort();
        // A bad starter property is refused by a bean made during the refresh, after the early start began.
        assertThatThrownBy(() ->
                        start(data, port, "--better-auth.token-cache-size=-1").close())
                .hasStackTraceContaining("token-cache-size");
        assertThat(data.resolve("postgres/PG_VERSION"))
                .as("PostgreSQL was started early")
                .exists();
        assertThat(isFree(port)).as("PostgreSQL stopped with the failed start").isTrue();
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    private static ConfigurableApplicationContext start(Path data, int postgresPort, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--DATABASE_URL=", // blank = unset: the embedded PostgreSQL even where the shell sets one
                "--TASKS_DATA_DIR=" + data,
                "--EMBEDDED_POSTGRES_PORT=" + postgresPort,
                "--PORT=0",
                "--management.server.port=0",
                "--RATE_LIMIT_USER_RPS=0",
                "--RATE_LIMIT_IP_RPS=0",
                "--BETTER_AUTH_SESSION_CHECK=if-present"));
        TestTokens.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(TaskApiApplication.class).run(args.toArray(String[]::new));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
