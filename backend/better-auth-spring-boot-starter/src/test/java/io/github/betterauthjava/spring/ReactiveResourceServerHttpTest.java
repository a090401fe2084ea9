package io.github.betterauthjava.spring;

import static io.github.betterauthjava.jwt.testkit.Tokens.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.OctetKeyPair;
import io.github.betterauthjava.jwt.testkit.InMemorySessions;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.github.betterauthjava.spring.reactive.ReactiveApplication;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * SPEC 1.2's rules on a WebFlux server over real HTTP, for an application that only added the
 * dependency: the same answers as the servlet stack's ({@code ResourceServerHttpTest},
 * {@code SessionCheckHttpTest}).
 */
@SpringBootTest(
        classes = ReactiveApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=reactive",
            "better-auth.session-check=if-present",
            "better-auth.session-cache-ttl=0s"
        })
@Import(ReactiveResourceServerHttpTest.Sessions.class)
class ReactiveResourceServerHttpTest extends HttpTestSupport {

    private static final String SID = "s_reactive";

    @TestConfiguration(proxyBeanMethods = false)
    static class Sessions {
        @Bean
        InMemorySessions betterAuthSessions() {
            return new InMemorySessions();
        }
    }

    @Autowired
    InMemorySessions sessions;

    @Autowired
    ApplicationContext context;

    /** The keys are known before any test takes the JWKS down (stale-if-error keeps them). */
    @BeforeEach
    void warmUp() {
        assertThat(http.bearer("/me", valid()).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void sessionsUp() {
        sessions.down(false);
    }

    private static String valid() {
        return Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
    }

    @Test
    void runsOnWebFluxWithTheLibrarysChain() {
        assertThat(context.getBean(SecurityWebFilterChain.class)).isNotNull();
        assertThat(context.getBean("betterAuthSecurityWebFilterChain")).isNotNull();
    }

    @Test
    void answersAValidTokenWithItsUser() {
        HttpResponse<String> response = http.bearer("/me", valid());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("id", Tokens.USER).containsEntry("email", "ada@example.com");
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        assertThat(http.get("/me", "Authorization", "bEaReR " + valid()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void answersAMissingTokenWith401AndABareBearerChallenge() {
        HttpResponse<String> response = http.get("/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat((String) Http.json(response).get("detail")).contains("Authorization: Bearer");
    }

    @Test
    void answersABadTokenWith401InvalidToken() {
        String expired =
                Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now().minusSeconds(3600)));
        for (String token : new String[] {"a.b.c", expired, valid() + "x"}) {
            HttpResponse<String> response = http.bearer("/me", token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .startsWith("Bearer error=\"invalid_token\", error_description=\"");
            assertThat(response.body()).doesNotContain(token).doesNotContain("Exception");
        }
        HttpResponse<String> malformed = http.get("/me", "Authorization", "Bearer a b");
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(malformed.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
    }

    @Test
    void answersATokenWithoutSubWith401() {
        String token = Tokens.sign(TestKeys.ED25519, Tokens.without(Tokens.claims(Instant.now()), "sub"));
        assertThat(http.bearer("/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void ignoresATokenInTheQueryString() {
        HttpResponse<String> query = http.get("/me?access_token=" + valid());
        assertThat(query.statusCode()).isEqualTo(401);
        assertThat(query.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void answersAnUnknownKidDuringAJwksOutageWith503AndRetryAfter() throws InterruptedException {
        JWKS.mode(JwksServer.Mode.DOWN);
        OctetKeyPair stranger = TestKeys.ed25519("rotated-" + UUID.randomUUID());
        String token = Tokens.sign(stranger, Tokens.claims(Instant.now()));
        // As in ResourceServerHttpTest: within 5 s of an earlier good fetch this is a plain unknown kid (401).
        HttpResponse<String> response = http.bearer("/me", token);
        for (int i = 0; i < 14 && response.statusCode() == 401; i++) {
            Thread.sleep(500);
            response = http.bearer("/me", token);
        }
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat((String) Http.json(response).get("detail")).contains("signing keys cannot be fetched");
        assertThat(response.body()).doesNotContain(JWKS.url()).doesNotContain("127.0.0.1");
        assertThat(http.bearer("/me", valid()).statusCode())
                .as("known keys keep working")
                .isEqualTo(200);
    }

    @Test
    void answersWhileSessionsCannotBeLookedUpWith503AndRetryAfter() {
        sessions.put(SID, Tokens.USER, Instant.now().plusSeconds(3600));
        String token = Tokens.sign(TestKeys.ED25519, with(Tokens.claims(Instant.now()), "sid", SID));
        assertThat(http.bearer("/me", token).statusCode()).isEqualTo(200);

        sessions.down(true);
        HttpResponse<String> response = http.bearer("/me", token);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        sessions.down(false);
        assertThat(http.bearer("/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void answersATokenOfAnEndedSessionWith401() {
        sessions.put(SID + "-ended", Tokens.USER, Instant.now().plusSeconds(3600));
        String token = Tokens.sign(TestKeys.ED25519, with(Tokens.claims(Instant.now()), "sid", SID + "-ended"));
        assertThat(http.bearer("/me", token).statusCode()).isEqualTo(200);

        sessions.delete(SID + "-ended");
        HttpResponse<String> response = http.bearer("/me", token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
    }
}
