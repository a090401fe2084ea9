package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import io.github.betterauthjava.jwt.BetterAuthApiKey;
import io.github.betterauthjava.jwt.BetterAuthApiKeys;
import io.github.betterauthjava.jwt.BetterAuthMetrics;
import io.github.betterauthjava.jwt.JwksKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

/** Adding the dependency is enough; every bean can be replaced; bad configuration stops the start. */
class BetterAuthAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    BetterAuthAutoConfiguration.class,
                    org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
                    org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration.class,
                    org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration
                            .class,
                    org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet
                            .OAuth2ResourceServerAutoConfiguration.class));

    @Test
    void configuresAResourceServerFromNothingButTheDependency() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(BetterAuthProperties.class);
            assertThat(context).hasSingleBean(JwksKeys.class);
            assertThat(context).getBean(JwtDecoder.class).isInstanceOf(BetterAuthJwtDecoder.class);
            assertThat(context).hasSingleBean(BetterAuthAuthenticationConverter.class);
            assertThat(context).hasSingleBean(BearerTokenResolver.class);
            assertThat(context).hasSingleBean(BetterAuthAuthenticationEntryPoint.class);
            assertThat(context).hasSingleBean(BetterAuthResourceServer.class);
            assertThat(context).hasSingleBean(SecurityFilterChain.class);
            assertThat(context).hasBean("betterAuthSecurityFilterChain");
            // Boot's in-memory user with a generated password backs off when a JwtDecoder exists.
            assertThat(context).doesNotHaveBean(UserDetailsService.class);
        });
    }

    @Test
    void backsOffWhenTheAppDefinesItsOwnDecoder() {
        runner.withUserConfiguration(OwnDecoder.class).run(context -> {
            assertThat(context).getBean(JwtDecoder.class).isSameAs(context.getBean(OwnDecoder.class).decoder);
            assertThat(context).doesNotHaveBean(BetterAuthJwtDecoder.class);
            assertThat(context).hasSingleBean(BetterAuthResourceServer.class);
        });
    }

    @Test
    void backsOffWhenTheAppDefinesItsOwnFilterChain() {
        runner.withUserConfiguration(OwnChain.class).run(context -> {
            assertThat(context).hasSingleBean(SecurityFilterChain.class);
            assertThat(context).doesNotHaveBean("betterAuthSecurityFilterChain");
            assertThat(context).hasBean("ownChain");
        });
    }

    @Test
    void refusesToStartWithASecretShorterThan32Characters() {
        runner.withPropertyValues("better-auth.hs256-secret=too-short").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at least 32");
        });
    }

    @Test
    void refusesToStartWithAMalformedUrl() {
        runner.withPropertyValues("better-auth.url=localhost:3000").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("absolute http(s) URL");
        });
    }

    @Test
    void countsVerificationsWhenAMeterRegistryExists() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).getBean(BetterAuthMetrics.class).isInstanceOf(MicrometerBetterAuthMetrics.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThatThrownBy(() -> context.getBean(JwtDecoder.class).decode("garbage"));
            assertThat(meters.counter(BetterAuthMetrics.VERIFICATIONS, "outcome", "malformed")
                            .count())
                    .isEqualTo(1);
            assertThat(meters.get(BetterAuthMetrics.JWKS_KEYS).gauge().value()).isZero();
        });
    }

    @Test
    void countsApiKeyChecksAndLookupsWhenAMeterRegistryExists() {
        BetterAuthApiKey key = new BetterAuthApiKey("key-1", "user-1", true, null, "user-1@example.com", "U");
        runner.withConfiguration(AutoConfigurations.of(BetterAuthApiKeyAutoConfiguration.class))
                .withPropertyValues("better-auth.api-keys.enabled=true")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(
                        BetterAuthApiKeys.class,
                        () -> hash -> Optional.of(key).filter(k -> hash.equals(ApiKeyCheck.hash("good"))))
                .run(context -> {
                    ApiKeyCheck check = context.getBean(ApiKeyCheck.class);
                    assertThat(check.verify("good")).contains(key);
                    assertThat(check.verify("good")).contains(key);
                    assertThat(check.verify("bad")).isEmpty();
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.counter(BetterAuthMetrics.API_KEY_CHECKS, "outcome", "accepted")
                                    .count())
                            .isEqualTo(2);
                    assertThat(meters.counter(BetterAuthMetrics.API_KEY_CHECKS, "outcome", "refused")
                                    .count())
                            .isEqualTo(1);
                    assertThat(meters.counter(BetterAuthMetrics.API_KEY_LOOKUPS, "source", "store")
                                    .count())
                            .isEqualTo(2);
                    assertThat(meters.counter(BetterAuthMetrics.API_KEY_LOOKUPS, "source", "cache")
                                    .count())
                            .isEqualTo(1);
                    assertThat(meters.get(BetterAuthMetrics.API_KEY_CACHE_SIZE)
                                    .gauge()
                                    .value())
                            .isEqualTo(2);
                });
    }

    @Test
    void worksWithoutMicrometerOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(BetterAuthMetrics.class);
            assertThat(context).hasSingleBean(JwtDecoder.class);
        });
    }

    @Test
    void honoursBetterAuthsEnvironmentVariableNames() {
        try (ConfigurableApplicationContext context =
                start("BETTER_AUTH_URL=https://auth.example.com", "BETTER_AUTH_HS256_SECRET=" + Tokens.SECRET)) {
            BetterAuthProperties properties = context.getBean(BetterAuthProperties.class);
            assertThat(properties.settings().url()).isEqualTo("https://auth.example.com");
            assertThat(properties.settings().jwksUrl()).isEqualTo("https://auth.example.com/api/auth/jwks");
            assertThat(properties.settings().acceptsHs256()).isTrue();
        }
        try (ConfigurableApplicationContext context = start("BETTER_AUTH_JWKS_URL=https://keys.example.com/jwks")) {
            assertThat(context.getBean(BetterAuthProperties.class).settings().jwksUrl())
                    .isEqualTo("https://keys.example.com/jwks");
        }
    }

    @Test
    void letsBetterAuthPropertiesWinOverTheVariablesWhenGivenAsArguments() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Plain.class)
                .web(WebApplicationType.NONE)
                .properties("BETTER_AUTH_URL=https://from-variable.example.com")
                .run("--better-auth.url=https://from-argument.example.com");
        try (context) {
            assertThat(context.getBean(BetterAuthProperties.class).settings().url())
                    .isEqualTo("https://from-argument.example.com");
        }
    }

    @Test
    void refusesToStartWhenTheSecretVariableIsTooShort() {
        assertThatThrownBy(() -> start("BETTER_AUTH_HS256_SECRET=short").close())
                .rootCause()
                .hasMessageContaining("BETTER_AUTH_HS256_SECRET")
                .hasMessageContaining("at least 32");
    }

    @Test
    void neverReadsBetterAuthsOwnSecretSoHs256StaysOff() {
        // An app deployed beside Better Auth often has its BETTER_AUTH_SECRET in the environment:
        // before, that alone turned HS256 on with it, and Better Auth's 24-hour email-verification
        // links (HS256, signed with that secret) became access tokens.
        try (ConfigurableApplicationContext context = start("BETTER_AUTH_SECRET=" + Tokens.SECRET)) {
            assertThat(context.getBean(BetterAuthProperties.class).settings().acceptsHs256())
                    .isFalse();
        }
    }

    @Test
    void theOsVariableBetterAuthSecretIsNotMistakenForTheRemovedProperty() {
        // As in a real process: BETTER_AUTH_SECRET in the OS environment, and Spring Boot's attached
        // configuration-property source, which answers "better-auth.secret" with that variable.
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("BETTER_AUTH_SECRET", Tokens.SECRET)));
        ConfigurationPropertySources.attach(environment);
        assertThat(environment.containsProperty("better-auth.secret"))
                .as("the trap: relaxed names see the OS variable")
                .isTrue();

        new BetterAuthEnvironment().postProcessEnvironment(environment, new SpringApplication(Plain.class));

        assertThat(environment.getProperty("better-auth.hs256-secret")).isNull();
    }

    @Test
    void refusesToStartWhenTheHs256SecretIsBetterAuthsOwn() {
        assertThatThrownBy(
                        () -> start("BETTER_AUTH_SECRET=" + Tokens.SECRET, "BETTER_AUTH_HS256_SECRET=" + Tokens.SECRET)
                                .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is Better Auth's own BETTER_AUTH_SECRET")
                .hasMessageNotContaining(Tokens.SECRET);
        assertThatThrownBy(
                        () -> start("BETTER_AUTH_SECRET=" + Tokens.SECRET, "better-auth.hs256-secret=" + Tokens.SECRET)
                                .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is Better Auth's own BETTER_AUTH_SECRET");
    }

    @Test
    void refusesToStartWithTheRemovedSecretProperty() {
        assertThatThrownBy(() -> start("better-auth.secret=" + Tokens.SECRET).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("better-auth.secret is no longer read")
                .hasMessageContaining("better-auth.hs256-secret")
                .hasMessageNotContaining(Tokens.SECRET);
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(Plain.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }

    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    static class Plain {}

    @Configuration(proxyBeanMethods = false)
    static class OwnDecoder {
        final JwtDecoder decoder = token -> {
            throw new org.springframework.security.oauth2.jwt.BadJwtException("no");
        };

        @Bean
        JwtDecoder ownDecoder() {
            return decoder;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {
        @Bean
        SecurityFilterChain ownChain(HttpSecurity http, BetterAuthResourceServer betterAuth) throws Exception {
            return http.authorizeHttpRequests(r -> r.anyRequest().permitAll())
                    .oauth2ResourceServer(betterAuth)
                    .build();
        }
    }
}
