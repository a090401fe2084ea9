package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.github.betterauthjava.spring.customchain.CustomChainApplication;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** An app's own filter chain becomes a Better Auth resource server with {@code http.oauth2ResourceServer(betterAuth)}. */
@SpringBootTest(classes = CustomChainApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomChainHttpTest extends HttpTestSupport {

    @Test
    void leavesPublicEndpointsOpen() {
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
    }

    /** Spring authenticates a token wherever one is sent: see PublicPathsHttpTest for the switch. */
    @Test
    void answersABadTokenOnAPublicPathWith401ByDefault() {
        HttpResponse<String> response = http.bearer("/health", "a.b.c");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
    }

    @Test
    void verifiesTokensOnProtectedEndpoints() {
        HttpResponse<String> response = http.bearer("/me", Tokens.sign(TestKeys.P256, Tokens.claims(Instant.now())));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("id", Tokens.USER);
    }

    @Test
    void answersWithTheBetterAuthEntryPoint() {
        HttpResponse<String> missing = http.get("/me");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        HttpResponse<String> invalid = http.bearer("/me", "a.b.c");
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(invalid.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
    }

    @Test
    void refusesHs256WhenNoSecretIsConfigured() {
        assertThat(http.bearer("/me", Tokens.hs256(Tokens.claims(Instant.now())))
                        .statusCode())
                .isEqualTo(401);
    }
}
