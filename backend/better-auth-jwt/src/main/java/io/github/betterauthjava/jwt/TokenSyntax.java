package io.github.betterauthjava.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a token's parts must be spelled (RFC 7515, RFC 7519): checked before and after the signature. */
final class TokenSyntax {

    /** 9999-12-31T23:59:59Z: later NumericDates are nonsense, and would overflow Instant arithmetic. */
    private static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    private TokenSyntax() {}

    /** {@code exp} (required), {@code nbf} and {@code iat} against {@code now}, with {@code skew}; returns {@code exp}. */
    static Instant checkTimes(Map<String, Object> claims, Instant now, Duration skew) {
        Instant exp = numericDate(claims, "exp");
        Instant nbf = numericDate(claims, "nbf");
        Instant iat = numericDate(claims, "iat");
        if (exp == null) {
            throw new TokenRejectedException(Outcome.MALFORMED, "The token has no expiry (exp)");
        }
        if (!now.isBefore(exp.plus(skew))) {
            throw new TokenRejectedException(Outcome.EXPIRED, "The token has expired");
        }
        if (nbf != null && now.plus(skew).isBefore(nbf)) {
            throw new TokenRejectedException(Outcome.NOT_YET_VALID, "The token is not valid yet (nbf)");
        }
        if (iat != null && now.plus(skew).isBefore(iat)) {
            throw new TokenRejectedException(Outcome.NOT_YET_VALID, "The token was issued in the future (iat)");
        }
        if (iat != null && !exp.isAfter(iat)) {
            throw new TokenRejectedException(Outcome.MALFORMED, "The token expires before it was issued (exp <= iat)");
        }
        return exp;
    }

    /** A copy without the null values: Map.copyOf refuses them, and a JSON null claim ("image": null) counts as absent. */
    static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> present = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        return present;
    }

    /** RFC 7519 §2 NumericDate: seconds, possibly fractional; anything else is a malformed token. */
    static Instant numericDate(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            if (claims.containsKey(name)) {
                throw new TokenRejectedException(Outcome.MALFORMED, "The token's " + name + " is null");
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
        throw new TokenRejectedException(
                Outcome.MALFORMED, "The token's " + name + " is not a NumericDate (seconds since 1970)");
    }

    static List<String> audience(Object aud) {
        if (aud == null) {
            return List.of();
        }
        if (aud instanceof String single) {
            return List.of(single);
        }
        if (aud instanceof Collection<?> many && many.stream().allMatch(String.class::isInstance)) {
            return many.stream().map(String.class::cast).toList();
        }
        throw new TokenRejectedException(
                Outcome.MALFORMED, "The token's audience (aud) is neither a string nor an array of strings");
    }

    /**
     * The number of '.'-separated segments, or -1 when a character is outside the base64url
     * alphabet (RFC 7515 §2 forbids padding and line breaks; a lenient decoder would otherwise
     * let many strings stand for one token).
     */
    static int segments(String token) {
        int count = 1;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                count++;
            } else if (c >= BASE64URL.length || !BASE64URL[c]) {
                return -1;
            }
        }
        return count;
    }

    /**
     * The base64url alphabet as a table: one load per character instead of five range tests, on
     * every request's ~700 characters (a cached token is still checked before its hash is looked up).
     */
    private static final boolean[] BASE64URL = base64url();

    private static boolean[] base64url() {
        boolean[] table = new boolean[128];
        for (char c = 'A'; c <= 'Z'; c++) {
            table[c] = true;
            table[Character.toLowerCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            table[c] = true;
        }
        table['-'] = true;
        table['_'] = true;
        return table;
    }
}
