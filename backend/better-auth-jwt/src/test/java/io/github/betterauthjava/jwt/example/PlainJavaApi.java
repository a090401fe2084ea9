package io.github.betterauthjava.jwt.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.betterauthjava.jwt.BetterAuthSettings;
import io.github.betterauthjava.jwt.BetterAuthVerifier;
import io.github.betterauthjava.jwt.KeysUnavailableException;
import io.github.betterauthjava.jwt.SessionsUnavailableException;
import io.github.betterauthjava.jwt.TokenRejectedException;
import io.github.betterauthjava.jwt.VerifiedToken;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The README's plain-Java quick start: an API on the JDK's own HTTP server, no framework, whose
 * {@code GET /me} answers who the Better Auth token speaks for. Only the core is used.
 */
public final class PlainJavaApi implements AutoCloseable {

    private final BetterAuthVerifier verifier;
    private final HttpServer server;

    public PlainJavaApi(BetterAuthSettings settings) throws IOException {
        verifier = BetterAuthVerifier.create(settings);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/me", this::me);
        server.start();
    }

    private void me(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            send(exchange, 401, "{\"detail\":\"Send Authorization: Bearer <token>\"}");
            return;
        }
        try {
            VerifiedToken token = verifier.verify(header.substring(7).strip());
            send(exchange, 200, "{\"id\":\"" + json(token.user().id()) + "\"}");
        } catch (TokenRejectedException rejected) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            send(
                    exchange,
                    401,
                    "{\"detail\":\"" + json(rejected.getMessage()) + "\",\"reason\":\""
                            + rejected.outcome().tag() + "\"}");
        } catch (SessionsUnavailableException | KeysUnavailableException unavailable) {
            // Cannot tell now (session store or JWKS down): the client retries, it does not sign out.
            exchange.getResponseHeaders().set("Retry-After", "5");
            send(exchange, 503, "{\"detail\":\"" + json(unavailable.getMessage()) + "\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        verifier.close();
    }
}
