package dev.tasks.api.support;

import dev.tasks.api.database.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real PostgreSQL for the whole test JVM (started on first use, ~1 s), run by the API's own
 * {@link EmbeddedPostgresServer} on a free port in a temporary directory. Every Spring context of
 * the suite points {@code DATABASE_URL} at it; tests use distinct user ids, so they share it safely.
 * {@link #stop()} and {@link #start()} keep port and data directory: an outage, not a new database.
 */
public final class TestPostgres {

    private static final Path DATA;
    private static final int PORT;
    /** Generated per test JVM, like the password ./run.sh generates per data directory. */
    private static final String PASSWORD = java.util.UUID.randomUUID().toString();

    private static EmbeddedPostgresServer server;

    static {
        try {
            DATA = Files.createTempDirectory("task-api-test-pg");
            try (ServerSocket socket = new ServerSocket(0)) {
                PORT = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::removeAll, "test-postgres-cleanup"));
    }

    private TestPostgres() {}

    /** The libpq URL, as DATABASE_URL; starts the server on first use. */
    public static synchronized String databaseUrl() {
        if (server == null) {
            start();
        }
        return server.postgresqlUrl();
    }

    public static synchronized void start() {
        if (server == null) {
            server = EmbeddedPostgresServer.start(DATA.resolve("postgres"), PORT, PASSWORD);
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** A direct connection, for checking what is stored without going through the API. */
    public static Connection connect() throws SQLException {
        databaseUrl();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/tasks", "postgres", PASSWORD);
    }

    /** A direct connection to another database of the test server (one a test created). */
    public static Connection connect(String database) throws SQLException {
        databaseUrl();
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + PORT + "/" + database, "postgres", PASSWORD);
    }

    /** Another database of the test server as a DataSource (for Flyway in a migration test). */
    public static javax.sql.DataSource dataSource(String database) {
        databaseUrl();
        return new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + PORT + "/" + database, "postgres", PASSWORD);
    }

    public static int port() {
        return PORT;
    }

    private static void removeAll() {
        stop();
        try (Stream<Path> files = Files.walk(DATA)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory: the OS cleans up what is left
        }
    }
}
