package dev.tasks.api.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the API itself for local use (zonky's binaries from Maven Central),
 * with its data kept in a directory across restarts and a fixed port, so the frontend's Better
 * Auth can store its tables in the same database.
 *
 * <p>Trust authentication on localhost only: a development convenience, never a deployment.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "tasks";
    static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL on {@code port} with its data in {@code dataDirectory}, creating both on first use. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            requireFreePort(port);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky turns this off for test speed; here the data is somebody's tasks.
                    .setServerConfig("synchronous_commit", "on")
                    // Spring stops the server after the connection pool; a JVM hook of its own
                    // would race graceful shutdown and cut in-flight requests off.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + " (is another task-api using this directory? set TASKS_DATA_DIR or DATABASE_URL): " + e.getMessage(), e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The URL the API connects with. */
    DatabaseUrl url() {
        return new DatabaseUrl("jdbc:postgresql://localhost:" + port() + "/" + DATABASE, USER, null);
    }

    /** The same database as a libpq URL, for Better Auth's {@code pg} pool and psql. */
    public String postgresqlUrl() {
        return "postgresql://" + USER + "@localhost:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }

    private static void requireFreePort(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IOException("port " + port + " is already in use; set EMBEDDED_POSTGRES_PORT to a free port"
                    + " (or DATABASE_URL to use a PostgreSQL server you run)", e);
        }
    }

    /**
     * pg_ctl runs the server as a daemon: if the JVM that started it was killed (kill -9, a crashed
     * IDE), the server outlives it and holds the port and the data directory. When no live task-api
     * holds the directory's lock, such a server is an orphan and is shut down (SIGTERM = smart
     * shutdown, nothing lost) before starting afresh.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve("epg-lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return; // a live process owns it; zonky reports that clearly
            }
            Optional<ProcessHandle> orphan = orphanPostmaster(pidFile);
            if (orphan.isPresent()) {
                log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left running in {}", orphan.get().pid(), dataDirectory);
                orphan.get().destroy();
                try {
                    orphan.get().onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("The orphaned PostgreSQL (pid {}) did not stop in time: {}", orphan.get().pid(), e.getMessage());
                }
            }
        }
    }

    private static Optional<ProcessHandle> orphanPostmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.getFirst().strip());
            // Only a postgres process: after a reboot the pid may belong to anything.
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
