package dev.tasks.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A write sent again with its Idempotency-Key is answered as the first was and carried out once:
 * the web app's outbox retries a create whose answer it never got (no network, 502, 504).
 */
class IdempotencyKeyTest extends ApiTest {

    private Response post(String path, String token, String key, String json) {
        return api().send(api().request(path, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(BodyPublishers.ofString(json)));
    }

    @Test
    void aCreateSentTwiceWithItsKeyCreatesOneTaskAndAnswersTheSameTwice() throws SQLException {
        String user = newUser();
        String token = TestTokens.forUser(user);
        String key = UUID.randomUUID().toString();

        Response first = post("/api/" + user + "/tasks", token, key, "{\"title\":\"buy milk\"}");
        Response again = post("/api/" + user + "/tasks", token, key, "{\"title\":\"buy milk\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(tasksOf(user)).isEqualTo(1);
    }

    @Test
    void withoutAKeyEachRequestIsCarriedOut() throws SQLException {
        String user = newUser();
        String token = TestTokens.forUser(user);

        api().post("/api/" + user + "/tasks", token, "{\"title\":\"one\"}");
        api().post("/api/" + user + "/tasks", token, "{\"title\":\"one\"}");

        assertThat(tasksOf(user)).isEqualTo(2);
    }

    @Test
    void aToggleSentTwiceWithItsKeyTogglesOnce() {
        String user = newUser();
        String token = TestTokens.forUser(user);
        long id = api().post("/api/" + user + "/tasks", token, "{\"title\":\"t\"}")
                .json()
                .get("id")
                .asLong();
        String key = UUID.randomUUID().toString();
        String path = "/api/" + user + "/tasks/" + id + "/complete";

        for (int i = 0; i < 2; i++) {
            Response toggled = api().send(api().request(path, token)
                    .header("Idempotency-Key", key)
                    .method("PATCH", BodyPublishers.noBody()));
            assertThat(toggled.json().get("completed").asBoolean()).isTrue();
        }
        assertThat(api().get("/api/" + user + "/tasks/" + id, token)
                        .json()
                        .get("completed")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theSameKeyForADifferentRequestIs422AndWritesNothing() throws SQLException {
        String user = newUser();
        String token = TestTokens.forUser(user);
        String key = UUID.randomUUID().toString();
        post("/api/" + user + "/tasks", token, key, "{\"title\":\"first\"}");

        Response reused = post("/api/" + user + "/tasks", token, key, "{\"title\":\"second\"}");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("detail").asString()).contains("Idempotency-Key");
        assertThat(tasksOf(user)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestKeepsNoAnswerSoItsRetryIsJudgedAgain() throws SQLException {
        String user = newUser();
        String token = TestTokens.forUser(user);
        String key = UUID.randomUUID().toString();

        Response refused = post("/api/" + user + "/tasks", token, key, "{\"title\":\"\"}");
        Response again = post("/api/" + user + "/tasks", token, key, "{\"title\":\"\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.header("Idempotent-Replayed")).isEmpty();
        assertThat(rowsOf(user)).isZero();
    }

    @Test
    void keysBelongToTheirUser() throws SQLException {
        String alice = newUser();
        String bob = newUser();
        String key = UUID.randomUUID().toString();

        post("/api/" + alice + "/tasks", TestTokens.forUser(alice), key, "{\"title\":\"same\"}");
        Response bobs = post("/api/" + bob + "/tasks", TestTokens.forUser(bob), key, "{\"title\":\"same\"}");

        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.json().get("user_id").asString()).isEqualTo(bob);
        assertThat(bobs.header("Idempotent-Replayed")).isEmpty();
        assertThat(tasksOf(bob)).isEqualTo(1);
    }

    @Test
    void aRequestForAnotherUsersPathIsRefusedBeforeItClaimsAKey() throws SQLException {
        String alice = newUser();
        String mallory = newUser();

        Response refused = post(
                "/api/" + alice + "/tasks",
                TestTokens.forUser(mallory),
                UUID.randomUUID().toString(),
                "{\"title\":\"x\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(rowsOf(mallory)).isZero();
        assertThat(rowsOf(alice)).isZero();
    }

    @Test
    void aMalformedKeyIs400() {
        String user = newUser();
        String token = TestTokens.forUser(user);

        assertThat(post("/api/" + user + "/tasks", token, "k".repeat(101), "{\"title\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(post("/api/" + user + "/tasks", token, "has space", "{\"title\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(post("/api/" + user + "/tasks", token, "k".repeat(100), "{\"title\":\"x\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aKeyWhoseFirstRequestIsStillRunningIs409AndAnAbandonedOneIsCarriedOut() throws SQLException {
        String user = newUser();
        String token = TestTokens.forUser(user);
        String key = UUID.randomUUID().toString();
        String body = "{\"title\":\"slow\"}";
        // The claim of a request that is running (or whose instance died before it answered).
        post("/api/" + user + "/tasks", token, key, body);
        execute("update tasks.idempotent_requests set status = null, body = null where user_id = ?", user);
        execute("delete from tasks.tasks where user_id = ?", user);

        Response running = post("/api/" + user + "/tasks", token, key, body);
        execute(
                "update tasks.idempotent_requests set created_at = now() - interval '61 seconds' where user_id = ?",
                user);
        Response afterAbandoned = post("/api/" + user + "/tasks", token, key, body);

        assertThat(running.status()).isEqualTo(409);
        assertThat(running.header("Retry-After")).contains("1");
        assertThat(afterAbandoned.status()).isEqualTo(201);
        assertThat(tasksOf(user)).isEqualTo(1);
    }

    @Test
    void anAnswerPastKeepingIsForgottenAndCleanedUp() throws SQLException {
        String user = newUser();
        String token = TestTokens.forUser(user);
        String key = UUID.randomUUID().toString();
        post("/api/" + user + "/tasks", token, key, "{\"title\":\"old\"}");
        execute(
                "update tasks.idempotent_requests set created_at = now() - interval '25 hours' where user_id = ?",
                user);

        assertThat(post("/api/" + user + "/tasks", token, key, "{\"title\":\"old\"}")
                        .header("Idempotent-Replayed"))
                .as("a day later the same key is a new request")
                .isEmpty();
        execute(
                "update tasks.idempotent_requests set created_at = now() - interval '25 hours' where user_id = ?",
                user);
        assertThat(new IdempotentRequests(org.springframework.jdbc.core.simple.JdbcClient.create(
                                TestPostgres.dataSource("tasks")))
                        .removeExpired())
                .isGreaterThanOrEqualTo(1);
        assertThat(rowsOf(user)).isZero();
    }

    @Test
    void aPreflightAllowsTheHeader() {
        Response response = api().send(api().request("/api/x/tasks", null)
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .method("OPTIONS", BodyPublishers.noBody()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Headers"))
                .hasValueSatisfying(value -> assertThat(value.toLowerCase()).contains("idempotency-key"));
    }

    private static long tasksOf(String user) throws SQLException {
        return count("select count(*) from tasks.tasks where user_id = ?", user);
    }

    private static long rowsOf(String user) throws SQLException {
        return count("select count(*) from tasks.idempotent_requests where user_id = ?", user);
    }

    private static long count(String sql, String user) throws SQLException {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, user);
            ResultSet result = statement.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(String sql, String user) throws SQLException {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, user);
            statement.executeUpdate();
        }
    }
}
