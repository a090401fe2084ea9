package io.github.betterauthjava.spring;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Better Auth lives and how its tokens are verified.
 *
 * <p>Bound from {@code better-auth.*}; the environment variables {@code BETTER_AUTH_URL},
 * {@code BETTER_AUTH_JWKS_URL} and {@code BETTER_AUTH_SECRET} (the names Better Auth itself
 * uses) are honoured too, at lower precedence, by {@link BetterAuthEnvironment}. Every value is
 * checked here, at start-up, so a bad one stops the application with a message naming it.
 *
 * @param url                  Better Auth's base URL: tokens must carry it as {@code iss} and in
 *                             {@code aud}. A trailing slash is dropped, as Better Auth does.
 * @param jwksUrl              where the public keys are published; defaults to
 *                             {@code url + "/api/auth/jwks"}
 * @param secret               when set (at least 32 characters), HS256 tokens signed with it are
 *                             accepted too; unset, every HS256 token is refused
 * @param clockSkew            leeway on {@code exp}/{@code nbf}/{@code iat}; at most 60 s
 * @param jwksTimeout          connect and read timeout of one JWKS fetch; at most 3 s
 * @param jwksMinRefetchInterval the least time between two JWKS fetches, however many unknown
 *                             kids arrive; at least 1 s
 * @param jwksMaxAge           after this, known keys are refreshed in the background (so keys
 *                             Better Auth retired disappear); a failed refresh keeps them
 * @param jwksMaxBytes         a larger JWKS document is refused (a Better Auth JWKS is < 2 KiB)
 * @param maxTokenLength       longer tokens are refused before any parsing
 * @param tokenCacheSize       how many verified tokens are remembered; 0 turns the cache off
 */
@ConfigurationProperties("better-auth")
public record BetterAuthProperties(
        @DefaultValue(DEFAULT_URL) String url,
        String jwksUrl,
        String secret,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("3s") Duration jwksTimeout,
        @DefaultValue("5s") Duration jwksMinRefetchInterval,
        @DefaultValue("5m") Duration jwksMaxAge,
        @DefaultValue("65536") int jwksMaxBytes,
        @DefaultValue("8192") int maxTokenLength,
        @DefaultValue("10000") long tokenCacheSize) {

    public static final String DEFAULT_URL = "http://localhost:3000";
    static final String JWKS_PATH = "/api/auth/jwks";
    static final int MIN_SECRET_LENGTH = 32;
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    static final Duration MAX_JWKS_TIMEOUT = Duration.ofSeconds(3);

    public BetterAuthProperties {
        url = httpUrl("better-auth.url (BETTER_AUTH_URL)", blankToNull(url) == null ? DEFAULT_URL : url.strip());
        // Better Auth issues iss = new URL(baseURL).origin (+ path), never with a trailing slash.
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        jwksUrl = blankToNull(jwksUrl) == null ? url + JWKS_PATH
                : httpUrl("better-auth.jwks-url (BETTER_AUTH_JWKS_URL)", jwksUrl.strip());
        secret = blankToNull(secret);
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_LENGTH) {
            // RFC 7518 §3.2: an HS256 key must be at least as long as the hash output (256 bits).
            throw new IllegalArgumentException("better-auth.secret (BETTER_AUTH_SECRET) must be at least "
                    + MIN_SECRET_LENGTH + " characters; it is shorter. Set a longer secret or unset it to refuse HS256 tokens.");
        }
        clockSkew = within("better-auth.clock-skew", clockSkew, MAX_CLOCK_SKEW, Duration.ZERO, MAX_CLOCK_SKEW);
        jwksTimeout = within("better-auth.jwks-timeout", jwksTimeout, MAX_JWKS_TIMEOUT, Duration.ofMillis(1), MAX_JWKS_TIMEOUT);
        jwksMinRefetchInterval = within("better-auth.jwks-min-refetch-interval", jwksMinRefetchInterval,
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofHours(1));
        jwksMaxAge = within("better-auth.jwks-max-age", jwksMaxAge, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1));
        if (jwksMaxBytes < 1024 || jwksMaxBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("better-auth.jwks-max-bytes must be between 1024 and 16777216, was " + jwksMaxBytes);
        }
        if (maxTokenLength < 256 || maxTokenLength > 1024 * 1024) {
            throw new IllegalArgumentException("better-auth.max-token-length must be between 256 and 1048576, was " + maxTokenLength);
        }
        if (tokenCacheSize < 0) {
            throw new IllegalArgumentException("better-auth.token-cache-size must be 0 or more, was " + tokenCacheSize);
        }
    }

    /** Properties with every default, for {@code url}. */
    public static BetterAuthProperties of(String url) {
        return new BetterAuthProperties(url, null, null, null, null, null, null, 65536, 8192, 10000);
    }

    /** Whether HS256 tokens are accepted (a secret is configured). */
    public boolean acceptsHs256() {
        return secret != null;
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "BetterAuthProperties[url=" + url + ", jwksUrl=" + jwksUrl + ", secret=" + (secret == null ? "unset" : "set")
                + ", clockSkew=" + clockSkew + ", jwksTimeout=" + jwksTimeout + ", jwksMinRefetchInterval=" + jwksMinRefetchInterval
                + ", jwksMaxAge=" + jwksMaxAge + ", jwksMaxBytes=" + jwksMaxBytes + ", maxTokenLength=" + maxTokenLength
                + ", tokenCacheSize=" + tokenCacheSize + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String httpUrl(String name, String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new IllegalArgumentException(name + " must be an absolute http(s) URL such as "
                        + DEFAULT_URL + ", was '" + value + "'");
            }
            if (uri.getRawUserInfo() != null) {
                // The value may hold a password: do not echo it.
                throw new IllegalArgumentException(name + " must not carry user info (user:password@)");
            }
            if (uri.getRawFragment() != null) {
                throw new IllegalArgumentException(name + " must not carry a fragment, was '" + value + "'");
            }
            return value;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL ('" + value + "'): " + e.getReason(), e);
        }
    }

    private static Duration within(String name, Duration value, Duration byDefault, Duration min, Duration max) {
        if (value == null) {
            return byDefault;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
