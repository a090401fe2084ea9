package io.github.betterauthjava.spring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.JWSObject;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies a Better Auth access token and returns it as a Spring {@link Jwt}.
 *
 * <p>Every refusal is a {@link org.springframework.security.oauth2.jwt.BadJwtException}, which
 * Spring answers with 401; nothing a client sends can make this throw anything else. The rules,
 * in the order they are applied (cheap ones first, the signature before any claim is trusted):
 * <ol>
 *   <li>at most {@code maxTokenLength} characters, exactly three segments (no JWE, no
 *       unsigned JWT);</li>
 *   <li>no header-supplied key ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}), no
 *       {@code crit} (none is understood), not Better Auth's session-cache {@code typ};</li>
 *   <li>HS256 only when a secret is configured, verified with it; any other algorithm must be
 *       the one pinned by the JWKS key whose kid the token names (RFC 8725 §3.1);</li>
 *   <li>{@code exp} required, {@code nbf} and {@code iat} honoured, with the configured skew;
 *       {@code iss} equal to the Better Auth URL, {@code aud} containing it (both checked only
 *       when present on HS256 tokens), never Better Auth's session-cache audience;</li>
 *   <li>a user id in {@code sub} or {@code userId};</li>
 *   <li>with a {@link SessionCheck}: a live Better Auth session ({@code sid}), checked on every
 *       request, cached tokens included.</li>
 * </ol>
 * Verified tokens are cached by SHA-256 of their value, never past their {@code exp}. A session
 * that cannot be looked up is a {@link SessionCheckUnavailableException} (503), not a refusal.
 */
public final class BetterAuthJwtDecoder implements JwtDecoder {

    static final String SESSION_CACHE_TYP = "better-auth.session-cache+jwt";
    static final String SESSION_CACHE_AUD = "better-auth:session-cache";
    private static final Set<String> KEY_HEADERS = Set.of("jwk", "jku", "x5u", "x5c");
    /** 9999-12-31T23:59:59Z: later NumericDates are nonsense, and would overflow Instant arithmetic. */
    private static final long MAX_NUMERIC_DATE = 253_402_300_799L;
    private static final int MAX_KID_LENGTH = 256;

    private final String issuer;
    private final Duration skew;
    private final int maxTokenLength;
    private final JwksKeys keys;
    private final JWSVerifier hs256;
    private final InstantSource clock;
    private final BetterAuthMetrics metrics;
    private final Cache<String, Jwt> verified;
    private final SessionCheck sessions;

    public BetterAuthJwtDecoder(BetterAuthProperties properties, JwksKeys keys) {
        this(properties, keys, null);
    }

    /** @param sessions checks each token's Better Auth session; {@code null} for none */
    public BetterAuthJwtDecoder(BetterAuthProperties properties, JwksKeys keys, SessionCheck sessions) {
        this(properties, keys, InstantSource.system(), BetterAuthMetrics.NONE, sessions);
    }

    BetterAuthJwtDecoder(BetterAuthProperties properties, JwksKeys keys, InstantSource clock, BetterAuthMetrics metrics) {
        this(properties, keys, clock, metrics, null);
    }

    BetterAuthJwtDecoder(BetterAuthProperties properties, JwksKeys keys, InstantSource clock, BetterAuthMetrics metrics,
                         SessionCheck sessions) {
        this.sessions = sessions == null || sessions.mode() == SessionCheckMode.OFF ? null : sessions;
        this.issuer = properties.url();
        this.skew = properties.clockSkew();
        this.maxTokenLength = properties.maxTokenLength();
        this.keys = keys;
        this.clock = clock;
        this.metrics = metrics;
        this.hs256 = properties.acceptsHs256() ? macVerifier(properties.secret()) : null;
        this.verified = properties.tokenCacheSize() == 0 ? null : Caffeine.newBuilder()
                .maximumSize(properties.tokenCacheSize())
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, Jwt>creating((hash, jwt) -> untilExpiry(jwt)))
                .build();
        if (verified != null) {
            metrics.gauge(BetterAuthMetrics.TOKEN_CACHE_SIZE, verified::estimatedSize);
        }
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        try {
            return decodeOrReject(token);
        } catch (TokenRejected rejected) {
            metrics.verification(rejected.outcome());
            throw rejected;
        } catch (SessionCheckUnavailableException unavailable) {
            metrics.verification(Outcome.SESSION_UNAVAILABLE);
            throw unavailable;
        } catch (RuntimeException unexpected) {
            // Whatever a library throws on hostile input is still the client's bad token: 401, not 500.
            metrics.verification(Outcome.ERROR);
            throw new TokenRejected(Outcome.ERROR, "The token could not be verified", unexpected);
        }
    }

    private Jwt decodeOrReject(String token) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejected(Outcome.MALFORMED, "No bearer token was given");
        }
        if (token.length() > maxTokenLength) {
            throw new TokenRejected(Outcome.TOO_LONG, "The token is longer than " + maxTokenLength + " characters");
        }
        int segments = segments(token);
        if (segments < 0) {
            throw new TokenRejected(Outcome.MALFORMED, "The token has characters outside base64url and '.'");
        }
        if (segments == 5) {
            throw new TokenRejected(Outcome.MALFORMED, "Encrypted (JWE) tokens are not accepted; send the signed JWT Better Auth issues");
        }
        if (segments != 3) {
            throw new TokenRejected(Outcome.MALFORMED, "The token is not a signed JWT (header.payload.signature)");
        }
        String hash = verified == null ? null : sha256(token);
        if (hash != null) {
            Jwt cached = verified.getIfPresent(hash);
            if (cached != null) {
                if (clock.instant().isBefore(cached.getExpiresAt())) {
                    checkSession(cached);
                    metrics.verification(Outcome.CACHED);
                    return cached;
                }
                verified.invalidate(hash);
            }
        }
        Jwt jwt = verify(token);
        if (hash != null) {
            verified.put(hash, jwt);
        }
        checkSession(jwt);
        metrics.verification(Outcome.ACCEPTED);
        return jwt;
    }

    /** A verified token still needs a live session: the cache remembers signatures, not sessions. */
    private void checkSession(Jwt jwt) {
        if (sessions != null) {
            sessions.check(jwt, UserClaims.userOf(jwt.getClaims()).orElseThrow().id());
        }
    }

    private Jwt verify(String token) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException | RuntimeException e) {
            // Nimbus throws unchecked exceptions on some hostile headers (e.g. the JSON "null").
            throw new TokenRejected(Outcome.MALFORMED, "The token is not a well-formed signed JWT");
        }
        JWSHeader header = jws.getHeader();
        checkHeader(header);
        JWSAlgorithm alg = header.getAlgorithm();
        boolean hmac = JWSAlgorithm.Family.HMAC_SHA.contains(alg);
        JWSVerifier verifier = hmac ? hmacVerifier(alg) : keyVerifier(header, alg);
        boolean valid;
        try {
            valid = jws.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new TokenRejected(Outcome.BAD_SIGNATURE, "The token's signature is invalid");
        }
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        if (claims == null) {
            throw new TokenRejected(Outcome.MALFORMED, "The token's payload is not a JSON object");
        }
        return toJwt(token, header, claims, hmac);
    }

    private void checkHeader(JWSHeader header) {
        Set<String> names = header.toJSONObject().keySet();
        if (names.stream().anyMatch(KEY_HEADERS::contains)) {
            // RFC 8725 §3.10: keys named or carried by the token itself prove nothing.
            throw new TokenRejected(Outcome.FORBIDDEN_HEADER, "Tokens carrying or pointing to their own key (jwk, jku, x5u, x5c) are not accepted");
        }
        if (names.contains("crit")) {
            // RFC 7515 §4.1.11: a recipient must refuse critical extensions it does not understand; we understand none.
            throw new TokenRejected(Outcome.FORBIDDEN_HEADER, "The token names critical header parameters (crit) this server does not understand");
        }
        if (header.getType() != null && SESSION_CACHE_TYP.equalsIgnoreCase(header.getType().getType())) {
            throw new TokenRejected(Outcome.SESSION_CACHE, "Better Auth session-cache tokens are not access tokens");
        }
        String alg = header.getAlgorithm().getName();
        if ("none".equalsIgnoreCase(alg)) {
            throw new TokenRejected(Outcome.BAD_ALGORITHM, "Unsigned tokens (alg none) are not accepted");
        }
    }

    private JWSVerifier hmacVerifier(JWSAlgorithm alg) {
        if (hs256 == null) {
            throw new TokenRejected(Outcome.HS256_DISABLED, "HS256 tokens are not accepted: no shared secret is configured");
        }
        if (!JWSAlgorithm.HS256.equals(alg)) {
            throw new TokenRejected(Outcome.BAD_ALGORITHM, "Only HS256 is accepted for shared-secret tokens");
        }
        return hs256;
    }

    private JWSVerifier keyVerifier(JWSHeader header, JWSAlgorithm alg) {
        String kid = header.getKeyID();
        if (kid == null || kid.isEmpty() || kid.length() > MAX_KID_LENGTH) {
            throw new TokenRejected(Outcome.UNKNOWN_KID, "The token names no usable signing key (kid)");
        }
        SigningKey key = keys.forKid(kid).orElseThrow(() ->
                new TokenRejected(Outcome.UNKNOWN_KID, "The token's signing key (kid) is not one Better Auth publishes"));
        if (!key.verifies(alg)) {
            throw new TokenRejected(Outcome.BAD_ALGORITHM, "The token's alg is not the algorithm of its signing key");
        }
        return key.verifier();
    }

    private Jwt toJwt(String token, JWSHeader header, Map<String, Object> claims, boolean hmac) {
        Instant now = clock.instant();
        Instant exp = numericDate(claims, "exp");
        Instant nbf = numericDate(claims, "nbf");
        Instant iat = numericDate(claims, "iat");
        if (exp == null) {
            throw new TokenRejected(Outcome.MALFORMED, "The token has no expiry (exp)");
        }
        if (!now.isBefore(exp.plus(skew))) {
            throw new TokenRejected(Outcome.EXPIRED, "The token has expired");
        }
        if (nbf != null && now.plus(skew).isBefore(nbf)) {
            throw new TokenRejected(Outcome.NOT_YET_VALID, "The token is not valid yet (nbf)");
        }
        if (iat != null && now.plus(skew).isBefore(iat)) {
            throw new TokenRejected(Outcome.NOT_YET_VALID, "The token was issued in the future (iat)");
        }
        if (iat != null && !exp.isAfter(iat)) {
            throw new TokenRejected(Outcome.MALFORMED, "The token expires before it was issued (exp <= iat)");
        }
        // SPEC 1.2: HS256 tokens minted the way the original documents do carry only sub/iat/exp,
        // and whoever holds the secret could mint any iss anyway: checked only when present.
        if ((!hmac || claims.containsKey("iss")) && !(claims.get("iss") instanceof String iss && issuer.equals(iss))) {
            throw new TokenRejected(Outcome.BAD_ISSUER, "The token's issuer (iss) is not " + issuer);
        }
        List<String> aud = audience(claims.get("aud"));
        if (aud.contains(SESSION_CACHE_AUD)) {
            throw new TokenRejected(Outcome.SESSION_CACHE, "Better Auth session-cache tokens are not access tokens");
        }
        if ((!hmac || claims.containsKey("aud")) && !aud.contains(issuer)) {
            throw new TokenRejected(Outcome.BAD_AUDIENCE, "The token's audience (aud) does not include " + issuer);
        }
        if (UserClaims.userOf(claims).isEmpty()) {
            throw new TokenRejected(Outcome.NO_SUBJECT, "The token names no user (a non-empty string sub or userId)");
        }
        return Jwt.withTokenValue(token)
                .headers(h -> h.putAll(header.toJSONObject()))
                .claims(c -> {
                    c.putAll(claims);
                    c.put("exp", exp);
                    c.put("aud", aud);
                    if (nbf != null) {
                        c.put("nbf", nbf);
                    }
                    if (iat != null) {
                        c.put("iat", iat);
                    }
                })
                .build();
    }

    /** RFC 7519 §2 NumericDate: seconds, possibly fractional; anything else is a malformed token. */
    private static Instant numericDate(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            if (claims.containsKey(name)) {
                throw new TokenRejected(Outcome.MALFORMED, "The token's " + name + " is null");
            }
            return null;
        }
        if (value instanceof Number number) {
            double seconds = number.doubleValue();
            if (Double.isFinite(seconds) && seconds >= 0 && seconds <= MAX_NUMERIC_DATE) {
                long whole = (long) Math.floor(seconds);
                long nanos = Math.round((seconds - whole) * 1_000_000_000d);
                return Instant.ofEpochSecond(whole, Math.min(nanos, 999_999_999L));
            }
        }
        throw new TokenRejected(Outcome.MALFORMED, "The token's " + name + " is not a NumericDate (seconds since 1970)");
    }

    private static List<String> audience(Object aud) {
        if (aud == null) {
            return List.of();
        }
        if (aud instanceof String single) {
            return List.of(single);
        }
        if (aud instanceof Collection<?> many && many.stream().allMatch(String.class::isInstance)) {
            return many.stream().map(String.class::cast).toList();
        }
        throw new TokenRejected(Outcome.MALFORMED, "The token's audience (aud) is neither a string nor an array of strings");
    }

    private Duration untilExpiry(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * The number of '.'-separated segments, or -1 when a character is outside the base64url
     * alphabet (RFC 7515 §2 forbids padding and line breaks; a lenient decoder would otherwise
     * let many strings stand for one token).
     */
    private static int segments(String token) {
        int count = 1;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                count++;
            } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return -1;
            }
        }
        return count;
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static JWSVerifier macVerifier(String secret) {
        try {
            return new MACVerifier(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("better-auth.secret cannot key HS256: " + e.getMessage(), e);
        }
    }

    /** How many verified tokens are cached now (after pending evictions). */
    long cachedTokens() {
        if (verified == null) {
            return 0;
        }
        verified.cleanUp();
        return verified.estimatedSize();
    }

    @Override
    public String toString() {
        return "BetterAuthJwtDecoder[issuer=" + issuer + ", hs256=" + (hs256 != null) + ", sessions=" + sessions + "]";
    }
}
