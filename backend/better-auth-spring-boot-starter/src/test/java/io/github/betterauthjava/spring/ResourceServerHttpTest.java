package io.github.betterauthjava.spring;

import static io.github.betterauthjava.jwt.testkit.Tokens.with;
import static io.github.betterauthjava.jwt.testkit.Tokens.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.betterauthjava.jwt.BetterAuthMetrics;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.github.betterauthjava.spring.app.DefaultChainApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Over real HTTP, against an application that only added the dependency: RFC 6750 401s with
 * {@code WWW-Authenticate: Bearer}, RFC 9457 problem bodies, the token only from the
 * Authorization header, and 401 (never 403 or 500) where stock Spring differs.
 */
@SpringBootTest(
        classes = DefaultChainApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "better-auth.hs256-secret=" + Tokens.SECRET,
            // Tomcat's default 8 KB header limit would answer a 100 KB token with 400 before Spring sees it.
            "server.max-http-request-header-size=256KB"
        })
class ResourceServerHttpTest extends HttpTestSupport {

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void warmUp() {
        assertThat(http.bearer("/me", valid()).statusCode()).isEqualTo(200);
    }

    private static String valid() {
        return Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
    }

    @Test
    void returnsThePrincipalForAValidToken() {
        HttpResponse<String> response = http.bearer("/me", valid());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response))
                .containsEntry("id", Tokens.USER)
                .containsEntry("email", "ada@example.com")
                .containsEntry("name", "Ada Lovelace");
    }

    @Test
    void acceptsEveryAlgorithmOverHttp() {
        for (var key : TestKeys.ALL) {
            assertThat(http.bearer("/me", Tokens.sign(key, Tokens.claims(Instant.now())))
                            .statusCode())
                    .as(key.getKeyID())
                    .isEqualTo(200);
        }
        assertThat(http.bearer("/me", Tokens.hs256(Tokens.claims(Instant.now())))
                        .statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "BEARER", "BeArEr"})
    void acceptsTheSchemeInAnyCase(String scheme) {
        assertThat(http.get("/me", "Authorization", scheme + " " + valid()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void answersAMissingTokenWith401AndABareBearerChallenge() {
        HttpResponse<String> response = http.get("/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(response, "Authorization: Bearer");
    }

    @Test
    void answersAnInvalidTokenWith401InvalidTokenAndAProblemDetail() {
        String expired = Tokens.sign(
                TestKeys.ED25519,
                with(
                        Tokens.claims(Instant.now().minusSeconds(2000)),
                        "exp",
                        Instant.now().getEpochSecond() - 600));
        HttpResponse<String> response = http.bearer("/me", expired);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"")
                .contains("error_description=\"The token has expired\"");
        assertProblem(response, "The token has expired");
    }

    @Test
    void ignoresATokenInTheQueryString() {
        HttpResponse<String> response = http.get("/me?access_token=" + valid());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void ignoresATokenInAFormBody() {
        assertThat(http.post("/me", "access_token=" + valid()).statusCode()).isEqualTo(401);
    }

    @Test
    void ignoresATokenInACookie() {
        assertThat(http.get("/me", "Cookie", "access_token=" + valid() + "; better-auth.session_token=" + valid())
                        .statusCode())
                .isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic dXNlcjpwYXNz",
                "Bearer",
                "Bearer ",
                "Bearer  two spaces",
                "Token abc",
                "Bearer a.b.c d.e.f"
            })
    void answersOtherSchemesAndBrokenHeadersWith401(String authorization) {
        HttpResponse<String> response = http.get("/me", "Authorization", authorization);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer");
    }

    @Test
    void answersA100KilobyteTokenWith401() {
        String huge =
                Tokens.sign(TestKeys.ED25519, with(Tokens.claims(Instant.now()), "padding", "x".repeat(100 * 1024)));
        HttpResponse<String> response = http.bearer("/me", huge);
        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, "longer than");
    }

    @Test
    void answersGarbageAndTwoSegmentTokensWith401() {
        assertThat(http.bearer("/me", "garbage").statusCode()).isEqualTo(401);
        assertThat(http.bearer("/me", "eyJhbGciOiJFZERTQSJ9.e30").statusCode()).isEqualTo(401);
    }

    @Test
    void answersATokenWithoutSubOrUserIdWith401Not403() {
        HttpResponse<String> response =
                http.bearer("/me", Tokens.sign(TestKeys.ED25519, without(Tokens.claims(Instant.now()), "sub")));
        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, "names no user");
    }

    @Test
    void refusesATokenNamingItsUserOnlyInUserIdOverHttp() {
        var claims = with(without(Tokens.claims(Instant.now()), "sub"), "userId", "u_legacy");
        HttpResponse<String> response = http.bearer("/me", Tokens.sign(TestKeys.ED25519, claims));
        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, "names no user");
    }

    @Test
    void answersAnUnknownKidDuringAJwksOutageWith503AndRetryAfterNever401Nor500() throws InterruptedException {
        JWKS.mode(JwksServer.Mode.DOWN);
        OctetKeyPair stranger = TestKeys.ed25519("rotated-" + UUID.randomUUID());
        String token = Tokens.sign(stranger, Tokens.claims(Instant.now()));
        // Within 5 s of an earlier test's fetch no new fetch is allowed, and the key store last saw
        // the JWKS answer: that is a plain unknown kid (401). The first fetch after it fails: 503.
        HttpResponse<String> response = http.bearer("/me", token);
        for (int i = 0; i < 14 && response.statusCode() == 401; i++) {
            Thread.sleep(500);
            response = http.bearer("/me", token);
        }
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat((String) Http.json(response).get("detail")).contains("signing keys cannot be fetched");
        assertThat(response.body())
                .as("the JWKS URL goes to the log, never to a client")
                .doesNotContain(JWKS.url())
                .doesNotContain("127.0.0.1")
                .doesNotContain("localhost")
                .doesNotContain("Exception");
        assertThat(http.bearer("/me", valid()).statusCode())
                .as("known keys keep working")
                .isEqualTo(200);
    }

    @Test
    void answersAlgNoneWith401() {
        String none = Tokens.b64("{\"alg\":\"none\"}") + "."
                + Tokens.b64(JSONObjectUtils.toJSONString(Tokens.claims(Instant.now()))) + ".";
        assertThat(http.bearer("/me", none).statusCode()).isEqualTo(401);
    }

    @Test
    void answersHmacSignedWithThePublicKeyWith401() {
        String token = Tokens.hs256(
                TestKeys.publicKeyDer(TestKeys.RS256),
                Map.of("alg", "HS256", "kid", "rs256-1"),
                Tokens.claims(Instant.now()));
        assertThat(http.bearer("/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void answersAnUnknownAlgorithmWith401() {
        String token = Tokens.signRaw(
                Tokens.signer(TestKeys.ED25519),
                JWSAlgorithm.EdDSA,
                "{\"alg\":\"ES256\",\"kid\":\"ed25519-1\"}",
                JSONObjectUtils.toJSONString(Tokens.claims(Instant.now())));
        assertThat(http.bearer("/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void keepsNoSession() {
        HttpResponse<String> response = http.bearer("/me", valid());
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void countsVerificationOutcomesAndJwksFetches() {
        http.bearer("/me", "garbage");
        assertThat(meters.counter(BetterAuthMetrics.VERIFICATIONS, "outcome", "accepted")
                        .count())
                .isPositive();
        assertThat(meters.counter(BetterAuthMetrics.VERIFICATIONS, "outcome", "malformed")
                        .count())
                .isPositive();
        assertThat(meters.counter(BetterAuthMetrics.JWKS_FETCHES, "outcome", "success")
                        .count())
                .isPositive();
        assertThat(meters.get(BetterAuthMetrics.JWKS_KEYS).gauge().value()).isEqualTo(TestKeys.ALL.size());
    }

    private static void assertProblem(HttpResponse<String> response, String detail) {
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        Map<String, Object> problem = Http.json(response);
        assertThat(problem).containsEntry("status", 401L).containsEntry("title", "Unauthorized");
        assertThat((String) problem.get("detail")).contains(detail);
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("at dev.");
    }
}
