package dev.tasks.api.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.BetterAuthSessionTable;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import dev.tasks.api.web.SessionCheckSettings;
import io.github.betterauthjava.jwt.SessionCheck;
import io.github.betterauthjava.jwt.SessionCheckMode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * SPEC 1.6 through the whole API, with the product's default ({@code required}): a real signed
 * token naming a Better Auth session works while the session row exists and gets 401 soon after
 * it is deleted (the library's tests pin the 5 s bound with a test clock); a token without sid is
 * refused (Better Auth's one-purpose tokens carry none); while PostgreSQL is down a token with a
 * sid gets 503, never 401, and works again after.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "RATE_LIMIT_USER_RPS=0",
            "RATE_LIMIT_IP_RPS=0",
            "CORS_ORIGINS=http://localhost:3000",
            "management.server.port=0"
        })
class SessionCheckTest extends ApiTest {

    @Autowired
    SessionCheck sessionCheck;

    @BeforeAll
    static void betterAuthHasMigrated() {
        BetterAuthSessionTable.createTable();
    }

    @Test
    void requiresASessionByDefault() {
        assertThat(sessionCheck.mode())
                .isEqualTo(SessionCheckMode.REQUIRED)
                .isEqualTo(SessionCheckSettings.DEFAULT)
                .isEqualTo(SessionCheckSettings.from(dev.tasks.api.config.Env.of(java.util.Map.of()))
                        .mode());
    }

    @Test
    void aTokenOfALiveSessionWorks() {
        String user = newUser();
        String token = TestTokens.forSession(user, BetterAuthSessionTable.signIn(user));

        assertThat(api().get("/api/me", token).status()).isEqualTo(200);
        assertThat(api().post("/api/" + user + "/tasks", token, "{\"title\":\"while signed in\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aTokenIsRefusedWithinTheCacheTtlAfterItsSessionRowIsDeleted() {
        String user = newUser();
        String session = BetterAuthSessionTable.signIn(user);
        String token = TestTokens.forSession(user, session);
        assertThat(api().get("/api/" + user + "/tasks", token).status()).isEqualTo(200);

        BetterAuthSessionTable.signOut(session);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api().get("/api/" + user + "/tasks", token).status() == 401);
        Response refused = api().get("/api/" + user + "/tasks", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        assertThat(refused.json().get("detail").asString()).contains("session this token belongs to has ended");
    }

    @Test
    void aTokenOfAnotherUsersSessionIsRefused() {
        String owner = newUser();
        String borrower = newUser();
        String token = TestTokens.forSession(borrower, BetterAuthSessionTable.signIn(owner));

        assertThat(api().get("/api/me", token).status()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutSidIsRefused() {
        String user = newUser();
        Response eddsa = api().get("/api/" + user + "/tasks", TestTokens.forUser(user));
        assertThat(eddsa.status()).isEqualTo(401);
        assertThat(eddsa.header("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        assertThat(api().get("/api/me", TestTokens.hs256(user)).status()).isEqualTo(401);
        assertThat(api().post("/api/" + user + "/tasks", TestTokens.forUser(user), "{\"title\":\"no session\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void answers503NotUnauthorizedWhileTheDatabaseIsDownAndRecovers() {
        String user = newUser();
        // Never used before the outage, so nothing is cached: the check must reach the database.
        String token = TestTokens.forSession(user, BetterAuthSessionTable.signIn(user));

        TestPostgres.stop();
        try {
            Response me = api().get("/api/me", token);
            assertThat(me.status()).isEqualTo(503);
            assertThat(me.header("Retry-After")).isPresent();
            assertThat(me.contentType()).startsWith("application/problem+json");
            assertThat(me.json().get("detail").asString()).contains("database is unavailable");
            assertThat(me.header("WWW-Authenticate")).isEmpty();
        } finally {
            TestPostgres.start();
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api().get("/api/me", token).status() == 200);
        assertThat(api().get("/api/" + user + "/tasks", token).status()).isEqualTo(200);
    }
}
