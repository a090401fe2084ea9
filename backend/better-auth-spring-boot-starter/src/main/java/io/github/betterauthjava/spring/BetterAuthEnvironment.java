package io.github.betterauthjava.spring;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Honours the library's environment variable names. Spring's relaxed binding maps
 * {@code BETTER_AUTH_URL} to {@code better.auth.url}, not {@code better-auth.url}, so without
 * this an app configured exactly like its Better Auth server would silently use the defaults.
 *
 * <p>The variables rank like any environment variable: just below the OS environment, so they
 * beat {@code application.yml} and lose to command-line arguments and system properties that
 * set {@code better-auth.*}.
 *
 * <p>Better Auth's own {@code BETTER_AUTH_SECRET} is deliberately not among them: Better Auth
 * signs one-purpose HS256 tokens with it (the email-verification link, valid 24 h), so a verifier
 * keyed with it would take those for access tokens. An HS256 secret equal to it, or the old
 * {@code better-auth.secret} property, stops the application at start-up.
 */
final class BetterAuthEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "betterAuthEnvironmentVariables";
    static final String BETTER_AUTH_SECRET = "BETTER_AUTH_SECRET";
    static final String HS256_SECRET_PROPERTY = "better-auth.hs256-secret";
    static final String REMOVED_SECRET_PROPERTY = "better-auth.secret";
    private static final Map<String, String> VARIABLES = Map.of(
            "BETTER_AUTH_URL", "better-auth.url",
            "BETTER_AUTH_JWKS_URL", "better-auth.jwks-url",
            "BETTER_AUTH_HS256_SECRET", HS256_SECRET_PROPERTY,
            "BETTER_AUTH_SESSION_CHECK", "better-auth.session-check",
            "BETTER_AUTH_MEMBER_CHECK", "better-auth.member-check");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        VARIABLES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                properties.put(property, value);
            }
        });
        if (!properties.isEmpty() && !environment.getPropertySources().contains(SOURCE)) {
            MapPropertySource source = new MapPropertySource(SOURCE, properties);
            String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
            if (environment.getPropertySources().contains(systemEnvironment)) {
                environment.getPropertySources().addAfter(systemEnvironment, source);
            } else {
                environment.getPropertySources().addLast(source);
            }
        }
        refuseBetterAuthsOwnSecret(environment);
    }

    private static void refuseBetterAuthsOwnSecret(ConfigurableEnvironment environment) {
        // By its exact name in the sources that list their names: environment.getProperty (and Spring
        // Boot's attached configuration-property source) would answer "better-auth.secret" with the
        // OS variable BETTER_AUTH_SECRET, which an app deployed beside Better Auth may well have and
        // which we ignore.
        boolean removedPropertySet = environment.getPropertySources().stream()
                .filter(source -> !(source instanceof SystemEnvironmentPropertySource))
                .filter(source -> source instanceof EnumerablePropertySource<?>)
                .anyMatch(source -> Arrays.asList(((EnumerablePropertySource<?>) source).getPropertyNames())
                        .contains(REMOVED_SECRET_PROPERTY));
        if (removedPropertySet) {
            throw new IllegalStateException(REMOVED_SECRET_PROPERTY
                    + " is no longer read. HS256 tokens need a secret of their own: set " + HS256_SECRET_PROPERTY
                    + " (BETTER_AUTH_HS256_SECRET), never to Better Auth's BETTER_AUTH_SECRET, or unset it to"
                    + " accept only the JWKS-signed tokens Better Auth issues.");
        }
        String hs256 = environment.getProperty(HS256_SECRET_PROPERTY);
        String betterAuths = environment.getProperty(BETTER_AUTH_SECRET);
        if (hs256 != null
                && betterAuths != null
                && !hs256.isBlank()
                && hs256.strip().equals(betterAuths.strip())) {
            throw new IllegalStateException(HS256_SECRET_PROPERTY
                    + " (BETTER_AUTH_HS256_SECRET) is Better Auth's own BETTER_AUTH_SECRET. Better Auth signs"
                    + " other tokens with that secret (its email-verification link is an HS256 JWT valid 24 hours),"
                    + " and they must never be access tokens: give HS256 a secret of its own, or unset it.");
        }
    }
}
