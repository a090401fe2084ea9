package dev.tasks.api.events;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Lifts the connection's idle timeout (server.jetty.connection-idle-timeout, 20 s: meant for
 * clients that connect and send nothing) while a live stream is open, and restores it when the
 * stream ends, in case the client reuses the connection. A stream may stay quiet longer than that
 * between heartbeats if they are configured so; it ends itself (token expiry, session end,
 * shutdown) and a gone client fails its next write. Jetty-specific: outside Jetty (a mock request
 * in a test) it does nothing.
 */
final class StreamIdleTimeout {

    /** Nothing lifted, nothing to restore. */
    static final StreamIdleTimeout NONE = new StreamIdleTimeout(null, 0);

    private final EndPoint endPoint;
    private final long previous;

    private StreamIdleTimeout(EndPoint endPoint, long previous) {
        this.endPoint = endPoint;
        this.previous = previous;
    }

    static StreamIdleTimeout lift(HttpServletRequest request) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        if (jetty == null) {
            return NONE;
        }
        EndPoint endPoint = jetty.getConnectionMetaData().getConnection().getEndPoint();
        long previous = endPoint.getIdleTimeout();
        endPoint.setIdleTimeout(0); // 0: none
        return new StreamIdleTimeout(endPoint, previous);
    }

    void restore() {
        if (endPoint != null) {
            endPoint.setIdleTimeout(previous);
        }
    }
}
