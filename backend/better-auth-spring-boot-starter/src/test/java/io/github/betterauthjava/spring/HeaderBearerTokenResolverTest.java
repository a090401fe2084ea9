package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The hand-written resolver must answer exactly as Spring's (query and form tokens off) does. */
class HeaderBearerTokenResolverTest {

    private final HeaderBearerTokenResolver ours = new HeaderBearerTokenResolver();
    private final DefaultBearerTokenResolver spring = springResolver();

    @Test
    void readsTheTokenWithTheSchemeInAnyCase() {
        for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
            assertThat(ours.resolve(request(scheme + " abc.DEF-_~+/12=="))).isEqualTo("abc.DEF-_~+/12==");
        }
    }

    @Test
    void answersNullWithoutAnAuthorizationHeaderOrForAnotherScheme() {
        assertThat(ours.resolve(new MockHttpServletRequest("GET", "/api/me"))).isNull();
        assertThat(ours.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
        assertThat(ours.resolve(request("Token abc"))).isNull();
    }

    @Test
    void neverReadsATokenFromTheQueryStringOrTheBody() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/me");
        request.setQueryString("access_token=abc");
        request.addParameter("access_token", "abc");
        request.setContentType("application/x-www-form-urlencoded");
        assertThat(ours.resolve(request)).isNull();
    }

    @Test
    void agreesWithSpringsResolverOnHandPickedAndRandomHeaders() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer\tabc",
                "Bearerabc",
                "Bearer =",
                "Bearer abc=def",
                "Bearer abc==",
                "Bearer a.b.c",
                "Bearer a b",
                "Bearer é",
                "bearer x",
                "Bear abc",
                "B",
                "",
                "Bearer abc\n",
                "Bearer %41",
                "Bearer a,b",
                "Bearer a;b",
                "Bearer a\"b"));
        Random random = new Random(6750);
        String alphabet = "aZ09-._~+/= \t,;\"%é\u0000Bb";
        for (int i = 0; i < 5_000; i++) {
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

    private static String outcome(
            org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver, String header) {
        try {
            return "token:" + resolver.resolve(request(header));
        } catch (RuntimeException e) {
            return "refused:" + e.getMessage();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("Authorization", authorization);
        return request;
    }

    private static DefaultBearerTokenResolver springResolver() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        resolver.setAllowUriQueryParameter(false);
        resolver.setAllowFormEncodedBodyParameter(false);
        return resolver;
    }
}
