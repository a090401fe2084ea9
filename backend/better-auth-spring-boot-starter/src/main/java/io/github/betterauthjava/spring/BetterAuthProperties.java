package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.BetterAuthSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Better Auth lives and how its tokens are verified.
 *
 * <p>Bound from {@code better-auth.*}; the environment variables {@code BETTER_AUTH_URL},
 * {@code BETTER_AUTH_JWKS_URL} (the names Better Auth itself uses), {@code BETTER_AUTH_HS256_SECRET}
 * and {@code BETTER_AUTH_SESSION_CHECK} are honoured too, at lower precedence, by
 * {@link BetterAuthEnvironment}. Better Auth's own {@code BETTER_AUTH_SECRET} is never read. The values are
 * handed to the core's {@link BetterAuthSettings.Builder} once, at binding: an unset one takes the
 * core's default (the one place defaults are written), and a bad one stops the application with a
 * message naming it.
 */
@ConfigurationProperties("better-auth")
public final class BetterAuthProperties {

    private final BetterAuthSettings settings;

    /**
     * Bound by Spring; {@code null} is "unset": the core's default.
     *
     * @param url                  Better Auth's base URL ({@value BetterAuthSettings#DEFAULT_URL} when
     *                             unset): tokens must carry it as {@code iss} and in {@code aud}. A
     *                             trailing slash is dropped, as Better Auth does.
     * @param jwksUrl              where the public keys are published; defaults to
     *                             {@code url + "/api/auth/jwks"}
     * @param hs256Secret          when set (at least 32 characters), HS256 tokens signed with it are
     *                             accepted too; unset, every HS256 token is refused. A secret of its
     *                             own, never Better Auth's {@code BETTER_AUTH_SECRET} (refused at start-up)
     * @param clockSkew            leeway on {@code exp}/{@code nbf}/{@code iat}; default and maximum 60 s
     * @param jwksTimeout          connect and read timeout of one JWKS fetch; default and maximum 3 s
     * @param jwksMinRefetchInterval the least time between two JWKS fetches, however many unknown
     *                             kids arrive; default 5 s, at least 1 s
     * @param jwksMaxAge           after this, known keys are refreshed in the background (so keys
     *                             Better Auth retired disappear); a failed refresh keeps them; default 5 min
     * @param jwksMaxBytes         a larger JWKS document is refused (a Better Auth JWKS is under 2 KiB);
     *                             default 64 KiB
     * @param maxTokenLength       longer tokens are refused before any parsing; default 8192 characters
     * @param tokenCacheSize       how many verified tokens are remembered; default 10000, 0 turns the
     *                             cache off
     * @param ed25519              {@code auto} (default): Ed25519 with Google Tink when it is on the
     *                             class path, else the JDK; {@code jdk}: always the JDK
     */
    public BetterAuthProperties(
            String url,
            String jwksUrl,
            String hs256Secret,
            Duration clockSkew,
            Duration jwksTimeout,
            Duration jwksMinRefetchInterval,
            Duration jwksMaxAge,
            Integer jwksMaxBytes,
            Integer maxTokenLength,
            Long tokenCacheSize,
            BetterAuthSettings.Ed25519Provider ed25519) {
        BetterAuthSettings.Builder builder = BetterAuthSettings.builder(url)
                .jwksUrl(jwksUrl)
                .hs256Secret(hs256Secret)
                .clockSkew(clockSkew)
                .jwksTimeout(jwksTimeout)
                .jwksMinRefetchInterval(jwksMinRefetchInterval)
                .jwksMaxAge(jwksMaxAge)
                .ed25519(ed25519);
        if (jwksMaxBytes != null) {
            builder.jwksMaxBytes(jwksMaxBytes);
        }
        if (maxTokenLength != null) {
            builder.maxTokenLength(maxTokenLength);
        }
        if (tokenCacheSize != null) {
            builder.tokenCacheSize(tokenCacheSize);
        }
        this.settings = builder.build();
    }

    /** Properties with every default, for {@code url}. */
    public static BetterAuthProperties of(String url) {
        return new BetterAuthProperties(url, null, null, null, null, null, null, null, null, null, null);
    }

    /** These properties as the core's settings: checked, normalised, every default filled in. */
    public BetterAuthSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        // Never print the secret (BetterAuthSettings does not).
        return settings.toString().replace("BetterAuthSettings[", "BetterAuthProperties[");
    }
}
