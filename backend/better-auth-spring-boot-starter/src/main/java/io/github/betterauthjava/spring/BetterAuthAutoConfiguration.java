package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.BetterAuthMetrics;
import io.github.betterauthjava.jwt.BetterAuthSessions;
import io.github.betterauthjava.jwt.BetterAuthVerifier;
import io.github.betterauthjava.jwt.JdbcBetterAuthSessions;
import io.github.betterauthjava.jwt.JwksKeys;
import io.github.betterauthjava.jwt.SessionCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Makes a Spring Boot application a Better Auth resource server. Every bean backs off when the
 * application defines its own of the same type, so one piece can be replaced without forking.
 *
 * <p>Runs before Boot's security auto-configurations so that its {@code JwtDecoder} keeps Boot
 * from creating an in-memory user with a generated password, and its default filter chain
 * replaces Boot's form-login one.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        },
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JwtDecoder.class)
@EnableConfigurationProperties({
    BetterAuthProperties.class,
    SessionCheckProperties.class,
    PublicPathsProperties.class,
    AuthoritiesProperties.class
})
public class BetterAuthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwksKeys betterAuthJwksKeys(BetterAuthProperties properties, ObjectProvider<BetterAuthMetrics> metrics) {
        return new JwksKeys(
                properties.settings(), InstantSource.system(), metrics.getIfAvailable(() -> BetterAuthMetrics.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    BetterAuthVerifier betterAuthVerifier(
            BetterAuthProperties properties,
            JwksKeys keys,
            ObjectProvider<BetterAuthMetrics> metrics,
            ObjectProvider<SessionCheck> sessions) {
        return BetterAuthVerifier.builder(properties.settings())
                .keys(keys)
                .metrics(metrics.getIfAvailable(() -> BetterAuthMetrics.NONE))
                .sessionCheck(sessions.getIfAvailable())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    BetterAuthJwtDecoder betterAuthJwtDecoder(BetterAuthVerifier verifier) {
        return new BetterAuthJwtDecoder(verifier);
    }

    /**
     * Declared as the interface, not the class: the missing-bean condition is deduced from this
     * type, so any {@code Converter<Jwt, ? extends AbstractAuthenticationToken>} bean of the
     * application replaces ours, with no {@code @Primary} needed.
     */
    @Bean
    @ConditionalOnMissingBean
    Converter<Jwt, ? extends AbstractAuthenticationToken> betterAuthAuthenticationConverter(
            AuthoritiesProperties authorities) {
        return new BetterAuthAuthenticationConverter(authorities.authorities());
    }

    /**
     * The servlet stack's pieces. Behind a class check because the servlet API is not on a WebFlux
     * application's class path; {@link BetterAuthReactiveAutoConfiguration} has WebFlux's.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "jakarta.servlet.http.HttpServletRequest")
    static class Servlet {

        /** RFC 6750 §2.1 only: query strings end up in logs and Referer headers, bodies and cookies invite CSRF. */
        @Bean
        @ConditionalOnMissingBean
        BearerTokenResolver betterAuthBearerTokenResolver() {
            return new HeaderBearerTokenResolver();
        }

        @Bean
        @ConditionalOnMissingBean
        BetterAuthAuthenticationEntryPoint betterAuthAuthenticationEntryPoint() {
            return new BetterAuthAuthenticationEntryPoint();
        }

        @Bean
        @ConditionalOnMissingBean
        BetterAuthResourceServer betterAuthResourceServer(
                JwtDecoder decoder,
                Converter<Jwt, ? extends AbstractAuthenticationToken> betterAuthAuthenticationConverter,
                BearerTokenResolver resolver,
                AuthenticationEntryPoint betterAuthAuthenticationEntryPoint,
                PublicPathsProperties publicPaths) {
            return new BetterAuthResourceServer(
                    decoder,
                    betterAuthAuthenticationConverter,
                    resolver,
                    betterAuthAuthenticationEntryPoint,
                    publicPaths.ignoreInvalidTokensOn());
        }
    }

    /**
     * The session check, when {@code better-auth.session-check} is not {@code off}: Better Auth's
     * session table read through the application's DataSource, unless the application defines
     * its own {@link BetterAuthSessions}.
     */
    @Configuration(proxyBeanMethods = false)
    @Conditional(SessionCheckEnabled.class)
    static class SessionChecking {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(DataSource.class)
        BetterAuthSessions betterAuthSessions(DataSource dataSource, SessionCheckProperties properties) {
            return new JdbcBetterAuthSessions(dataSource, properties.sessionTable());
        }

        @Bean
        @ConditionalOnMissingBean
        SessionCheck betterAuthSessionCheck(
                SessionCheckProperties properties,
                ObjectProvider<BetterAuthSessions> sessions,
                ObjectProvider<BetterAuthMetrics> metrics) {
            BetterAuthSessions store = sessions.getIfAvailable();
            if (store == null) {
                // Never skip the check silently: a token of an ended session would pass.
                throw new NoSessionStoreException(properties.sessionCheck());
            }
            return new SessionCheck(
                    properties.settings(),
                    store,
                    InstantSource.system(),
                    metrics.getIfAvailable(() -> BetterAuthMetrics.NONE));
        }

        @Bean
        @ConditionalOnMissingBean
        SessionTableWarning betterAuthSessionTableWarning(ObjectProvider<BetterAuthSessions> sessions) {
            return new SessionTableWarning(sessions.getIfAvailable());
        }
    }

    /** "Add the dependency" is enough: every request needs a valid token, no session, no CSRF (no cookies). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(HttpSecurity.class)
    static class DefaultFilterChain {

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain betterAuthSecurityFilterChain(
                HttpSecurity http,
                BetterAuthResourceServer resourceServer,
                ObjectProvider<BetterAuthApiKeyAuthenticator> apiKeys)
                throws Exception {
            BetterAuthApiKeyAuthenticator keys = apiKeys.getIfAvailable();
            if (keys != null) {
                keys.addTo(http, resourceServer.entryPoint());
            }
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable())
                    .requestCache(cache -> cache.disable())
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(resourceServer.entryPoint()))
                    .oauth2ResourceServer(resourceServer)
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        BetterAuthMetrics betterAuthMetrics(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfAvailable();
            return meters == null ? BetterAuthMetrics.NONE : new MicrometerBetterAuthMetrics(meters);
        }
    }
}
