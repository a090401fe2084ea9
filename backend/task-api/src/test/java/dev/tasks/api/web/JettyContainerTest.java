package dev.tasks.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.EventStream;
import dev.tasks.api.support.TestTokens;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The container's own rules, which no request shows without waiting: a connection that sends
 * nothing is dropped after 20 s, but not an open live stream (it ends itself); the container never
 * rewrites the client's address from X-Forwarded-* (only web.ClientAddress does, from trusted proxies).
 */
class JettyContainerTest extends ApiTest {

    @Autowired
    private ServletWebServerApplicationContext context;

    private ServerConnector connector() {
        Server server = ((JettyWebServer) context.getWebServer()).getServer();
        return (ServerConnector) Arrays.stream(server.getConnectors())
                .filter(ServerConnector.class::isInstance)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anIdleConnectionIsDroppedAfter20Seconds() {
        assertThat(connector().getIdleTimeout()).isEqualTo(20_000);
    }

    @Test
    void anOpenLiveStreamIsNotDroppedForBeingQuiet() {
        String user = newUser();
        try (EventStream stream = EventStream.open(api(), "/api/" + user + "/events", TestTokens.forUser(user), null)) {
            assertThat(stream.status()).isEqualTo(200);
            stream.next(event -> event.id() != null); // the opening is written: the stream is handed over

            List<Long> timeouts = connector().getConnectedEndPoints().stream()
                    .map(EndPoint::getIdleTimeout)
                    .toList();
            assertThat(timeouts).contains(0L);
        }
    }

    @Test
    void theContainerDoesNotHonourForwardedHeaders() {
        HttpConnectionFactory http = connector().getConnectionFactory(HttpConnectionFactory.class);
        assertThat(http.getHttpConfiguration().getCustomizers())
                .noneMatch(ForwardedRequestCustomizer.class::isInstance);
    }
}
