package io.github.betterauthjava.jwt;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Where Better Auth lives and how its tokens are verified. Built with {@link #builder(String)};
 * every value is checked by {@link Builder#build()}, so a bad one fails at start-up with a
 * message naming it (by its Spring property and environment variable names, which the starter
 * binds to these settings).
 *
 * @param url                    Better Auth's base URL: tokens must carry it as {@code iss} and in
 *                               {@code aud}. A trailing slash is dropped, as Better Auth does.
 * @param jwksUrl                where the public keys are published; {@code url + "/api/auth/jwks"}
 * @param hs256Secret            when set (at least 32 characters), HS256 tokens signed with it are
 *                               accepted too; {@code null}: every HS256 token is refused. A secret of
 *                               its own: never Better Auth's {@code BETTER_AUTH_SECRET}, with which
 *                               Better Auth signs other tokens (its 24-hour email-verification link)
 * @param clockSkew              leeway on {@code exp}/{@code nbf}/{@code iat}; at most 60 s
 * @param jwksTimeout            connect and read timeout of one JWKS fetch; at most 3 s
 * @param jwksMinRefetchInterval the least time between two JWKS fetches; at least 1 s
 * @param jwksMaxAge             after this, known keys are refreshed in the background
 * @param jwksMaxBytes           a larger JWKS document is refused
 * @param maxTokenLength         longer tokens are refused before any parsing
 * @param tokenCacheSize         how many verified tokens are remembered; 0 turns the cache off
 * @param ed25519                which code checks Ed25519 signatures; {@code null}: {@link Ed25519Provider#AUTO}
 */
public record BetterAuthSettings(
        String url,
        String jwksUrl,
        String hs256Secret,
        Duration clockSkew,
        Duration jwksTimeout,
        Duration jwksMinRefetchInterval,
        Duration jwksMaxAge,
        int jwksMaxBytes,
        int maxTokenLength,
        long tokenCacheSize,
        Ed25519Provider ed25519) {

    /** Better Auth's default base URL in development. */
    public static final String DEFAULT_URL = "http://localhost:3000";
    /** Where Better Auth's jwt plugin publishes its keys, below the base URL. */
    public static final String JWKS_PATH = "/api/auth/jwks";

    static final int MIN_SECRET_LENGTH = 32;
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    static final Duration MAX_JWKS_TIMEOUT = Duration.ofSeconds(3);

    /** Checked and normalised by {@link Builder#build()}; use the builder. */
    public BetterAuthSettings {
        url = httpUrl("better-auth.url (BETTER_AUTH_URL)", blankToNull(url) == null ? DEFAULT_URL : url.strip());
        // Better Auth issues iss = new URL(baseURL).origin (+ path), never with a trailing slash.
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        jwksUrl = blankToNull(jwksUrl) == null
                ? url + JWKS_PATH
                : httpUrl("better-auth.jwks-url (BETTER_AUTH_JWKS_URL)", jwksUrl.strip());
        hs256Secret = blankToNull(hs256Secret);
        if (hs256Secret != null && hs256Secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_LENGTH) {
            // RFC 7518 §3.2: an HS256 key must be at least as long as the hash output (256 bits).
            throw new IllegalArgumentException(
                    "better-auth.hs256-secret (BETTER_AUTH_HS256_SECRET) must be at least " + MIN_SECRET_LENGTH
                            + " characters; it is shorter. Set a longer secret or unset it to refuse HS256 tokens.");
        }
        clockSkew = within("better-auth.clock-skew", clockSkew, MAX_CLOCK_SKEW, Duration.ZERO, MAX_CLOCK_SKEW);
        jwksTimeout = within(
                "better-auth.jwks-timeout", jwksTimeout, MAX_JWKS_TIMEOUT, Duration.ofMillis(1), MAX_JWKS_TIMEOUT);
        jwksMinRefetchInterval = within(
                "better-auth.jwks-min-refetch-interval",
                jwksMinRefetchInterval,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofHours(1));
        jwksMaxAge = within(
                "better-auth.jwks-max-age",
                jwksMaxAge,
                Duration.ofMinutes(5),
                Duration.ofSeconds(1),
                Duration.ofDays(1));
        if (jwksMaxBytes < 1024 || jwksMaxBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "better-auth.jwks-max-bytes must be between 1024 and 16777216, was " + jwksMaxBytes);
        }
        if (maxTokenLength < 256 || maxTokenLength > 1024 * 1024) {
            throw new IllegalArgumentException(
                    "better-auth.max-token-length must be between 256 and 1048576, was " + maxTokenLength);
        }
        if (tokenCacheSize < 0) {
            throw new IllegalArgumentException("better-auth.token-cache-size must be 0 or more, was " + tokenCacheSize);
        }
        ed25519 = ed25519 == null ? Ed25519Provider.AUTO : ed25519;
    }

    /** Settings for the Better Auth at {@code url} ({@code null}: {@value #DEFAULT_URL}), every other value defaulted. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** Whether HS256 tokens are accepted (an HS256 secret is configured). */
    public boolean acceptsHs256() {
        return hs256Secret != null;
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "BetterAuthSettings[url=" + url + ", jwksUrl=" + jwksUrl + ", hs256Secret="
                + (hs256Secret == null ? "unset" : "set")
                + ", clockSkew=" + clockSkew + ", jwksTimeout=" + jwksTimeout + ", jwksMinRefetchInterval="
                + jwksMinRefetchInterval
                + ", jwksMaxAge=" + jwksMaxAge + ", jwksMaxBytes=" + jwksMaxBytes + ", maxTokenLength=" + maxTokenLength
                + ", tokenCacheSize=" + tokenCacheSize + ", ed25519=" + ed25519 + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String httpUrl(String name, String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getHost().isBlank()) {
                throw new IllegalArgumentException(
                        name + " must be an absolute http(s) URL such as " + DEFAULT_URL + ", was '" + value + "'");
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

    /** Which code checks Ed25519 signatures (Better Auth's default algorithm). */
    public enum Ed25519Provider {
        /** Google Tink when it is on the class path (faster), else the JDK. */
        AUTO,
        /** The JDK's own EdDSA, even when Tink is on the class path. */
        JDK
    }

    /** Builds {@link BetterAuthSettings}; unset values take the defaults documented there. */
    public static final class Builder {
        private final String url;
        private String jwksUrl;
        private String hs256Secret;
        private Duration clockSkew;
        private Duration jwksTimeout;
        private Duration jwksMinRefetchInterval;
        private Duration jwksMaxAge;
        private int jwksMaxBytes = 65536;
        private int maxTokenLength = 8192;
        private long tokenCacheSize = 10_000;
        private Ed25519Provider ed25519 = Ed25519Provider.AUTO;

        private Builder(String url) {
            this.url = url;
        }

        /** Where the keys are fetched; default {@code url + "/api/auth/jwks"}. */
        public Builder jwksUrl(String jwksUrl) {
            this.jwksUrl = jwksUrl;
            return this;
        }

        /**
         * A secret of its own (at least 32 characters) for HS256 tokens, which are then accepted
         * too. Never Better Auth's {@code BETTER_AUTH_SECRET}: Better Auth signs one-purpose tokens
         * with that (its email-verification link is an HS256 JWT valid 24 h).
         */
        public Builder hs256Secret(String hs256Secret) {
            this.hs256Secret = hs256Secret;
            return this;
        }

        /** Leeway on time claims; default and maximum 60 s. */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        /** Timeout of one JWKS fetch; default and maximum 3 s. */
        public Builder jwksTimeout(Duration jwksTimeout) {
            this.jwksTimeout = jwksTimeout;
            return this;
        }

        /** Least time between two JWKS fetches; default 5 s. */
        public Builder jwksMinRefetchInterval(Duration jwksMinRefetchInterval) {
            this.jwksMinRefetchInterval = jwksMinRefetchInterval;
            return this;
        }

        /** Age after which known keys are refreshed in the background; default 5 min. */
        public Builder jwksMaxAge(Duration jwksMaxAge) {
            this.jwksMaxAge = jwksMaxAge;
            return this;
        }

        /** Largest JWKS document accepted; default 64 KiB. */
        public Builder jwksMaxBytes(int jwksMaxBytes) {
            this.jwksMaxBytes = jwksMaxBytes;
            return this;
        }

        /** Longest token parsed; default 8192 characters. */
        public Builder maxTokenLength(int maxTokenLength) {
            this.maxTokenLength = maxTokenLength;
            return this;
        }

        /** Verified tokens remembered; default 10000, 0 turns the cache off. */
        public Builder tokenCacheSize(long tokenCacheSize) {
            this.tokenCacheSize = tokenCacheSize;
            return this;
        }

        /** Which code checks Ed25519; default {@link Ed25519Provider#AUTO}: Tink when present, else the JDK. */
        public Builder ed25519(Ed25519Provider ed25519) {
            this.ed25519 = ed25519;
            return this;
        }

        /** The settings, checked; throws {@link IllegalArgumentException} naming a bad value. */
        public BetterAuthSettings build() {
            return new BetterAuthSettings(
                    url,
                    jwksUrl,
                    hs256Secret,
                    clockSkew,
                    jwksTimeout,
                    jwksMinRefetchInterval,
                    jwksMaxAge,
                    jwksMaxBytes,
                    maxTokenLength,
                    tokenCacheSize,
                    ed25519);
        }
    }
}
