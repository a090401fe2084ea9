package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.github.betterauthjava.spring.app.DefaultChainApplication;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The session check over real HTTP in an application that only added the dependency and has a
 * DataSource: the JDBC store on a real PostgreSQL with Better Auth's session table, the default
 * filter chain, 401 for an ended session and 503 (never 401) when sessions cannot be looked up.
 * The cache TTL is 0 here, so every request reads the table.
 */
@SpringBootTest(
        classes = {DefaultChainApplication.class, PostgresHttpTestSupport.Database.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"better-auth.session-check=if-present", "better-auth.session-cache-ttl=0s"})
class SessionCheckHttpTest extends PostgresHttpTestSupport {

    /** What the client is told, word for word (the core's constant is not API). */
    private static final String ENDED = "The session this token belongs to has ended; sign in again";

    private static final BetterAuthSessionTable TABLE =
            new BetterAuthSessionTable(POSTGRES.getPostgresDatabase(), "\"session\"");

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void setUp() {
        TABLE.create();
    }

    private static String tokenFor(String sid) {
        return Tokens.sign(TestKeys.ED25519, Tokens.with(Tokens.claims(Instant.now()), "sid", sid));
    }

    private static String liveSession() {
        String sid = "sess-" + java.util.UUID.randomUUID();
        TABLE.insert(sid, Tokens.USER, Instant.now().plus(Duration.ofDays(7)));
        return sid;
    }

    @Test
    void acceptsATokenWhoseSessionIsLive() {
        assertThat(dataSource)
                .as("the app's DataSource is the one the check reads")
                .isSameAs(database);
        HttpResponse<String> response = http.bearer("/me", tokenFor(liveSession()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("id", Tokens.USER);
    }

    @Test
    void refusesATokenWhoseSessionRowWasDeletedWith401AndTheEndedDetail() {
        String sid = liveSession();
        String token = tokenFor(sid);
        assertThat(http.bearer("/me", token).statusCode()).isEqualTo(200);

        TABLE.delete(sid);
        HttpResponse<String> response = http.bearer("/me", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge)
                        .startsWith("Bearer error=\"invalid_token\"")
                        .contains(ENDED));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.json(response)).containsEntry("status", 401L).containsEntry("detail", ENDED);
    }

    @Test
    void acceptsATokenWithoutSidWithoutAskingTheDatabase() {
        database.down(true);
        assertThat(http.bearer("/me", Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now())))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void answers503NotUnauthorizedWhileTheDatabaseIsDownAndRecovers() {
        String token = tokenFor(liveSession());
        database.down(true);

        HttpResponse<String> response = http.bearer("/me", token);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.json(response)).containsEntry("status", 503L);
        assertThat((String) Http.json(response).get("detail")).contains("database is unavailable");

        database.down(false);
        assertThat(http.bearer("/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void answers503NamingTheTableWhileBetterAuthsSessionTableIsMissing() {
        String token = tokenFor(liveSession());
        TABLE.sql("ALTER TABLE \"session\" RENAME TO \"session_elsewhere\"");
        try {
            HttpResponse<String> response = http.bearer("/me", token);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat((String) Http.json(response).get("detail")).contains("session table \"session\" does not exist");
        } finally {
            TABLE.sql("ALTER TABLE \"session_elsewhere\" RENAME TO \"session\"");
        }
        assertThat(http.bearer("/me", token).statusCode()).isEqualTo(200);
    }
}
