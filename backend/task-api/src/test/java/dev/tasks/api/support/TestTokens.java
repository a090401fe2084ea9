package dev.tasks.api.support;

import com.nimbusds.jose.jwk.OctetKeyPair;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Real tokens, as Better Auth issues them: EdDSA (Ed25519) signed with a key published by a JWKS
 * endpoint on a local HTTP server, plus HS256 signed with a test secret. One key and one server
 * per test JVM. The minting itself is the library's testkit ({@link Tokens}); this class only
 * names the users, sessions and expiries the task API's tests need.
 */
public final class TestTokens {

    public static final String ISSUER = Tokens.ISSUER;
    public static final String SECRET = Tokens.SECRET;

    private static final OctetKeyPair KEY = TestKeys.ed25519("test-ed25519");
    // Lives as long as the test JVM, like the Spring contexts that fetch from it.
    private static final JwksServer JWKS = new JwksServer(List.of(KEY));

    private TestTokens() {}

    public static String jwksUrl() {
        return JWKS.url();
    }

    /** What better-auth 1.7 issues for a signed-in user (EdDSA, 15 minutes). */
    public static String forUser(String userId) {
        return forUser(userId, userId + "@example.com", "User " + userId);
    }

    /** A null email or name leaves that claim out. */
    public static String forUser(String userId, String email, String name) {
        Map<String, Object> claims = claims(userId, Instant.now());
        claims = email == null ? Tokens.without(claims, "email") : Tokens.with(claims, "email", email);
        claims = name == null ? Tokens.without(claims, "name") : Tokens.with(claims, "name", name);
        return Tokens.sign(KEY, claims);
    }

    /** A token of the Better Auth session {@code sessionId} (its {@code sid} claim, as added with jwt.definePayload). */
    public static String forSession(String userId, String sessionId) {
        return Tokens.sign(KEY, Tokens.with(claims(userId, Instant.now()), "sid", sessionId));
    }

    /** Valid for {@code left} more: issued 15 minutes before that, like a token near its end. */
    public static String expiringIn(String userId, Duration left) {
        return Tokens.sign(
                KEY, claims(userId, Instant.now().minus(Duration.ofMinutes(15)).plus(left)));
    }

    /** A token of the user with one more claim, e.g. one a Better Auth plugin adds. */
    public static String withClaim(String userId, String claim, Object value) {
        return Tokens.sign(KEY, Tokens.with(claims(userId, Instant.now()), claim, value));
    }

    /** Issued 25 minutes ago, so it expired 10 minutes ago. */
    public static String expired(String userId) {
        return Tokens.sign(KEY, claims(userId, Instant.now().minus(Duration.ofMinutes(25))));
    }

    /** HS256 with the API's own HS256 secret (BETTER_AUTH_HS256_SECRET), the original documents' compatibility mode. */
    public static String hs256(String userId) {
        return Tokens.hs256(
                SECRET.getBytes(StandardCharsets.UTF_8), Map.of("alg", "HS256"), claims(userId, Instant.now()));
    }

    /** Better Auth's email-verification link for {@code userId}, signed with the API's own HS256 secret: the worst configuration. */
    public static String emailVerificationLink(String userId) {
        return Tokens.emailVerificationLink(SECRET, userId, userId + "@example.com", Instant.now());
    }

    /** Spring properties pointing better-auth-spring-boot-starter at this issuer, key server and secret. */
    public static Map<String, String> properties() {
        return Map.of("better-auth.url", ISSUER, "better-auth.jwks-url", jwksUrl(), "better-auth.hs256-secret", SECRET);
    }

    /** Better Auth's claims for {@code userId}, issued at {@code issuedAt}, valid 15 minutes. */
    private static Map<String, Object> claims(String userId, Instant issuedAt) {
        return Tokens.with(Tokens.with(Tokens.claims(issuedAt), "sub", userId), "id", userId);
    }
}
