package io.github.betterauthjava.jwt.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.BetterAuthSettings;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plain-Java example over real HTTP, with real keys served by a real JWKS endpoint. */
class PlainJavaApiTest {

    private final JwksServer jwks = JwksServer.withAllKeys();
    private final PlainJavaApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    PlainJavaApiTest() throws Exception {
        api = new PlainJavaApi(
                BetterAuthSettings.builder(Tokens.ISSUER).jwksUrl(jwks.url()).build());
    }

    @AfterEach
    void close() {
        api.close();
        jwks.close();
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + "/me"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersTheUserOfAValidBetterAuthToken() throws Exception {
        for (var key : TestKeys.ALL) {
            HttpResponse<String> response = get("Bearer " + Tokens.sign(key, Tokens.claims(Instant.now())));
            assertThat(response.statusCode()).as(key.getKeyID()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"id\":\"" + Tokens.USER + "\"}");
        }
    }

    @Test
    void answersAMissingTokenWith401AndABearerChallenge() throws Exception {
        HttpResponse<String> response = get(null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void answersATamperedTokenWith401SayingWhy() throws Exception {
        String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
        String tampered =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        HttpResponse<String> response = get("Bearer " + tampered);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.body()).contains("\"reason\":\"bad_signature\"");
    }

    @Test
    void answers503WithRetryAfterWhenTheKeysCannotBeFetchedNamingNoUrl() throws Exception {
        jwks.mode(JwksServer.Mode.DOWN);
        HttpResponse<String> response = get("Bearer " + Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now())));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("cannot be fetched right now").doesNotContain(jwks.url());
    }

    @Test
    void answersAnExpiredTokenWith401() throws Exception {
        String expired = Tokens.sign(TestKeys.P256, Tokens.claims(Instant.now().minusSeconds(3600)));
        HttpResponse<String> response = get("Bearer " + expired);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"reason\":\"expired\"");
    }
}
