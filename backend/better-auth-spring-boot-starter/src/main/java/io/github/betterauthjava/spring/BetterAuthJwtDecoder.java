package io.github.betterauthjava.spring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.betterauthjava.jwt.BetterAuthVerifier;
import io.github.betterauthjava.jwt.KeysUnavailableException;
import io.github.betterauthjava.jwt.SessionsUnavailableException;
import io.github.betterauthjava.jwt.TokenRejectedException;
import io.github.betterauthjava.jwt.VerifiedToken;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The core's {@link BetterAuthVerifier} as a Spring {@link JwtDecoder}: the rules are all there;
 * this only translates. A refusal becomes a {@link org.springframework.security.oauth2.jwt.BadJwtException}
 * (401), a session that cannot be checked a {@link SessionCheckUnavailableException} (503), a
 * signing key that cannot be fetched a {@link SigningKeysUnavailableException} (503).
 */
public final class BetterAuthJwtDecoder implements JwtDecoder {

    /** Plenty for the tokens the core keeps cached (its default is 10 000); a bound when it keeps none. */
    private static final int MAX_JWTS = 10_000;

    private final BetterAuthVerifier verifier;

    /**
     * The Spring {@code Jwt} of each verified token the core hands out, so that a token the core
     * answers from its cache is not copied into a new {@code Jwt} (three maps) on every request:
     * that was a third of a cached token's cost in the bench/ profiles. Keys are weak and compared
     * by identity: an entry lives as long as the core keeps that {@link VerifiedToken}, and the
     * core has already checked expiry and session by the time the entry is read.
     */
    private final Cache<VerifiedToken, Jwt> jwts =
            Caffeine.newBuilder().weakKeys().maximumSize(MAX_JWTS).build();

    /** @param verifier decides every token */
    public BetterAuthJwtDecoder(BetterAuthVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (TokenRejectedException rejected) {
            throw new TokenRejected(rejected);
        } catch (SessionsUnavailableException unavailable) {
            throw new SessionCheckUnavailableException(unavailable.getMessage(), unavailable.getCause());
        } catch (KeysUnavailableException unavailable) {
            throw new SigningKeysUnavailableException(unavailable.getMessage());
        }
        return jwts.get(verified, ignored -> jwt(token, verified));
    }

    private static Jwt jwt(String token, VerifiedToken verified) {
        return Jwt.withTokenValue(token)
                .headers(h -> h.putAll(verified.header()))
                .claims(c -> {
                    c.putAll(verified.claims());
                    c.put("exp", verified.expiresAt());
                    putInstant(c, verified.claims(), "nbf");
                    putInstant(c, verified.claims(), "iat");
                })
                .build();
    }

    /** Spring's {@code Jwt} expects NumericDates as {@link Instant}s; the core checked they are numbers. */
    private static void putInstant(Map<String, Object> target, Map<String, Object> claims, String name) {
        if (claims.get(name) instanceof Number seconds) {
            double value = seconds.doubleValue();
            long whole = (long) Math.floor(value);
            target.put(name, Instant.ofEpochSecond(whole, Math.min(Math.round((value - whole) * 1e9), 999_999_999L)));
        }
    }

    /** How many verified tokens the core has cached now. */
    long cachedTokens() {
        return verifier.cachedTokens();
    }

    @Override
    public String toString() {
        return "BetterAuthJwtDecoder[" + verifier + "]";
    }
}
