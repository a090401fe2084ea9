package dev.tasks.api.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the API itself for local use (zonky's binaries from Maven Central),
 * with its data kept in a directory across restarts and a fixed port, so the frontend's Better
 * Auth can store its tables in the same database.
 *
 * <p>Listens on 127.0.0.1 only, with no Unix socket; the superuser logs in with a password (SCRAM,
 * see {@link PasswordAuthentication}). Still a development convenience, never a deployment.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "tasks";
    static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    static final String HOST = "127.0.0.1";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    /**
     * Starts PostgreSQL on 127.0.0.1:{@code port} with its data in {@code dataDirectory}, creating both on
     * first use; its superuser {@code postgres} logs in with {@code password} (SCRAM), nobody without.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String password) {
        Path passwordFile = null;
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            requireFreePort(port);
            PasswordAuthentication authentication = PasswordAuthentication.inspect(dataDirectory, password);
            // initdb reads the superuser's password from a file; it lives only until the server is up.
            passwordFile = Files.createTempFile("task-api-pg", ".pw");
            Files.writeString(passwordFile, password + "\n");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky turns this off for test speed; here the data is somebody's tasks.
                    .setServerConfig("synchronous_commit", "on")
                    // Nothing but TCP on the IPv4 loopback: no other interface, no Unix socket (whose
                    // directory, /tmp by default, every local user can reach).
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // Passed to initdb (zonky's "locale" options are any --name=value of initdb): a new
                    // cluster has the password and no trust rule from its very first start.
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    // zonky's own readiness check and getPostgresDatabase() log in with it.
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(directory -> authentication.writeBeforeStart())
                    // Spring stops the server after the connection pool; a JVM hook of its own
                    // would race graceful shutdown and cut in-flight requests off.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory, password);
            try {
                if (authentication.state() == PasswordAuthentication.State.NEEDS_PASSWORD) {
                    server.setPasswordAndRequireIt(authentication);
                }
                server.createDatabaseIfMissing();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory
                            + " (is another task-api using this directory? set TASKS_DATA_DIR or DATABASE_URL): "
                            + e.getMessage(),
                    e);
        } finally {
            deleteQuietly(passwordFile);
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
        return new DatabaseUrl("jdbc:postgresql://" + HOST + ":" + port() + "/" + DATABASE, USER, password);
    }

    /** The same database as a libpq URL, for Better Auth's {@code pg} pool and psql; it holds the password. */
    public String postgresqlUrl() {
        return "postgresql://" + USER + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@" + HOST + ":"
                + port() + "/" + DATABASE;
    }

    /** {@link #postgresqlUrl()} with a placeholder for the password: for log lines. */
    String postgresqlUrlForLogs() {
        return "postgresql://" + USER + ":<" + EmbeddedPassword.VARIABLE + ">@" + HOST + ":" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        }
    }

    /**
     * Upgrading a data directory from before passwords: it started with trust for the superuser
     * (PasswordAuthentication), so set the password, switch to SCRAM, and wait until the server
     * refuses a wrong password before anything else connects.
     */
    private void setPasswordAndRequireIt(PasswordAuthentication authentication) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("alter role " + USER + " with password " + authentication.passwordLiteral());
            authentication.writeSecured();
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not set the password of the embedded PostgreSQL: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (refusesWrongPassword()) {
                log.info(
                        "The embedded PostgreSQL in {} now requires {} (it had no password before)",
                        dataDirectory,
                        EmbeddedPassword.VARIABLE);
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException(
                "the embedded PostgreSQL still accepts logins without its password after reloading "
                        + PasswordAuthentication.FILE);
    }

    private boolean refusesWrongPassword() {
        try (Connection ignored = postgres.getDatabase(USER, "postgres", Map.of("password", "not-" + password))
                .getConnection()) {
            return false;
        } catch (SQLException e) {
            return "28P01".equals(e.getSQLState()); // invalid_password
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the temporary file {}: {}", file, e.getMessage());
            }
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
            throw new IOException(
                    "port " + port + " is already in use; set EMBEDDED_POSTGRES_PORT to a free port"
                            + " (or DATABASE_URL to use a PostgreSQL server you run)",
                    e);
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
        try (FileChannel channel = FileChannel.open(
                        dataDirectory.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return; // a live process owns it; zonky reports that clearly
            }
            Optional<ProcessHandle> orphan = orphanPostmaster(pidFile);
            if (orphan.isPresent()) {
                log.warn(
                        "Stopping an orphaned embedded PostgreSQL (pid {}) left running in {}",
                        orphan.get().pid(),
                        dataDirectory);
                orphan.get().destroy();
                try {
                    orphan.get().onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn(
                            "The orphaned PostgreSQL (pid {}) did not stop in time: {}",
                            orphan.get().pid(),
                            e.getMessage());
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
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
