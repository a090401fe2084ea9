package dev.tasks.api.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void aPortInUseIsReportedWithWhatToDo(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, taken.getLocalPort()))
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use")
                    .hasMessageContaining("EMBEDDED_POSTGRES_PORT");
        }
    }
}
