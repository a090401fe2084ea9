package dev.tasks.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;

/** Security headers, the request id, and CORS as SPEC 1.3 lists it. */
class ResponseHeadersTest extends ApiTest {

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);

    @Test
    void apiResponsesAreNotCachedSniffedOrFramed() {
        Response response = api().get("/api/" + user + "/tasks", token);

        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("X-Frame-Options")).contains("DENY");
        assertThat(response.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void errorsCarryTheSameHeaders() {
        Response response = api().get("/api/" + user + "/tasks/1", token);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void everyResponseHasARequestIdAndItIsInTheProblem() {
        Response response = api().get("/api/me", null);

        String id = response.header("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(api().get("/health", null).header("X-Request-Id")).isPresent().isNotEqualTo(response.header("X-Request-Id"));
        Response notFound = api().get("/api/" + user + "/tasks/1", token);
        assertThat(notFound.json().get("request_id").asString()).isEqualTo(notFound.header("X-Request-Id").orElseThrow());
    }

    @Test
    void aSaneIncomingRequestIdIsKeptAndAnInsaneOneReplaced() {
        Response kept = api().send(api().request("/health", null).header("X-Request-Id", "edge-1234.abc").GET());
        Response replaced = api().send(api().request("/health", null).header("X-Request-Id", "bad id\u00e9<script>").GET());

        assertThat(kept.header("X-Request-Id")).contains("edge-1234.abc");
        assertThat(replaced.header("X-Request-Id")).hasValueSatisfying(value -> assertThat(value).matches("[0-9a-f-]{36}"));
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
        assertThat(response.header("Access-Control-Allow-Methods")).hasValueSatisfying(value ->
                assertThat(value.split(",")).containsExactlyInAnyOrder("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        assertThat(response.header("Access-Control-Allow-Headers")).hasValueSatisfying(value ->
                assertThat(value.toLowerCase()).contains("authorization").contains("content-type"));
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
        Response response = api().send(api().request("/api/" + user + "/tasks", token).header("Origin", "http://localhost:3000").GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(response.header("Access-Control-Expose-Headers")).hasValueSatisfying(value ->
                assertThat(value).contains("Location").contains("X-Total-Count"));
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
