package io.github.betterauthjava.spring;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How requests to public paths treat a bad token ({@code better-auth.ignore-invalid-tokens-on}).
 *
 * <p>By default a request carrying a token that is refused gets 401 on every path, {@code permitAll}
 * ones included: Spring Security authenticates a token wherever one is sent, before authorization
 * looks at the path (RFC 6750 lets a server refuse an invalid token anywhere). Paths listed here
 * instead go on as anonymous when their token is refused, so a stale token in a browser does not
 * break a public page; a valid token still authenticates there, and a session that cannot be
 * checked is still 503.
 *
 * @param ignoreInvalidTokensOn path patterns ({@code /health}, {@code /public/**}), Spring's
 *                              {@code PathPattern} syntax; empty (default): none
 */
@ConfigurationProperties("better-auth")
public record PublicPathsProperties(List<String> ignoreInvalidTokensOn) {

    /** Empty when unset. */
    public PublicPathsProperties {
        ignoreInvalidTokensOn = ignoreInvalidTokensOn == null ? List.of() : List.copyOf(ignoreInvalidTokensOn);
    }
}
