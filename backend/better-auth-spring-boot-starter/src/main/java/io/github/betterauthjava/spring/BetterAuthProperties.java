package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.BetterAuthSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Better Auth lives and how its tokens are verified.
 *
 * <p>Bound from {@code better-auth.*}; the environment variables {@code BETTER_AUTH_URL},
 * {@code BETTER_AUTH_JWKS_URL} and {@code BETTER_AUTH_SECRET} (the names Better Auth itself
 * uses) are honoured too, at lower precedence, by {@link BetterAuthEnvironment}. Every value is
 * checked at start-up by {@link BetterAuthSettings}, the core's settings these bind to, so a bad
 * one stops the application with a message naming it.
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
 * @param jwksMaxBytes         a larger JWKS document is refused (a Better Auth JWKS is under 2 KiB)
 * @param maxTokenLength       longer tokens are refused before any parsing
 * @param tokenCacheSize       how many verified tokens are remembered; 0 turns the cache off
 * @param ed25519              {@code auto} (default): Ed25519 with Google Tink when it is on the
 *                             class path, else the JDK; {@code jdk}: always the JDK
 */
@ConfigurationProperties("better-auth")
public record BetterAuthProperties(
        @DefaultValue(BetterAuthSettings.DEFAULT_URL) String url,
        String jwksUrl,
        String secret,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("3s") Duration jwksTimeout,
        @DefaultValue("5s") Duration jwksMinRefetchInterval,
        @DefaultValue("5m") Duration jwksMaxAge,
        @DefaultValue("65536") int jwksMaxBytes,
        @DefaultValue("8192") int maxTokenLength,
        @DefaultValue("10000") long tokenCacheSize,
        @DefaultValue("auto") BetterAuthSettings.Ed25519Provider ed25519) {

    /** Checked and normalised by the core's {@link BetterAuthSettings}. */
    public BetterAuthProperties {
        BetterAuthSettings settings = new BetterAuthSettings(
                url,
                jwksUrl,
                secret,
                clockSkew,
                jwksTimeout,
                jwksMinRefetchInterval,
                jwksMaxAge,
                jwksMaxBytes,
                maxTokenLength,
                tokenCacheSize,
                ed25519);
        url = settings.url();
        ed25519 = settings.ed25519();
        jwksUrl = settings.jwksUrl();
        secret = settings.secret();
        clockSkew = settings.clockSkew();
        jwksTimeout = settings.jwksTimeout();
        jwksMinRefetchInterval = settings.jwksMinRefetchInterval();
        jwksMaxAge = settings.jwksMaxAge();
    }

    /** Properties with every default, for {@code url}. */
    public static BetterAuthProperties of(String url) {
        return new BetterAuthProperties(url, null, null, null, null, null, null, 65536, 8192, 10000, null);
    }

    /** These properties as the core's settings. */
    public BetterAuthSettings settings() {
        return new BetterAuthSettings(
                url,
                jwksUrl,
                secret,
                clockSkew,
                jwksTimeout,
                jwksMinRefetchInterval,
                jwksMaxAge,
                jwksMaxBytes,
                maxTokenLength,
                tokenCacheSize,
                ed25519);
    }

    /** Whether HS256 tokens are accepted (a secret is configured). */
    public boolean acceptsHs256() {
        return secret != null;
    }

    @Override
    public String toString() {
        // Never print the secret.
        return settings().toString().replace("BetterAuthSettings[", "BetterAuthProperties[");
    }
}
