package io.github.betterauthjava.jwt.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mints tokens the way Better Auth 1.7 does (same header and claims), and lets attack tests
 * write any header or payload text and sign it with any key.
 */
public final class Tokens {

    public static final String ISSUER = "http://localhost:3000";
    public static final String SECRET = "a-shared-secret-of-at-least-32-characters!";
    public static final String USER = "u_7f3kQp9Lx2";

    private Tokens() {}

    /** The claims Better Auth's jwt plugin puts in a token issued at {@code now}. */
    public static Map<String, Object> claims(Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iat", now.getEpochSecond());
        claims.put("name", "Ada Lovelace");
        claims.put("email", "ada@example.com");
        claims.put("emailVerified", false);
        claims.put("image", null);
        claims.put("createdAt", "2025-01-01T00:00:00.000Z");
        claims.put("updatedAt", "2025-01-01T00:00:00.000Z");
        claims.put("id", USER);
        claims.put("sub", USER);
        claims.put("exp", now.getEpochSecond() + 900);
        claims.put("iss", ISSUER);
        claims.put("aud", ISSUER);
        return claims;
    }

    /** A Better Auth-shaped header for this key: alg and kid, no typ. */
    public static Map<String, Object> header(JWK key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", key.getAlgorithm().getName());
        header.put("kid", key.getKeyID());
        return header;
    }

    public static String sign(JWK key, Map<String, Object> claims) {
        return sign(key, header(key), claims);
    }

    public static String sign(JWK key, Map<String, Object> header, Map<String, Object> claims) {
        return signRaw(
                signer(key),
                JWSAlgorithm.parse(key.getAlgorithm().getName()),
                JSONObjectUtils.toJSONString(header),
                JSONObjectUtils.toJSONString(claims));
    }

    public static String hs256(byte[] secret, Map<String, Object> header, Map<String, Object> claims) {
        return hs256(secret, JSONObjectUtils.toJSONString(header), JSONObjectUtils.toJSONString(claims));
    }

    public static String hs256(byte[] secret, String headerJson, String payloadJson) {
        try {
            return signRaw(new MACSigner(secret), JWSAlgorithm.HS256, headerJson, payloadJson);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hs256(Map<String, Object> claims) {
        return hs256(SECRET.getBytes(StandardCharsets.UTF_8), Map.of("alg", "HS256", "typ", "JWT"), claims);
    }

    /**
     * What better-auth 1.7 signs into its email-verification link (createEmailVerificationToken):
     * HS256 with {@code secret}, claims {@code email} and {@code userId}, valid 24 h, and no
     * {@code sub}, {@code iss}, {@code aud} or {@code sid}. Never an access token (SPEC 1.2, §4).
     */
    public static String emailVerificationLink(String secret, String userId, String email, Instant issuedAt) {
        long iat = issuedAt.getEpochSecond();
        return hs256(
                secret.getBytes(StandardCharsets.UTF_8),
                Map.of("alg", "HS256"),
                Map.of("email", email, "userId", userId, "iat", iat, "exp", iat + 24 * 3600));
    }

    /** Signs exactly these header and payload texts with the signer, whatever the header claims. */
    public static String signRaw(JWSSigner signer, JWSAlgorithm signerAlg, String headerJson, String payloadJson) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            Base64URL signature = signer.sign(new JWSHeader(signerAlg), input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static JWSSigner signer(JWK key) {
        try {
            if (key instanceof OctetKeyPair okp) {
                return new Ed25519Signer(okp);
            }
            if (key instanceof ECKey ec) {
                return new ECDSASigner(ec);
            }
            if (key instanceof RSAKey rsa) {
                return new RSASSASigner(rsa);
            }
            throw new IllegalArgumentException("no signer for " + key.getKeyType());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> with(Map<String, Object> map, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(name, value);
        return copy;
    }

    public static Map<String, Object> without(Map<String, Object> map, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.remove(name);
        return copy;
    }
}
