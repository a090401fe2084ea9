package dev.tasks.api.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Real tokens, as Better Auth issues them: EdDSA (Ed25519) signed with a key published by a JWKS
 * endpoint on a local HTTP server, plus HS256 signed with a test secret. One key and one server
 * per test JVM.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:3000";
    public static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";

    private static final OctetKeyPair KEY;
    private static final HttpServer JWKS;

    static {
        try {
            KEY = new OctetKeyPairGenerator(Curve.Ed25519)
                    .keyID("test-ed25519")
                    .algorithm(JWSAlgorithm.EdDSA)
                    .generate();
            JWKS = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] document = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        JWKS.createContext("/api/auth/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        JWKS.start();
    }

    private TestTokens() {}

    public static String jwksUrl() {
        return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/api/auth/jwks";
    }

    /** What better-auth 1.7 issues for a signed-in user (EdDSA, 15 minutes). */
    public static String forUser(String userId) {
        return forUser(userId, userId + "@example.com", "User " + userId);
    }

    public static String forUser(String userId, String email, String name) {
        JWTClaimsSet.Builder claims = claims(userId, Instant.now().plus(Duration.ofMinutes(15)));
        if (email != null) {
            claims.claim("email", email);
        }
        if (name != null) {
            claims.claim("name", name);
        }
        return eddsa(claims.build());
    }

    /** A token of the Better Auth session {@code sessionId} (its {@code sid} claim, as added with jwt.definePayload). */
    public static String forSession(String userId, String sessionId) {
        return eddsa(claims(userId, Instant.now().plus(Duration.ofMinutes(15)))
                .claim("sid", sessionId)
                .build());
    }

    public static String expired(String userId) {
        return eddsa(claims(userId, Instant.now().minus(Duration.ofMinutes(10))).build());
    }

    /** HS256 with the shared secret, as scripts/mint-token makes them. */
    public static String hs256(String userId) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader(JWSAlgorithm.HS256),
                    claims(userId, Instant.now().plus(Duration.ofMinutes(15))).build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spring properties pointing better-auth-spring-boot-starter at this issuer, key server and secret. */
    public static Map<String, String> properties() {
        return Map.of("better-auth.url", ISSUER, "better-auth.jwks-url", jwksUrl(), "better-auth.secret", SECRET);
    }

    private static JWTClaimsSet.Builder claims(String userId, Instant expiry) {
        Instant issuedAt = expiry.minus(Duration.ofMinutes(15));
        return new JWTClaimsSet.Builder()
                .subject(userId)
                .claim("id", userId)
                .issuer(ISSUER)
                .audience(ISSUER)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiry));
    }

    private static String eddsa(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                            .keyID(KEY.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new Ed25519Signer(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
