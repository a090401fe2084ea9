package dev.tasks.betterauth;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Honours Better Auth's own environment variable names. Spring's relaxed binding maps
 * {@code BETTER_AUTH_URL} to {@code better.auth.url}, not {@code better-auth.url}, so without
 * this an app configured exactly like its Better Auth server would silently use the defaults.
 * Added last: any {@code better-auth.*} property (yml, system property, {@code BETTERAUTH_URL})
 * still wins.
 */
final class BetterAuthEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "betterAuthEnvironmentVariables";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "better-auth.url", "${BETTER_AUTH_URL:}",
                "better-auth.jwks-url", "${BETTER_AUTH_JWKS_URL:}",
                "better-auth.secret", "${BETTER_AUTH_SECRET:}")));
    }
}
