package com.example.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample over real HTTP: a Better Auth-shaped JWKS endpoint and an EdDSA token, as Better Auth issues them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTest {

    private static final OctetKeyPair KEY = ed25519();
    private static final HttpServer JWKS = jwks();
    // One client, never closed: HttpClient is AutoCloseable only from Java 21, and the sample runs on 17.
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry registry) {
        registry.add("better-auth.url", () -> "http://localhost:3000");
        registry.add(
                "better-auth.jwks-url",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/api/auth/jwks");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersTheUserOfABetterAuthToken() throws Exception {
        long now = Instant.now().getEpochSecond();
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(KEY.getKeyID()).build(),
                new Payload(Map.of(
                        "sub",
                        "user-1",
                        "email",
                        "ada@example.com",
                        "name",
                        "Ada",
                        "iat",
                        now,
                        "exp",
                        now + 900,
                        "iss",
                        "http://localhost:3000",
                        "aud",
                        "http://localhost:3000")));
        jws.sign(new Ed25519Signer(KEY));

        HttpResponse<String> response = get(jws.serialize());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"user-1\"").contains("\"email\":\"ada@example.com\"");
    }

    @Test
    void answersNoTokenWith401() throws Exception {
        HttpResponse<String> response = get(null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    private static OctetKeyPair ed25519() {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519)
                    .keyID("sample-1")
                    .algorithm(JWSAlgorithm.EdDSA)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/api/auth/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
