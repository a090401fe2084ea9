package dev.tasks.api.web;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import io.github.betterauthjava.jwt.SessionCheckMode;

/**
 * {@code BETTER_AUTH_SESSION_CHECK}: whether a token's Better Auth session must still exist
 * (SPEC 1.6). The task API requires it by default ({@code required}): the web app's tokens always
 * carry a {@code sid}, and a token without one is not an access token of this product (Better
 * Auth's one-purpose tokens carry none). The library's own default stays {@code off}. Parsed here
 * once (see TaskApiSettings), and handed to better-auth-spring-boot-starter as its
 * {@code better-auth.session-check} property.
 */
public record SessionCheckSettings(SessionCheckMode mode) {

    static final String VARIABLE = "BETTER_AUTH_SESSION_CHECK";
    public static final SessionCheckMode DEFAULT = SessionCheckMode.REQUIRED;

    public static SessionCheckSettings from(Env env) {
        try {
            return new SessionCheckSettings(
                    env.text(VARIABLE).map(SessionCheckMode::parse).orElse(DEFAULT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(VARIABLE, VARIABLE + " " + e.getMessage());
        }
    }
}
