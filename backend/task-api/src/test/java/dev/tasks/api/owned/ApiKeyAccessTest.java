package dev.tasks.api.owned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.BetterAuthApiKeyTable;
import dev.tasks.api.support.TestTokens;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A Better Auth API key (x-api-key) is its owner, exactly as a token of theirs is: their own
 * resources only (another user's path is 403 like a token's), refused once revoked (writes at once,
 * reads within the key check's cache), not for live events, and never logged or echoed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAccessTest extends ApiTest {

    @BeforeAll
    static void betterAuthHasMigrated() {
        BetterAuthApiKeyTable.createTable();
    }

    private Response withKey(String method, String path, String key, String json) {
        HttpRequest.Builder request = api().request(path, null).header("x-api-key", key);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return api().send(request.method(
                method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void aKeyReachesItsOwnersTasksAsTheOwner() {
        String owner = newUser();
        String key = BetterAuthApiKeyTable.create(owner)[1];

        Response created = withKey("POST", "/api/" + owner + "/tasks", key, "{\"title\":\"from a script\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("user_id").asString()).isEqualTo(owner);

        Response listed = withKey("GET", "/api/" + owner + "/tasks", key, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("from a script");
        // The same tasks a token of the owner sees.
        assertThat(api().get("/api/" + owner + "/tasks", TestTokens.forUser(owner))
                        .body())
                .contains("from a script");

        Response me = withKey("GET", "/api/me", key, null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(owner);
        assertThat(me.json().get("email").asString()).isEqualTo(owner + "@example.com");
    }

    @Test
    void aKeyOfOneUserIsRefusedOnAnotherUsersPathsLikeATokenIs() {
        String owner = newUser();
        String other = newUser();
        String key = BetterAuthApiKeyTable.create(owner)[1];
        String otherTask = api().post("/api/" + other + "/tasks", TestTokens.forUser(other), "{\"title\":\"private\"}")
                .json()
                .get("id")
                .asString();

        Response read = withKey("GET", "/api/" + other + "/tasks", key, null);
        Response write = withKey("POST", "/api/" + other + "/tasks", key, "{\"title\":\"planted\"}");
        Response one = withKey("GET", "/api/" + other + "/tasks/" + otherTask, key, null);

        assertThat(read.status()).isEqualTo(403);
        assertThat(write.status()).isEqualTo(403);
        assertThat(one.status()).isEqualTo(403);
        assertThat(api().get("/api/" + owner + "/tasks", TestTokens.forUser(owner))
                        .body())
                .doesNotContain("planted");
        assertThat(read.status())
                .isEqualTo(api().get("/api/" + other + "/tasks", TestTokens.forUser(owner))
                        .status());
    }

    @Test
    void aRevokedKeyCannotWriteAtOnceAndCannotReadOnceTheCacheLetsGo() {
        String owner = newUser();
        String[] idAndKey = BetterAuthApiKeyTable.create(owner);
        String key = idAndKey[1];
        assertThat(withKey("GET", "/api/" + owner + "/tasks", key, null).status())
                .isEqualTo(200);

        BetterAuthApiKeyTable.revoke(idAndKey[0]);

        // Writes lock the key's row (OwnedWrites): refused even while the key check still has it cached.
        Response write = withKey("POST", "/api/" + owner + "/tasks", key, "{\"title\":\"after revoking\"}");
        assertThat(write.status()).isEqualTo(401);
        assertThat(api().get("/api/" + owner + "/tasks", TestTokens.forUser(owner))
                        .body())
                .doesNotContain("after revoking");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        withKey("GET", "/api/" + owner + "/tasks", key, null).status() == 401);
    }

    @Test
    void aScriptRetryingACreateWithAnIdempotencyKeyMakesOneTask() {
        String owner = newUser();
        String key = BetterAuthApiKeyTable.create(owner)[1];
        HttpRequest.Builder create = api().request("/api/" + owner + "/tasks", null)
                .header("x-api-key", key)
                .header("Idempotency-Key", "nightly-2026-12-07")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"once\"}"));

        Response first = api().send(create);
        Response again = api().send(create);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isPresent();
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    }

    @Test
    void anUnknownKeyIs401() {
        Response response = withKey("GET", "/api/me", "tasks_" + "x".repeat(64), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void liveEventsNeedAToken() {
        String owner = newUser();
        String key = BetterAuthApiKeyTable.create(owner)[1];

        Response response = withKey("GET", "/api/" + owner + "/events", key, null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("API keys");
    }

    @Test
    void theKeyIsNeverLoggedNorEchoed(CapturedOutput output) {
        String owner = newUser();
        String[] idAndKey = BetterAuthApiKeyTable.create(owner);
        String key = idAndKey[1];
        Response ok = withKey("GET", "/api/" + owner + "/tasks", key, null);
        Response bad = withKey("POST", "/api/" + owner + "/tasks", key, "{\"title\":");
        Response other = withKey("GET", "/api/" + newUser() + "/tasks", key, null);
        BetterAuthApiKeyTable.revoke(idAndKey[0]);
        Response refused = withKey("POST", "/api/" + owner + "/tasks", key, "{\"title\":\"x\"}");

        for (Response response : new Response[] {ok, bad, other, refused}) {
            assertThat(response.body()).doesNotContain(key);
            assertThat(response.headers().map().toString()).doesNotContain(key);
        }
        assertThat(output.getAll()).doesNotContain(key);
    }
}
