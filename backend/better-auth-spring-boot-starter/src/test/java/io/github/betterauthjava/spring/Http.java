package io.github.betterauthjava.spring;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A real HTTP client for the test applications: one client per test (HttpTestSupport makes one
 * in each {@code @BeforeEach}), so no test reuses a connection an earlier test's server closed. A
 * shared client once left a WebFlux test waiting forever for an answer on such a connection; every
 * request is also bounded, so a lost answer fails the test instead of hanging the build.
 */
record Http(int port, HttpClient client) {

    /** Far above any answer these tests wait for (the slowest is a 3 s JWKS timeout). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    Http(int port) {
        this(port, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    HttpResponse<String> post(String path, String form, String... headers) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .header("Content-Type", "application/x-www-form-urlencoded"),
                headers);
    }

    HttpResponse<String> bearer(String path, String token) {
        return get(path, "Authorization", "Bearer " + token);
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (java.text.ParseException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
