package dev.tasks.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.SecurityHeaders;
import dev.tasks.api.support.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Security headers, the request id, and CORS as SPEC 1.3 lists it. */
class ResponseHeadersTest extends ApiTest {

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);

    @Test
    void apiResponsesAreNotCachedSniffedOrFramed() {
        Response response = api().get("/api/" + user + "/tasks", token);

        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("X-Frame-Options")).contains("DENY");
        assertThat(response.header("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void errorsCarryTheSameHeaders() {
        Response response = api().get("/api/" + user + "/tasks/1", token);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    /**
     * Requests Tomcat refuses before any filter runs (ProblemErrorReportValve answers them) must be
     * as unsniffable and uncacheable as everything else, and carry a request id.
     */
    @Test
    void containerLevelErrorsCarryTheSecurityHeaders() {
        List<String> refused = List.of(
                "GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /health|x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(200_000)
                        + "\r\nConnection: close\r\n\r\n",
                "GET /api/" + user + "/tasks/%2F1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        for (String request : refused) {
            Response response = api().raw(request);
            String what = request.substring(0, Math.min(40, request.indexOf('\r')));
            assertThat(response.status()).as(what).isEqualTo(400);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            SecurityHeaders.assertPresent(response, what);
            String id = response.header("X-Request-Id").orElseThrow();
            assertThat(response.json().get("request_id").asString()).as(what).isEqualTo(id);
        }
    }

    @Test
    void everyErrorStatusCarriesTheSecurityHeaders() {
        String other = TestTokens.forUser(newUser());
        Map<Integer, Response> byStatus = new java.util.TreeMap<>();
        byStatus.put(401, api().get("/api/me", null));
        byStatus.put(403, api().get("/api/" + user + "/tasks", other));
        byStatus.put(404, api().get("/api/" + user + "/tasks/999999999", token));
        byStatus.put(405, api().send(api().request("/health", null).DELETE()));
        byStatus.put(
                413, api().post("/api/" + user + "/tasks", token, "{\"title\":\"" + "x".repeat(1_100_000) + "\"}"));
        byStatus.put(
                415,
                api().send(api().request("/api/" + user + "/tasks", token)
                        .header("Content-Type", "text/plain")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))));
        byStatus.put(422, api().post("/api/" + user + "/tasks", token, "{}"));
        byStatus.forEach((status, response) -> {
            assertThat(response.status()).isEqualTo(status);
            SecurityHeaders.assertPresent(response, "HTTP " + status);
        });
    }

    @Test
    void everyResponseHasARequestIdAndItIsInTheProblem() {
        Response response = api().get("/api/me", null);

        String id = response.header("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(api().get("/health", null).header("X-Request-Id"))
                .isPresent()
                .isNotEqualTo(response.header("X-Request-Id"));
        Response notFound = api().get("/api/" + user + "/tasks/1", token);
        assertThat(notFound.json().get("request_id").asString())
                .isEqualTo(notFound.header("X-Request-Id").orElseThrow());
    }

    @Test
    void aSaneIncomingRequestIdIsKeptAndAnInsaneOneReplaced() {
        Response kept = api().send(api().request("/health", null)
                .header("X-Request-Id", "edge-1234.abc")
                .GET());
        Response replaced = api().send(api().request("/health", null)
                .header("X-Request-Id", "bad id\u00e9<script>")
                .GET());

        assertThat(kept.header("X-Request-Id")).contains("edge-1234.abc");
        assertThat(replaced.header("X-Request-Id"))
                .hasValueSatisfying(value -> assertThat(value).matches("[0-9a-f-]{36}"));
    }

    @Test
    void preflightFromAnAllowedOriginIsAnsweredForCredentialedCalls() {
        Response response = api().send(api().request("/api/" + user + "/tasks/1", null)
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(response.header("Access-Control-Allow-Credentials")).contains("true");
        assertThat(response.header("Access-Control-Allow-Methods"))
                .hasValueSatisfying(value -> assertThat(value.split(","))
                        .containsExactlyInAnyOrder("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        assertThat(response.header("Access-Control-Allow-Headers"))
                .hasValueSatisfying(value -> assertThat(value.toLowerCase())
                        .contains("authorization")
                        .contains("content-type"));
    }

    @Test
    void preflightOfAResumingEventStreamAllowsLastEventId() {
        Response response = api().send(api().request("/api/" + user + "/events", null)
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, last-event-id")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Headers"))
                .hasValueSatisfying(value -> assertThat(value.toLowerCase())
                        .contains("authorization")
                        .contains("last-event-id"));
    }

    @Test
    void theSecondConfiguredOriginIsAllowedToo() {
        Response response = api().send(api().request("/api/" + user + "/tasks", null)
                .header("Origin", "https://tasks.example.com")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(response.header("Access-Control-Allow-Origin")).contains("https://tasks.example.com");
    }

    @Test
    void aCallFromAnAllowedOriginExposesLocationAndTotalCount() {
        Response response = api().send(api().request("/api/" + user + "/tasks", token)
                .header("Origin", "http://localhost:3000")
                .GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(response.header("Access-Control-Expose-Headers"))
                .hasValueSatisfying(
                        value -> assertThat(value).contains("Location").contains("X-Total-Count"));
    }

    @Test
    void aPreflightFromARefusedOriginGetsNoAllowOrigin() {
        Response response = api().send(api().request("/api/" + user + "/tasks", null)
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.header("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void aRequestDisallowedHeaderFailsThePreflight() {
        Response response = api().send(api().request("/api/" + user + "/tasks", null)
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-secret-header")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
