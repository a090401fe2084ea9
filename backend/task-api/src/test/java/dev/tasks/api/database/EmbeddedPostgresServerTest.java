package dev.tasks.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasks.api.config.InvalidSettingException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of local runs: a superuser who logs in with the password only, over TCP
 * on 127.0.0.1 only, also for data directories made before it had a password.
 */
class EmbeddedPostgresServerTest {

    private static final String PASSWORD = "right-" + EmbeddedPassword.generate();

    @Test
    void aPortInUseIsReportedWithWhatToDo(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, taken.getLocalPort(), PASSWORD))
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use")
                    .hasMessageContaining("EMBEDDED_POSTGRES_PORT");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneWorks(@TempDir Path data) throws Exception {
        try (EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(data.resolve("postgres"), freePort(), PASSWORD)) {
            assertRefusesAllButThePassword(server.port());
            assertThat(DatabaseUrl.parse(server.postgresqlUrl()).password()).isEqualTo(PASSWORD);
            assertThat(server.postgresqlUrlForLogs()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void itListensOnTcpOn127001OnlyWithoutAUnixSocket(@TempDir Path data) throws Exception {
        try (EmbeddedPostgresServer server =
                        EmbeddedPostgresServer.start(data.resolve("postgres"), freePort(), PASSWORD);
                Connection connection = connect(server.port(), PASSWORD);
                var statement = connection.createStatement()) {
            assertThat(setting(statement, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(setting(statement, "unix_socket_directories")).isEmpty();
            assertThat(setting(statement, "password_encryption")).isEqualTo("scram-sha-256");
            assertThat(connects(InetAddress.getByName("::1"), server.port()))
                    .as("[::1]:port")
                    .isFalse();
            assertThat(Files.readString(data.resolve("postgres/pg_hba.conf")))
                    .doesNotContain("trust")
                    .contains("scram-sha-256");
        }
    }

    @Test
    void aDataDirectoryFromBeforePasswordsGetsThePasswordAndKeepsItsData(@TempDir Path data) throws Exception {
        Path directory = data.resolve("postgres");
        int port = freePort();
        // What the API made before passwords: zonky's defaults, trust for everyone.
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(Duration.ofSeconds(30))
                        .start();
                Connection connection = legacy.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create table kept (note text); insert into kept values ('written before the upgrade')");
            try (Connection anyPassword = connect(port, "anything")) {
                assertThat(anyPassword.isValid(1))
                        .as("the old server took any password")
                        .isTrue();
            }
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, port, PASSWORD)) {
            assertRefusesAllButThePassword(port);
            try (Connection connection = connect(port, PASSWORD);
                    var rows = connection.createStatement().executeQuery("select note from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written before the upgrade");
            }
            assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("trust");
        }
        // and on the next start it is simply secured
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(directory, port, PASSWORD)) {
            assertRefusesAllButThePassword(port);
        }
    }

    @Test
    void anotherPasswordIsRefusedBeforeStartingUntilPgHbaConfIsDeleted(@TempDir Path data) throws Exception {
        Path directory = data.resolve("postgres");
        int port = freePort();
        EmbeddedPostgresServer.start(directory, port, PASSWORD).close();
        String other = "other-" + EmbeddedPassword.generate();

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(directory, port, other))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("was set up with another password than EMBEDDED_POSTGRES_PASSWORD")
                .hasMessageContaining("pg_hba.conf")
                .hasMessageNotContaining(other)
                .hasMessageNotContaining(PASSWORD);
        assertThat(connects(InetAddress.getByName("127.0.0.1"), port))
                .as("nothing was started")
                .isFalse();

        Files.delete(directory.resolve("pg_hba.conf"));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, port, other);
                Connection connection = connect(port, other)) {
            assertThat(connection.isValid(1)).isTrue();
            assertThatThrownBy(() -> connect(port, PASSWORD).close()).isInstanceOf(SQLException.class);
        }
    }

    private static void assertRefusesAllButThePassword(int port) throws SQLException {
        try (Connection connection = connect(port, PASSWORD);
                var rows = connection.createStatement().executeQuery("select current_user")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("postgres");
        }
        assertThatThrownBy(() -> connect(port, "wrong-password").close())
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        assertThatThrownBy(() -> connect(port, null).close()).isInstanceOf(SQLException.class);
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    private static String setting(java.sql.Statement statement, String name) throws SQLException {
        try (var rows = statement.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static boolean connects(InetAddress address, int port) throws java.io.IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
