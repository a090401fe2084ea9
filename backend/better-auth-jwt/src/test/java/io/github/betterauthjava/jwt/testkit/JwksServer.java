package io.github.betterauthjava.jwt.testkit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Better Auth's {@code GET /api/auth/jwks}: real HTTP on a random port, the
 * public halves of real keys, a fetch counter, and switches for the ways it can misbehave.
 */
public final class JwksServer implements AutoCloseable {

    public enum Mode {
        OK,
        DOWN,
        SLOW,
        GARBAGE,
        HUGE,
        EMPTY,
        /** The real keys, padded to {@link #padTo} bytes: usable, only too large. */
        PADDED
    }

    public static final int SLOW_SECONDS = 10;

    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile List<JWK> keys;
    private volatile Mode mode = Mode.OK;
    private volatile int paddedBytes;
    private volatile boolean paddedChunked;

    public JwksServer(List<? extends JWK> privateKeys) {
        this.keys = TestKeys.publicHalves(privateKeys);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/auth/jwks", this::serve);
        server.start();
    }

    public static JwksServer withAllKeys() {
        return new JwksServer(TestKeys.ALL);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/auth/jwks";
    }

    public int fetches() {
        return fetches.get();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /**
     * Serves the real keys in a document of exactly {@code bytes} bytes, with a Content-Length
     * or, when {@code chunked}, without one (then only reading tells the size).
     */
    public void padTo(int bytes, boolean chunked) {
        this.paddedBytes = bytes;
        this.paddedChunked = chunked;
        this.mode = Mode.PADDED;
    }

    public void keys(List<? extends JWK> privateKeys) {
        this.keys = TestKeys.publicHalves(privateKeys);
    }

    private void serve(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        try (exchange) {
            switch (mode) {
                case OK -> send(exchange, 200, new JWKSet(keys).toString(true));
                case EMPTY -> send(exchange, 200, "{\"keys\":[]}");
                case DOWN -> send(exchange, 503, "{\"error\":\"unavailable\"}");
                case GARBAGE -> send(exchange, 200, "<html>502 Bad Gateway</html>{\"keys\":");
                case HUGE -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    out.write("{\"keys\":[], \"padding\":\"".getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 160; i++) { // 10 MiB
                        out.write(chunk);
                    }
                    out.write("\"}".getBytes(StandardCharsets.US_ASCII));
                }
                case PADDED -> sendPadded(exchange);
                case SLOW -> {
                    try {
                        Thread.sleep(SLOW_SECONDS * 1000L);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(exchange, 200, new JWKSet(keys).toString(true));
                }
            }
        } catch (IOException e) {
            // The client gave up (timeout, size cap): expected in the fault tests.
        }
    }

    private void sendPadded(HttpExchange exchange) throws IOException {
        String set = new JWKSet(keys).toString(true);
        String open = set.substring(0, set.length() - 1) + ",\"padding\":\"";
        int padding = paddedBytes - open.length() - 2;
        if (padding < 0) {
            throw new IllegalStateException("the keys alone are larger than " + paddedBytes + " bytes");
        }
        byte[] body = (open + "x".repeat(padding) + "\"}").getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, paddedChunked ? 0 : body.length);
        OutputStream out = exchange.getResponseBody();
        for (int at = 0; at < body.length; at += 4096) { // in pieces, as a real server streams
            out.write(body, at, Math.min(4096, body.length - at));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
