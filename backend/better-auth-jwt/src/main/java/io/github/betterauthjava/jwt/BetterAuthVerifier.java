package io.github.betterauthjava.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies a Better Auth access token: the one place that decides whether a token is trusted.
 * No framework: call {@link #verify(String)} from a servlet filter, a JDK {@code HttpServer}
 * handler, a Quarkus or Micronaut filter; the Spring Boot starter wraps it as a {@code JwtDecoder}.
 *
 * <pre>{@code
 * BetterAuthVerifier verifier = BetterAuthVerifier.create(BetterAuthSettings.builder("https://auth.example.com").build());
 * VerifiedToken token = verifier.verify(bearer);   // TokenRejectedException: answer 401
 * }</pre>
 *
 * <p>Every refusal is a {@link TokenRejectedException} (401); nothing a client sends can make
 * this throw anything else. What the server cannot know right now is a 503, never a 401: a
 * {@link KeysUnavailableException} (the JWKS cannot be fetched and the token's key is not known
 * yet) or a {@link SessionsUnavailableException} (the session store is down). Thread-safe; create one per application and {@link #close()} it at
 * shut-down. The rules,
 * in the order they are applied (cheap ones first, the signature before any claim is trusted):
 * <ol>
 *   <li>at most {@code maxTokenLength} characters, exactly three segments (no JWE, no
 *       unsigned JWT);</li>
 *   <li>no header-supplied key ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}), no
 *       {@code crit} (none is understood), not Better Auth's session-cache {@code typ};</li>
 *   <li>HS256 only when an HS256 secret of its own is configured, verified with it; any other algorithm must be
 *       the one pinned by the JWKS key whose kid the token names (RFC 8725 §3.1);</li>
 *   <li>{@code exp} required, {@code nbf} and {@code iat} honoured, with the configured skew;
 *       {@code iss} equal to the Better Auth URL, {@code aud} containing it (both checked only
 *       when present on HS256 tokens), never Better Auth's session-cache audience;</li>
 *   <li>a user id in {@code sub}, nowhere else: Better Auth's other HS256 tokens (the
 *       email-verification link's {@code userId}, the session-cache cookie) carry none;</li>
 *   <li>with a {@link SessionCheck}: a live Better Auth session ({@code sid}), checked on every
 *       request, cached tokens included.</li>
 * </ol>
 * Verified tokens are cached by SHA-256 of their value, never past their {@code exp}. A session
 * that cannot be looked up is a {@link SessionsUnavailableException} (503), not a refusal.
 */
public final class BetterAuthVerifier implements AutoCloseable {

    static final String SESSION_CACHE_TYP = "better-auth.session-cache+jwt";
    static final String SESSION_CACHE_AUD = "better-auth:session-cache";
    private static final Set<String> KEY_HEADERS = Set.of("jwk", "jku", "x5u", "x5c");
    private static final int MAX_KID_LENGTH = 256;
    private static final System.Logger log = System.getLogger(BetterAuthVerifier.class.getName());

    private final String issuer;
    private final Duration skew;
    private final int maxTokenLength;
    private final JwksKeys keys;
    private final JWSVerifier hs256;
    private final InstantSource clock;
    private final BetterAuthMetrics metrics;
    private final Cache<String, VerifiedToken> verified;
    private final TokenDigest digest = new TokenDigest();
    private final SessionCheck sessions;
    private final boolean ownsKeys;

    private BetterAuthVerifier(Builder builder) {
        BetterAuthSettings settings = builder.settings;
        this.clock = builder.clock;
        this.metrics = builder.metrics;
        this.ownsKeys = builder.keys == null;
        this.keys = ownsKeys ? new JwksKeys(settings, clock, metrics) : builder.keys;
        this.sessions =
                builder.sessions == null || builder.sessions.mode() == SessionCheckMode.OFF ? null : builder.sessions;
        this.issuer = settings.url();
        this.skew = settings.clockSkew();
        this.maxTokenLength = settings.maxTokenLength();
        this.hs256 = settings.acceptsHs256() ? macVerifier(settings.hs256Secret()) : null;
        this.verified = settings.tokenCacheSize() == 0
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(settings.tokenCacheSize())
                        .ticker(() -> clock.millis() * 1_000_000L)
                        .expireAfter(Expiry.<String, VerifiedToken>creating((hash, token) -> untilExpiry(token)))
                        .build();
        if (verified != null) {
            metrics.gauge(BetterAuthMetrics.TOKEN_CACHE_SIZE, verified::estimatedSize);
        }
        // One line that says where tokens must come from: a wrong or unset BETTER_AUTH_URL shows here first.
        log.log(
                System.Logger.Level.INFO,
                "Better Auth tokens: issuer " + issuer + ", keys from " + keys.url() + ", Ed25519 by "
                        + keys.ed25519Implementation() + ", HS256 " + (hs256 == null ? "refused" : "accepted")
                        + ", session check "
                        + (sessions == null ? "off" : sessions.mode().value()));
    }

    /** A verifier with these settings, its own key store, no session check and no metrics. */
    public static BetterAuthVerifier create(BetterAuthSettings settings) {
        return builder(settings).build();
    }

    /** A verifier with these settings; the builder adds a session check, metrics, a shared key store. */
    public static Builder builder(BetterAuthSettings settings) {
        return new Builder(settings);
    }

    /**
     * The token, verified.
     *
     * @param token the credential of an {@code Authorization: Bearer} header, without the scheme
     * @return who the token speaks for and what it says
     * @throws TokenRejectedException       the token is not to be trusted: answer 401
     * @throws SessionsUnavailableException the token's session cannot be checked now: answer 503
     * @throws KeysUnavailableException     the token's signing key cannot be fetched now: answer 503
     */
    public VerifiedToken verify(String token) {
        try {
            return verifyOrReject(token);
        } catch (TokenRejectedException rejected) {
            metrics.verification(rejected.outcome());
            throw rejected;
        } catch (SessionsUnavailableException unavailable) {
            metrics.verification(Outcome.SESSION_UNAVAILABLE);
            throw unavailable;
        } catch (KeysUnavailableException unavailable) {
            metrics.verification(Outcome.KEYS_UNAVAILABLE);
            throw unavailable;
        } catch (RuntimeException unexpected) {
            // Whatever a library throws on hostile input is still the client's bad token: 401, not 500.
            metrics.verification(Outcome.ERROR);
            throw new TokenRejectedException(Outcome.ERROR, "The token could not be verified", unexpected);
        }
    }

    private VerifiedToken verifyOrReject(String token) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(Outcome.MALFORMED, "No bearer token was given");
        }
        if (token.length() > maxTokenLength) {
            throw new TokenRejectedException(
                    Outcome.TOO_LONG, "The token is longer than " + maxTokenLength + " characters");
        }
        int segments = TokenSyntax.segments(token);
        if (segments < 0) {
            throw new TokenRejectedException(Outcome.MALFORMED, "The token has characters outside base64url and '.'");
        }
        if (segments == 5) {
            throw new TokenRejectedException(
                    Outcome.MALFORMED,
                    "Encrypted (JWE) tokens are not accepted; send the signed JWT Better Auth issues");
        }
        if (segments != 3) {
            throw new TokenRejectedException(
                    Outcome.MALFORMED, "The token is not a signed JWT (header.payload.signature)");
        }
        String hash = verified == null ? null : digest.sha256(token);
        if (hash != null) {
            VerifiedToken cached = verified.getIfPresent(hash);
            if (cached != null) {
                if (clock.instant().isBefore(cached.expiresAt())) {
                    checkSession(cached);
                    metrics.verification(Outcome.CACHED);
                    return cached;
                }
                verified.invalidate(hash);
            }
        }
        VerifiedToken fresh = verifySignatureAndClaims(token);
        if (hash != null) {
            verified.put(hash, fresh);
        }
        checkSession(fresh);
        metrics.verification(Outcome.ACCEPTED);
        return fresh;
    }

    /** A verified token still needs a live session: the cache remembers signatures, not sessions. */
    private void checkSession(VerifiedToken token) {
        if (sessions != null) {
            sessions.check(token.claims(), token.expiresAt(), token.user().id());
        }
    }

    private VerifiedToken verifySignatureAndClaims(String token) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException | RuntimeException e) {
            // Nimbus throws unchecked exceptions on some hostile headers (e.g. the JSON "null").
            throw new TokenRejectedException(Outcome.MALFORMED, "The token is not a well-formed signed JWT");
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
            throw new TokenRejectedException(Outcome.BAD_SIGNATURE, "The token's signature is invalid");
        }
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        if (claims == null) {
            throw new TokenRejectedException(Outcome.MALFORMED, "The token's payload is not a JSON object");
        }
        return checkClaims(header, claims, hmac);
    }

    private void checkHeader(JWSHeader header) {
        Set<String> names = header.toJSONObject().keySet();
        if (names.stream().anyMatch(KEY_HEADERS::contains)) {
            // RFC 8725 §3.10: keys named or carried by the token itself prove nothing.
            throw new TokenRejectedException(
                    Outcome.FORBIDDEN_HEADER,
                    "Tokens carrying or pointing to their own key (jwk, jku, x5u, x5c) are not accepted");
        }
        if (names.contains("crit")) {
            // RFC 7515 §4.1.11: a recipient must refuse critical extensions it does not understand; we understand none.
            throw new TokenRejectedException(
                    Outcome.FORBIDDEN_HEADER,
                    "The token names critical header parameters (crit) this server does not understand");
        }
        if (header.getType() != null
                && SESSION_CACHE_TYP.equalsIgnoreCase(header.getType().getType())) {
            throw new TokenRejectedException(
                    Outcome.SESSION_CACHE, "Better Auth session-cache tokens are not access tokens");
        }
        String alg = header.getAlgorithm().getName();
        if ("none".equalsIgnoreCase(alg)) {
            throw new TokenRejectedException(Outcome.BAD_ALGORITHM, "Unsigned tokens (alg none) are not accepted");
        }
    }

    private JWSVerifier hmacVerifier(JWSAlgorithm alg) {
        if (hs256 == null) {
            throw new TokenRejectedException(
                    Outcome.HS256_DISABLED, "HS256 tokens are not accepted: no shared secret is configured");
        }
        if (!JWSAlgorithm.HS256.equals(alg)) {
            throw new TokenRejectedException(Outcome.BAD_ALGORITHM, "Only HS256 is accepted for shared-secret tokens");
        }
        return hs256;
    }

    private JWSVerifier keyVerifier(JWSHeader header, JWSAlgorithm alg) {
        String kid = header.getKeyID();
        if (kid == null || kid.isEmpty() || kid.length() > MAX_KID_LENGTH) {
            throw new TokenRejectedException(Outcome.UNKNOWN_KID, "The token names no usable signing key (kid)");
        }
        SigningKey key = keys.forKid(kid).orElseThrow(() -> unknownKey());
        if (!key.verifies(alg)) {
            throw new TokenRejectedException(
                    Outcome.BAD_ALGORITHM, "The token's alg is not the algorithm of its signing key");
        }
        return key.verifier();
    }

    /**
     * A kid the JWKS does not hold is a bad token (401) only when the JWKS answered; when it could
     * not be fetched the key may well exist (a rotation during an outage, a cold start), so the
     * client is told to retry (503) rather than sign its person out.
     */
    private RuntimeException unknownKey() {
        if (keys.unavailable()) {
            // The JWKS URL and the cause are in the log (JwksKeys reports every failed fetch), not here.
            return new KeysUnavailableException(
                    "Better Auth's signing keys cannot be fetched right now, so this token's signing key is not"
                            + " known yet; retry shortly");
        }
        return new TokenRejectedException(
                Outcome.UNKNOWN_KID, "The token's signing key (kid) is not one Better Auth publishes");
    }

    /**
     * A claim as an error message shows it: the one that was sent is what tells a misconfigured
     * BETTER_AUTH_URL from a foreign token. Bounded: it is the sender's text.
     */
    static String shown(Object claim) {
        if (claim == null) {
            return "missing";
        }
        if (!(claim instanceof String text)) {
            return "not a string";
        }
        return "'" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "'";
    }

    private VerifiedToken checkClaims(JWSHeader header, Map<String, Object> claims, boolean hmac) {
        Instant exp = TokenSyntax.checkTimes(claims, clock.instant(), skew);
        // SPEC 1.2: HS256 tokens minted the way the original documents do carry only sub/iat/exp,
        // and whoever holds the secret could mint any iss anyway: checked only when present.
        if ((!hmac || claims.containsKey("iss")) && !(claims.get("iss") instanceof String iss && issuer.equals(iss))) {
            throw new TokenRejectedException(
                    Outcome.BAD_ISSUER, "The token's issuer (iss) is " + shown(claims.get("iss")) + ", not " + issuer);
        }
        List<String> aud = TokenSyntax.audience(claims.get("aud"));
        if (aud.contains(SESSION_CACHE_AUD)) {
            throw new TokenRejectedException(
                    Outcome.SESSION_CACHE, "Better Auth session-cache tokens are not access tokens");
        }
        if ((!hmac || claims.containsKey("aud")) && !aud.contains(issuer)) {
            throw new TokenRejectedException(
                    Outcome.BAD_AUDIENCE, "The token's audience (aud) does not include " + issuer);
        }
        BetterAuthUser user = UserClaims.userOf(claims)
                .orElseThrow(() -> new TokenRejectedException(
                        Outcome.NO_SUBJECT, "The token names no user (a non-empty string sub)"));
        Map<String, Object> present = TokenSyntax.withoutNulls(claims);
        present.put("aud", aud);
        return new VerifiedToken(
                user,
                claims.get(SessionCheck.SID) instanceof String sid ? sid : null,
                exp,
                TokenSyntax.withoutNulls(header.toJSONObject()),
                present);
    }

    private static JWSVerifier macVerifier(String secret) {
        try {
            return new MACVerifier(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("better-auth.hs256-secret cannot key HS256: " + e.getMessage(), e);
        }
    }

    private Duration untilExpiry(VerifiedToken token) {
        Duration left = Duration.between(clock.instant(), token.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Optional parts of a {@link BetterAuthVerifier}. */
    public static final class Builder {
        private final BetterAuthSettings settings;
        private JwksKeys keys;
        private SessionCheck sessions;
        private BetterAuthMetrics metrics = BetterAuthMetrics.NONE;
        private InstantSource clock = InstantSource.system();

        private Builder(BetterAuthSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** A key store to share (its owner closes it); default: one of the verifier's own. */
        public Builder keys(JwksKeys keys) {
            this.keys = keys;
            return this;
        }

        /** Checks each token's Better Auth session ({@code sid}); default none. */
        public Builder sessionCheck(SessionCheck sessions) {
            this.sessions = sessions;
            return this;
        }

        /** Where outcomes are counted; default nowhere. */
        public Builder metrics(BetterAuthMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** The clock for time claims and cache expiry; default the system clock. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The verifier. Fetches nothing yet: keys are fetched when the first token needs them. */
        public BetterAuthVerifier build() {
            return new BetterAuthVerifier(this);
        }
    }

    /** How many verified tokens are cached now (after pending evictions). */
    public long cachedTokens() {
        if (verified == null) {
            return 0;
        }
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** The key store this verifier asks for signing keys. */
    JwksKeys keys() {
        return keys;
    }

    /** Stops the key store's fetches when this verifier created it. */
    @Override
    public void close() {
        if (ownsKeys) {
            keys.close();
        }
    }

    @Override
    public String toString() {
        return "BetterAuthVerifier[issuer=" + issuer + ", hs256=" + (hs256 != null) + ", sessions=" + sessions + "]";
    }
}
