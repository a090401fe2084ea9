package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.github.betterauthjava.spring.customchain.CustomChainApplication;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code better-auth.ignore-invalid-tokens-on}: a refused token on a listed public path goes on as anonymous. */
@SpringBootTest(
        classes = CustomChainApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "better-auth.ignore-invalid-tokens-on=/health")
class PublicPathsHttpTest extends HttpTestSupport {

    @Test
    void ignoresARefusedTokenOnAListedPublicPath() {
        String expired =
                Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now().minusSeconds(3600)));
        assertThat(http.bearer("/health", expired).statusCode()).isEqualTo(200);
        assertThat(http.bearer("/health", "a.b.c").statusCode()).isEqualTo(200);
    }

    @Test
    void stillRefusesABadTokenOnOtherPaths() {
        HttpResponse<String> response = http.bearer("/me", "a.b.c");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
    }

    @Test
    void stillAuthenticatesAValidTokenEverywhere() {
        String token = Tokens.sign(TestKeys.P256, Tokens.claims(Instant.now()));
        assertThat(http.bearer("/health", token).statusCode()).isEqualTo(200);
        assertThat(Http.json(http.bearer("/me", token))).containsEntry("id", Tokens.USER);
    }
}
