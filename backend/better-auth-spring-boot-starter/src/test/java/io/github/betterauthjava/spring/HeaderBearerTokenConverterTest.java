package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/** The WebFlux token converter answers as Spring's (query tokens off) does, by the servlet resolver's rule. */
class HeaderBearerTokenConverterTest {

    private final HeaderBearerTokenConverter ours = new HeaderBearerTokenConverter();
    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Test
    void readsTheHeaderWithTheSchemeInAnyCaseAndNeverTheQueryString() {
        assertThat(outcome(ours, "bEaReR abc.DEF-_~+/12==")).isEqualTo("token:abc.DEF-_~+/12==");
        MockServerWebExchange query = MockServerWebExchange.from(MockServerHttpRequest.get("/me?access_token=abc"));
        assertThat(ours.convert(query).blockOptional()).isEmpty();
    }

    @Test
    void agreesWithSpringsConverterOnHandPickedAndRandomHeaders() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearer abc ",
                "Bearerabc",
                "Bearer =",
                "Bearer abc=def",
                "Bearer abc==",
                "Bearer a.b.c",
                "Bearer a b",
                "Bearer é",
                "bearer x",
                "Basic dXNlcjpwYXNz",
                "",
                "Bearer %41",
                "Bearer a,b"));
        Random random = new Random(6750);
        String alphabet = "aZ09-._~+/= ,;%éBb";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder header =
                    new StringBuilder(random.nextBoolean() ? "Bearer " : random.nextBoolean() ? "bearer" : "");
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(ours, header)).as("Authorization: [%s]", header).isEqualTo(outcome(spring, header));
        }
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.get("/me").header("Authorization", header));
        try {
            Authentication token = converter.convert(exchange).block();
            return token == null ? "none" : "token:" + ((BearerTokenAuthenticationToken) token).getToken();
        } catch (RuntimeException e) {
            return "refused";
        }
    }
}
