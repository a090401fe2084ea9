package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Better Auth API keys over real HTTP in an application that only added the dependency, set
 * {@code better-auth.api-keys.enabled=true} (cache TTL 0) and has a DataSource: the key's owner is
 * the principal, a deleted, disabled or expired key is refused, a key with a bearer token is
 * refused, 503 while the database is down, and the key appears in no answer and no log line. The
 * same rules on each stack: {@link ApiKeyHttpTest} (servlet), {@link ReactiveApiKeyHttpTest} (WebFlux).
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ApiKeyHttpContract extends PostgresHttpTestSupport {

    private static final BetterAuthMemberTable TABLES = new BetterAuthMemberTable(POSTGRES.getPostgresDatabase());

    @BeforeEach
    void setUp() {
        TABLES.create();
        TABLES.sql("CREATE TABLE IF NOT EXISTS \"apikey\" (\"id\" text NOT NULL PRIMARY KEY, \"configId\" text DEFAULT"
                + " 'default' NOT NULL, \"name\" text, \"start\" text, \"referenceId\" text NOT NULL, \"prefix\" text,"
                + " \"key\" text NOT NULL, \"enabled\" boolean DEFAULT true, \"expiresAt\" timestamptz, \"createdAt\""
                + " timestamptz NOT NULL, \"updatedAt\" timestamptz NOT NULL)");
        // Both stacks' tests share one database and their key ids.
        TABLES.sql("DELETE FROM \"apikey\"");
    }

    /** A key of a new user, as api-key/create leaves it; returns the key, which only its creator ever sees. */
    private static String keyOf(String userId, String keyId) {
        TABLES.user(userId);
        String key = "tasks_" + UUID.randomUUID().toString().replace("-", "") + "AbCdEfGhIjKlMnOpQrStUvWxYz01";
        TABLES.sql("INSERT INTO \"apikey\" (\"id\", \"referenceId\", \"key\", \"start\", \"prefix\", \"createdAt\","
                + " \"updatedAt\") VALUES ('" + keyId + "', '" + userId + "', '" + ApiKeyCheck.hash(key) + "', '"
                + key.substring(0, 6) + "', 'tasks_', now(), now())");
        return key;
    }

    @Test
    void aKeyAuthenticatesAsItsOwner() {
        String key = keyOf("user-key-owner", "key-owner");

        HttpResponse<String> response = http.get("/me", "x-api-key", key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response))
                .containsEntry("id", "user-key-owner")
                .containsEntry("email", "user-key-owner@example.com");
    }

    @Test
    void aDeletedKeyIsRefusedWith401AndTheKeyIsNeitherEchoedNorLogged(CapturedOutput output) {
        String key = keyOf("user-key-revoked", "key-revoked");
        assertThat(http.get("/me", "x-api-key", key).statusCode()).isEqualTo(200);

        TABLES.sql("DELETE FROM \"apikey\" WHERE \"id\" = 'key-revoked'");
        HttpResponse<String> response = http.get("/me", "x-api-key", key);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("detail", BetterAuthApiKeyFilter.REFUSED);
        assertThat(response.body()).doesNotContain(key);
        assertThat(response.headers().map().toString()).doesNotContain(key);
        assertThat(output.getAll()).doesNotContain(key).doesNotContain(ApiKeyCheck.hash(key));
    }

    @Test
    void aDisabledKeyIsRefused() {
        String key = keyOf("user-key-disabled", "key-disabled");
        TABLES.sql("UPDATE \"apikey\" SET \"enabled\" = false WHERE \"id\" = 'key-disabled'");

        assertThat(http.get("/me", "x-api-key", key).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredKeyIsRefused() {
        String key = keyOf("user-key-expired", "key-expired");
        TABLES.sql("UPDATE \"apikey\" SET \"expiresAt\" = now() - interval '1 second' WHERE \"id\" = 'key-expired'");

        assertThat(http.get("/me", "x-api-key", key).statusCode()).isEqualTo(401);
    }

    @Test
    void aKeyAndABearerTokenTogetherAreRefused() {
        String key = keyOf("user-key-both", "key-both");
        String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));

        HttpResponse<String> response = http.get("/me", "x-api-key", key, "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("detail", BetterAuthApiKeyFilter.BOTH);
    }

    @Test
    void aBearerTokenStillWorksAlone() {
        assertThat(http.bearer("/me", Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now())))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void answers503NotUnauthorizedWhileTheDatabaseIsDown(CapturedOutput output) {
        String key = keyOf("user-key-down", "key-down");
        database.down(true);

        HttpResponse<String> response = http.get("/me", "x-api-key", key);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat((String) Http.json(response).get("detail")).contains("database is unavailable");
        assertThat(output.getAll()).doesNotContain(key);
        database.down(false);
        assertThat(http.get("/me", "x-api-key", key).statusCode()).isEqualTo(200);
    }
}
