package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.github.betterauthjava.spring.reactivechain.ReactiveCustomChainApplication;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * On WebFlux, with an application's own chain: a public path stays open, and
 * {@code better-auth.ignore-invalid-tokens-on} lets a refused token through there as anonymous,
 * as {@code PublicPathsHttpTest} checks on the servlet stack.
 */
@SpringBootTest(
        classes = ReactiveCustomChainApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=reactive", "better-auth.ignore-invalid-tokens-on=/health"})
class ReactivePublicPathsHttpTest extends HttpTestSupport {

    @Test
    void leavesThePublicPathOpenAndIgnoresARefusedTokenThere() {
        String expired =
                Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now().minusSeconds(3600)));
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        assertThat(http.bearer("/health", expired).statusCode()).isEqualTo(200);
        assertThat(http.bearer("/health", "a.b.c").statusCode()).isEqualTo(200);
    }

    @Test
    void stillRefusesABadTokenOnOtherPaths() {
        HttpResponse<String> response = http.bearer("/me", "a.b.c");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
        HttpResponse<String> missing = http.get("/me");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void stillAuthenticatesAValidTokenEverywhere() {
        String token = Tokens.sign(TestKeys.P256, Tokens.claims(Instant.now()));
        assertThat(http.bearer("/health", token).statusCode()).isEqualTo(200);
        assertThat(Http.json(http.bearer("/me", token))).containsEntry("id", Tokens.USER);
    }
}
