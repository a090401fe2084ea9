package dev.tasks.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tasks.api.support.Api;
import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Metrics (JVM version, disk paths, CPU count, verification counters) are for operators: served
 * on the management port, bound to the loopback interface by default, never on the API's port.
 */
class ManagementPortTest extends ApiTest {

    private static final List<String> ACTUATOR = List.of(
            "/actuator",
            "/actuator/prometheus",
            "/actuator/metrics",
            "/actuator/metrics/jvm.info",
            "/actuator/health",
            "/actuator/info",
            "/actuator/env",
            "/actuator/heapdump");

    @LocalServerPort
    private int apiPort;

    @LocalManagementPort
    private int managementPort;

    @Value("${management.server.address}")
    private String managementAddress;

    @Test
    void metricsAreNotServedOnTheApiPort() {
        String token = TestTokens.forUser(newUser());
        for (String path : ACTUATOR) {
            for (String bearer : new String[] {null, token}) {
                Response response = api().get(path, bearer);
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.contentType()).as(path).startsWith("application/problem+json");
                assertThat(response.body())
                        .as(path)
                        .doesNotContain("# TYPE")
                        .doesNotContain("measurements")
                        .doesNotContain("\"status\":\"UP\"");
            }
        }
    }

    @Test
    void metricsAreServedOnTheManagementPort() {
        assertThat(managementPort).isNotEqualTo(apiPort);
        Api management = new Api(managementPort);

        Response prometheus = management.get("/actuator/prometheus", null);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests").contains("better_auth_token_verifications");
        assertThat(management
                        .get("/actuator/metrics/better_auth.token.verifications", null)
                        .status())
                .isEqualTo(200);
        for (String hidden :
                List.of("/actuator/env", "/actuator/heapdump", "/actuator/configprops", "/actuator/threaddump")) {
            assertThat(management.get(hidden, null).status()).as(hidden).isIn(401, 404);
        }
    }

    /**
     * Every request is timed (count, sum, max per uri, method and status), but without the long
     * task timer each observation would also start and stop: it costs CPU on every request.
     */
    @Test
    void requestsAreTimedWithoutALongTaskTimerPerRequest() {
        assertThat(api().get("/health", null).status()).isEqualTo(200);
        String prometheus =
                new Api(managementPort).get("/actuator/prometheus", null).body();
        assertThat(prometheus)
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/health\"")
                .doesNotContain("http_server_requests_active");
    }

    @Test
    void theManagementPortIsBoundToTheLoopbackAddressOnly() throws IOException {
        assertThat(managementAddress).isEqualTo("127.0.0.1");
        assertThat(connects(InetAddress.getByName("127.0.0.1"), managementPort)).isTrue();
        // Bound to one address, not the wildcard: another local address (IPv6 loopback) is refused
        // on the management port, while the API's port, bound to every address, accepts it.
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        assumeTrue(connects(ipv6Loopback, apiPort), "this machine has IPv6 loopback");
        assertThat(connects(ipv6Loopback, managementPort))
                .as("management port on ::1")
                .isFalse();
    }

    /** Whether a TCP connection is accepted; refused is false, anything else an error. */
    private static boolean connects(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }
}
