package dev.tasks.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * How the API treats the bearer token at the HTTP level (the verifier's own rules are tested in
 * better-auth-spring-boot-starter): 401 with an RFC 6750 challenge, header only, any scheme casing.
 */
class AuthenticationTest extends ApiTest {

    private final String user = newUser();

    @Test
    void meAnswersWhoTheTokenSpeaksFor() {
        Response me = api().get("/api/me", TestTokens.forUser(user, "ada@example.com", "Ada Lovelace"));

        assertThat(me.status()).isEqualTo(200);
        JsonNode body = me.json();
        assertThat(body.get("id").asString()).isEqualTo(user);
        assertThat(body.get("email").asString()).isEqualTo("ada@example.com");
        assertThat(body.get("name").asString()).isEqualTo("Ada Lovelace");
    }

    @Test
    void meHasNullEmailAndNameWhenTheTokenHasNone() {
        JsonNode body =
                api().get("/api/me", TestTokens.forUser(user, null, null)).json();

        assertThat(body.get("id").asString()).isEqualTo(user);
        assertThat(body.get("email").isNull()).isTrue();
        assertThat(body.get("name").isNull()).isTrue();
    }

    @Test
    void withoutATokenIs401WithABareBearerChallenge() {
        Response response = api().get("/api/me", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("Authorization: Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})
    void aBadTokenIs401WithInvalidToken(String token) {
        Response response = api().get("/api/me", token);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(
                        value -> assertThat(value).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void betterAuthsEmailVerificationLinkIsNoAccessTokenEvenSignedWithTheHs256Secret() {
        String link = TestTokens.emailVerificationLink(user);

        assertThat(api().get("/api/me", link).status()).isEqualTo(401);
        assertThat(api().post("/api/" + user + "/tasks", link, "{\"title\":\"from a mail link\"}")
                        .status())
                .isEqualTo(401);
        assertThat(api().get("/api/" + user + "/tasks", TestTokens.forUser(user))
                        .header("X-Total-Count"))
                .as("nothing was written")
                .hasValue("0");
    }

    @Test
    void anExpiredTokenIs401() {
        assertThat(api().get("/api/me", TestTokens.expired(user)).status()).isEqualTo(401);
    }

    @Test
    void aTamperedTokenIs401() {
        String token = TestTokens.forUser(user);
        String[] parts = token.split("\\.");
        String otherPayload = TestTokens.forUser(newUser()).split("\\.")[1];

        assertThat(api().get("/api/me", parts[0] + "." + otherPayload + "." + parts[2])
                        .status())
                .isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "BEARER", "Bearer", "bEaReR"})
    void theSchemeIsCaseInsensitive(String scheme) {
        Response response = api().send(api().request("/api/me", null)
                .header("Authorization", scheme + " " + TestTokens.forUser(user))
                .GET());

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aTokenInTheQueryStringIsIgnored() {
        Response response = api().get("/api/me?access_token=" + TestTokens.forUser(user), null);

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aTokenInAFormBodyIsIgnored() {
        Response response = api().send(api().request("/api/" + user + "/tasks", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("access_token=" + TestTokens.forUser(user))));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aTokenOverTheMaximumLengthThatFitsTheHeaderLimitIs401NotAServerError() {
        // better-auth.max-token-length is 4096; 7 KB still fits server.max-http-request-header-size (8 KB).
        for (int length : List.of(4097, 7 * 1024)) {
            String huge = "eyJhbGciOiJFZERTQSJ9." + "A".repeat(length - 25) + ".sig";

            Response response = api().get("/api/me", huge);

            assertThat(response.status()).as("%d characters", length).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        }
    }

    @Test
    void headersBeyondTheServerLimitAreAClientErrorNotAServerError() {
        for (int kilobytes : List.of(9, 100, 200)) {
            Response response = api().get("/api/me", "A".repeat(kilobytes * 1024));

            // Over server.max-http-request-header-size (8 KB) Tomcat answers before any application code.
            assertThat(response.status()).as("%d KB", kilobytes).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void urlsTomcatCannotReadAre400ProblemsNotHtml() {
        String token = TestTokens.forUser(user);
        for (String path : List.of(
                "/api/" + user + "/tasks/%2F1",
                "/api/" + user + "/tasks/%ZZ",
                "/api/%00/tasks",
                "/%2e%2e/etc/passwd")) {
            Response response = api().rawGet(path, token);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).isNotBlank();
        }
    }

    @Test
    void aQueryStringWithABrokenEscapeIs400() {
        Response response = api().rawGet("/api/" + user + "/tasks?q=%ZZ", TestTokens.forUser(user));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("query string");
    }

    @Test
    void unknownPathsNeedATokenAndThenAre404() {
        assertThat(api().get("/nowhere", null).status()).isEqualTo(401);

        Response response = api().get("/nowhere", TestTokens.forUser(user));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void healthAndDocsNeedNoToken() {
        Response health = api().get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("ok");

        Response ready = api().get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("ok");

        assertThat(api().get("/docs", null).status()).isIn(200, 302);
        assertThat(api().get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void openApiDocumentDescribesTheApiAndItsBearerScheme() {
        Response response = api().get("/openapi.json", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = response.json();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("paths").propertyNames())
                .contains(
                        "/api/me",
                        "/api/{user_id}/tasks",
                        "/api/{user_id}/tasks/{id}",
                        "/api/{user_id}/tasks/{id}/complete",
                        "/health",
                        "/health/ready");
        JsonNode bearer = doc.get("components").get("securitySchemes").get("bearer");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.get("components")
                        .get("schemas")
                        .get("Task")
                        .get("properties")
                        .propertyNames())
                .contains("user_id", "created_at", "updated_at");
        // The list is written as pre-rendered bytes (task.TaskPages); its documented body is still tasks.
        JsonNode listed = doc.get("paths")
                .get("/api/{user_id}/tasks")
                .get("get")
                .get("responses")
                .get("200")
                .get("content")
                .get("application/json")
                .get("schema");
        assertThat(listed.get("type").asString()).isEqualTo("array");
        assertThat(listed.get("items").get("$ref").asString()).isEqualTo("#/components/schemas/Task");
        JsonNode create = doc.get("paths").get("/api/{user_id}/tasks").get("post");
        assertThat(create.get("responses").propertyNames()).contains("201", "401", "403", "422");
        assertThat(create.get("security").get(0).has("bearer")).isTrue();
        assertThat(doc.get("components").get("schemas").has("Problem")).isTrue();
    }
}
