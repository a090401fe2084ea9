package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.testkit.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API key check against a real PostgreSQL holding Better Auth's {@code apikey} table as
 * {@code getMigrations} creates it for {@code @better-auth/api-key} 1.7 (PostgreSQL types: string →
 * text, number → integer, boolean → boolean, date → timestamptz), with rows as its create, update
 * and delete endpoints leave them.
 */
class ApiKeyCheckTest {

    /**
     * A key and the hash the real plugin stores for it, printed by {@code defaultKeyHasher} of
     * {@code @better-auth/api-key} 1.7.21 (frontend/scripts/api-key-fixture.mjs). The e2e test
     * (e2e/tests/api-keys.test.mjs) has a key created by the plugin itself accepted by the API.
     */
    static final String KEY = "tasks_FixtureKeyMadeForTheJavaTestsAbcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";

    static final String KEY_HASH = "7UBjuR172njJnFsm1LwW-0GHNBm6cFDt1TrgsMlXVh4";

    private static EmbeddedPostgres postgres;
    private static volatile boolean down;
    private static final AtomicInteger queries = new AtomicInteger();
    private static DataSource database;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        DataSource real = postgres.getPostgresDatabase();
        // The real database, unless a test takes it "down" (as a pool does when PostgreSQL is gone).
        database = (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        if (down) {
                            throw new SQLTransientConnectionException("Connection to 127.0.0.1 refused", "08001");
                        }
                        queries.incrementAndGet();
                    }
                    return method.invoke(real, args);
                });
        sql("CREATE TABLE \"user\" (\"id\" text NOT NULL PRIMARY KEY, \"name\" text NOT NULL, \"email\" text NOT NULL"
                + " UNIQUE, \"emailVerified\" boolean NOT NULL, \"image\" text, \"createdAt\" timestamptz DEFAULT"
                + " CURRENT_TIMESTAMP NOT NULL, \"updatedAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        sql(
                "CREATE TABLE \"apikey\" (\"id\" text NOT NULL PRIMARY KEY, \"configId\" text DEFAULT 'default' NOT NULL,"
                        + " \"name\" text, \"start\" text, \"referenceId\" text NOT NULL, \"prefix\" text, \"key\" text NOT NULL,"
                        + " \"refillInterval\" integer, \"refillAmount\" integer, \"lastRefillAt\" timestamptz, \"enabled\""
                        + " boolean DEFAULT true, \"rateLimitEnabled\" boolean DEFAULT true, \"rateLimitTimeWindow\" integer"
                        + " DEFAULT 86400000, \"rateLimitMax\" integer DEFAULT 10, \"requestCount\" integer DEFAULT 0,"
                        + " \"remaining\" integer, \"lastRequest\" timestamptz, \"expiresAt\" timestamptz, \"createdAt\""
                        + " timestamptz NOT NULL, \"updatedAt\" timestamptz NOT NULL, \"permissions\" text, \"metadata\" text)");
        sql("CREATE INDEX \"apikey_configId_idx\" ON \"apikey\" (\"configId\")");
        sql("CREATE INDEX \"apikey_referenceId_idx\" ON \"apikey\" (\"referenceId\")");
        sql("CREATE INDEX \"apikey_key_idx\" ON \"apikey\" (\"key\")");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private final TestClock clock = new TestClock();
    private final JdbcBetterAuthApiKeys keys = new JdbcBetterAuthApiKeys(database);
    private final ApiKeyCheck check = new ApiKeyCheck(ApiKeyCheckSettings.defaults(), keys, clock);

    @Test
    void hashesAKeyAsBetterAuthStoresIt() {
        assertThat(ApiKeyCheck.hash(KEY)).isEqualTo(KEY_HASH);
        assertThat(ApiKeyCheck.hash("ü-non-ascii")).isEqualTo("zAX-5zWjsvOtzKuJ12QfA1KUjIQnb0pLrZzgHVytUMI");
    }

    @Test
    void acceptsAKeyOfAnExistingUserAsThatUser() {
        user("user-fixture");
        key("key-fixture", "user-fixture", KEY_HASH, "true", "null", "default");

        assertThat(check.verify(KEY))
                .contains(new BetterAuthApiKey(
                        "key-fixture", "user-fixture", true, null, "user-fixture@example.com", "U"));
    }

    @Test
    void refusesAnUnknownKey() {
        assertThat(check.verify(KEY + "x")).isEmpty();
        assertThat(check.verify("")).isEmpty();
        assertThat(check.verify(null)).isEmpty();
    }

    @Test
    void aDeletedKeyIsRefusedOnceTheCacheTtlHasPassed() {
        user("user-revoke");
        key("key-revoke", "user-revoke", ApiKeyCheck.hash("revoke-me-key-0123456789"), "true", "null", "default");
        assertThat(check.verify("revoke-me-key-0123456789")).isPresent();

        sql("DELETE FROM \"apikey\" WHERE \"id\" = 'key-revoke'"); // what api-key/delete does
        clock.advance(Duration.ofMillis(4_999));
        assertThat(check.verify("revoke-me-key-0123456789")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(check.verify("revoke-me-key-0123456789")).isEmpty();
    }

    @Test
    void aDisabledKeyIsRefusedWithinTheCacheTtl() {
        user("user-disable");
        key("key-disable", "user-disable", ApiKeyCheck.hash("disable-me-key-0123456789"), "true", "null", "default");
        assertThat(check.verify("disable-me-key-0123456789")).isPresent();

        sql("UPDATE \"apikey\" SET \"enabled\" = false WHERE \"id\" = 'key-disable'"); // api-key/update
        clock.advance(ApiKeyCheckSettings.MAX_CACHE_TTL);

        assertThat(check.verify("disable-me-key-0123456789")).isEmpty();
    }

    @Test
    void aKeyWithoutAnEnabledValueIsEnabledAsBetterAuthReadsIt() {
        user("user-null-enabled");
        key(
                "key-null-enabled",
                "user-null-enabled",
                ApiKeyCheck.hash("null-enabled-key-0123456"),
                "null",
                "null",
                "default");

        assertThat(check.verify("null-enabled-key-0123456")).isPresent();
    }

    @Test
    void anExpiredKeyIsRefusedAtItsExpiryEvenWhenCached() {
        user("user-expiry");
        key(
                "key-expiry",
                "user-expiry",
                ApiKeyCheck.hash("expiring-key-0123456789"),
                "true",
                "'" + clock.instant().plusSeconds(3) + "'",
                "default");
        assertThat(check.verify("expiring-key-0123456789")).isPresent();

        clock.advance(Duration.ofMillis(3_001));

        assertThat(check.verify("expiring-key-0123456789")).isEmpty();
    }

    @Test
    void aKeyWhoseOwnerIsGoneIsRefused() {
        key("key-orphan", "user-never-existed", ApiKeyCheck.hash("orphan-key-0123456789"), "true", "null", "default");

        assertThat(check.verify("orphan-key-0123456789")).isEmpty();
    }

    @Test
    void aKeyOfAnotherPluginConfigurationIsRefused() {
        // Another configuration may reference organizations: its referenceId is no user id.
        user("user-other-config");
        key(
                "key-other-config",
                "user-other-config",
                ApiKeyCheck.hash("other-config-key-01234"),
                "true",
                "null",
                "team-keys");

        assertThat(check.verify("other-config-key-01234")).isEmpty();
        assertThat(new ApiKeyCheck(
                                ApiKeyCheckSettings.defaults(),
                                new JdbcBetterAuthApiKeys(database, "apikey", "user", "team-keys"),
                                clock)
                        .verify("other-config-key-01234"))
                .isPresent();
    }

    @Test
    void theTableHoldsOnlyTheHashSoAKeyEqualToAStoredHashIsRefused() {
        user("user-hash");
        key("key-hash", "user-hash", ApiKeyCheck.hash("hash-owner-key-0123456"), "true", "null", "default");

        assertThat(check.verify(ApiKeyCheck.hash("hash-owner-key-0123456"))).isEmpty();
    }

    @Test
    void aKeyLongerThanBetterAuthsIsRefusedWithoutAQuery() {
        int before = queries.get();

        assertThat(check.verify("k".repeat(ApiKeyCheckSettings.DEFAULT_MAX_KEY_LENGTH + 1)))
                .isEmpty();
        assertThat(queries.get()).isEqualTo(before);
    }

    @Test
    void repeatedUseWithinTheTtlCostsOneQuery() {
        user("user-cached");
        key("key-cached", "user-cached", ApiKeyCheck.hash("cached-key-0123456789"), "true", "null", "default");
        int before = queries.get();

        for (int i = 0; i < 5; i++) {
            assertThat(check.verify("cached-key-0123456789")).isPresent();
        }
        assertThat(queries.get() - before).isEqualTo(1);
    }

    @Test
    void aDatabaseThatIsDownIsUnavailableNeverARefusalAndNeverNamesTheKey() {
        user("user-down");
        key("key-down", "user-down", ApiKeyCheck.hash("down-key-0123456789"), "true", "null", "default");
        down = true;
        try {
            assertThatThrownBy(() -> check.verify("down-key-0123456789"))
                    .isInstanceOf(ApiKeysUnavailableException.class)
                    .hasMessageContaining("the database is unavailable")
                    .hasMessageNotContaining("down-key")
                    .hasMessageNotContaining(ApiKeyCheck.hash("down-key-0123456789"))
                    .hasMessageNotContaining("127.0.0.1");
        } finally {
            down = false;
        }
        assertThat(check.verify("down-key-0123456789")).isPresent(); // the failure was not remembered
    }

    @Test
    void countsEachOutcomeAndWhereEachLookupWasAnswered() {
        user("user-metrics");
        key("key-metrics", "user-metrics", ApiKeyCheck.hash("metrics-key-0123456789"), "true", "null", "default");
        List<String> counted = new ArrayList<>();
        BetterAuthMetrics metrics = new BetterAuthMetrics() {
            @Override
            public void apiKeyCheck(ApiKeyOutcome outcome) {
                counted.add(outcome.tag());
            }

            @Override
            public void apiKeyLookup(boolean fromCache) {
                counted.add(fromCache ? "cache" : "store");
            }
        };
        ApiKeyCheck counting = new ApiKeyCheck(ApiKeyCheckSettings.defaults(), keys, clock, metrics);

        counting.verify("metrics-key-0123456789");
        counting.verify("metrics-key-0123456789");
        counting.verify("no-such-key-0123456789");
        counting.verify("");
        down = true;
        try {
            assertThatThrownBy(() -> counting.verify("another-key-0123456789"))
                    .isInstanceOf(ApiKeysUnavailableException.class);
        } finally {
            down = false;
        }

        assertThat(counted)
                .containsExactly(
                        "store",
                        "accepted",
                        "cache",
                        "accepted",
                        "store",
                        "refused",
                        "refused",
                        "store",
                        "unavailable");
    }

    @Test
    void aMissingTableIsUnavailableNamingTheTable() {
        JdbcBetterAuthApiKeys missing = new JdbcBetterAuthApiKeys(database, "auth.apikey", "user", "default");

        assertThatThrownBy(() -> missing.find(KEY_HASH))
                .isInstanceOf(ApiKeysUnavailableException.class)
                .hasMessageContaining("\"auth\".\"apikey\"");
        assertThat(missing.problem()).isPresent();
        assertThat(keys.problem()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apikey\"; DROP TABLE users; --", "a.b.c", "", "1apikey"})
    void refusesATableNameThatIsNotAPlainIdentifier(String name) {
        assertThatThrownBy(() -> new JdbcBetterAuthApiKeys(database, name, "user", "default"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("better-auth.api-keys.table");
    }

    @Test
    void theWriteLockFindsOnlyAUsableKeyOfItsOwner() throws SQLException {
        user("user-lock");
        key("key-lock", "user-lock", ApiKeyCheck.hash("lock-key-0123456789"), "true", "null", "default");

        assertThat(lockRows("key-lock", "user-lock")).isEqualTo(1);
        assertThat(lockRows("key-lock", "user-other")).isZero();
        sql("UPDATE \"apikey\" SET \"expiresAt\" = now() - interval '1 second' WHERE \"id\" = 'key-lock'");
        assertThat(lockRows("key-lock", "user-lock")).isZero();
    }

    private int lockRows(String keyId, String userId) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                java.sql.PreparedStatement statement = connection.prepareStatement(keys.lockStatement())) {
            statement.setString(1, keyId);
            statement.setString(2, userId);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                int count = 0;
                while (rows.next()) {
                    count++;
                }
                return count;
            }
        }
    }

    @Test
    void refusesACacheTtlOverFiveSeconds() {
        assertThatThrownBy(() -> new ApiKeyCheckSettings(Duration.ofSeconds(6), 10, 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("better-auth.api-keys.cache-ttl");
    }

    private static void user(String id) {
        sql("INSERT INTO \"user\" (\"id\", \"name\", \"email\", \"emailVerified\") VALUES ('" + id + "', 'U', '" + id
                + "@example.com', false)");
    }

    /** A row as api-key/create leaves it (name, start, prefix and the rate-limit defaults included). */
    private static void key(String id, String userId, String hash, String enabled, String expiresAt, String configId) {
        sql("INSERT INTO \"apikey\" (\"id\", \"configId\", \"name\", \"start\", \"referenceId\", \"prefix\", \"key\","
                + " \"enabled\", \"rateLimitEnabled\", \"rateLimitTimeWindow\", \"rateLimitMax\", \"requestCount\","
                + " \"expiresAt\", \"createdAt\", \"updatedAt\") VALUES ('" + id + "', '" + configId
                + "', 'script', 'tasks_',"
                + " '" + userId + "', 'tasks_', '" + hash + "', " + enabled + ", false, 86400000, 10, 0, " + expiresAt
                + ", now(), now())");
    }

    private static void sql(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
