package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.github.betterauthjava.spring.app.DefaultChainApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

/**
 * Better Auth API keys over real HTTP in an application that only added the dependency, set
 * {@code better-auth.api-keys.enabled=true} and has a DataSource: the key's owner is the principal,
 * a deleted key is refused (cache TTL 0 here), 503 while the database is down, and the key appears
 * in no answer and no log line.
 */
@SpringBootTest(
        classes = {DefaultChainApplication.class, ApiKeyHttpTest.Database.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"better-auth.api-keys.enabled=true", "better-auth.api-keys.cache-ttl=0s"})
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyHttpTest extends HttpTestSupport {

    private static final EmbeddedPostgres POSTGRES = start();
    private static final BetterAuthMemberTable TABLES = new BetterAuthMemberTable(POSTGRES.getPostgresDatabase());

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Database {
        @Bean
        SwitchableDataSource dataSource() {
            return new SwitchableDataSource(POSTGRES.getPostgresDatabase());
        }
    }

    @Autowired
    SwitchableDataSource database;

    @BeforeEach
    void setUp() {
        TABLES.create();
        TABLES.sql("CREATE TABLE IF NOT EXISTS \"apikey\" (\"id\" text NOT NULL PRIMARY KEY, \"configId\" text DEFAULT"
                + " 'default' NOT NULL, \"name\" text, \"start\" text, \"referenceId\" text NOT NULL, \"prefix\" text,"
                + " \"key\" text NOT NULL, \"enabled\" boolean DEFAULT true, \"expiresAt\" timestamptz, \"createdAt\""
                + " timestamptz NOT NULL, \"updatedAt\" timestamptz NOT NULL)");
        database.down(false);
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
