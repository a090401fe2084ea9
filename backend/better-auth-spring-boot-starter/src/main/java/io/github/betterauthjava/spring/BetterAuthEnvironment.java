package io.github.betterauthjava.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Honours Better Auth's own environment variable names. Spring's relaxed binding maps
 * {@code BETTER_AUTH_URL} to {@code better.auth.url}, not {@code better-auth.url}, so without
 * this an app configured exactly like its Better Auth server would silently use the defaults.
 *
 * <p>The variables rank like any environment variable: just below the OS environment, so they
 * beat {@code application.yml} and lose to command-line arguments and system properties that
 * set {@code better-auth.*}.
 */
final class BetterAuthEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "betterAuthEnvironmentVariables";
    private static final Map<String, String> VARIABLES = Map.of(
            "BETTER_AUTH_URL", "better-auth.url",
            "BETTER_AUTH_JWKS_URL", "better-auth.jwks-url",
            "BETTER_AUTH_SECRET", "better-auth.secret",
            "BETTER_AUTH_SESSION_CHECK", "better-auth.session-check");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        VARIABLES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                properties.put(property, value);
            }
        });
        if (properties.isEmpty() || environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        MapPropertySource source = new MapPropertySource(SOURCE, properties);
        String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        if (environment.getPropertySources().contains(systemEnvironment)) {
            environment.getPropertySources().addAfter(systemEnvironment, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }
}
