package io.github.betterauthjava.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Makes a WebFlux application a Better Auth resource server, with the servlet stack's properties
 * and rules: the same verifier and principal converter (from {@link BetterAuthAutoConfiguration}),
 * run off the event loop, the same header-only token and the same 401/503 answers. Every bean
 * backs off when the application defines its own of the same type.
 *
 * <p>Runs before Boot's reactive security auto-configurations, so that its
 * {@code ReactiveJwtDecoder} keeps Boot from creating an in-memory user with a generated password,
 * and its default chain replaces Boot's.
 */
@AutoConfiguration(
        after = BetterAuthAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ServerHttpSecurity.class, ReactiveJwtDecoder.class, Mono.class})
public class BetterAuthReactiveAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder betterAuthReactiveJwtDecoder(JwtDecoder decoder) {
        return new BetterAuthReactiveJwtDecoder(decoder);
    }

    /** RFC 6750 §2.1 only: query strings end up in logs and Referer headers, bodies and cookies invite CSRF. */
    @Bean
    @ConditionalOnMissingBean
    ServerAuthenticationConverter betterAuthBearerTokenConverter() {
        return new HeaderBearerTokenConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    BetterAuthServerAuthenticationEntryPoint betterAuthServerAuthenticationEntryPoint() {
        return new BetterAuthServerAuthenticationEntryPoint();
    }

    @Bean
    @ConditionalOnMissingBean
    BetterAuthReactiveResourceServer betterAuthReactiveResourceServer(
            ReactiveJwtDecoder decoder,
            Converter<Jwt, ? extends AbstractAuthenticationToken> betterAuthAuthenticationConverter,
            ServerAuthenticationConverter betterAuthBearerTokenConverter,
            ServerAuthenticationEntryPoint betterAuthServerAuthenticationEntryPoint,
            PublicPathsProperties publicPaths) {
        return new BetterAuthReactiveResourceServer(
                decoder,
                betterAuthAuthenticationConverter,
                betterAuthBearerTokenConverter,
                betterAuthServerAuthenticationEntryPoint,
                publicPaths.ignoreInvalidTokensOn());
    }

    /** "Add the dependency" is enough: every request needs a valid token, no session, no CSRF (no cookies). */
    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain betterAuthSecurityWebFilterChain(
            ServerHttpSecurity http,
            BetterAuthReactiveResourceServer resourceServer,
            ObjectProvider<BetterAuthReactiveApiKeyAuthenticator> apiKeys) {
        BetterAuthReactiveApiKeyAuthenticator keys = apiKeys.getIfAvailable();
        if (keys != null) {
            keys.addTo(http, resourceServer.entryPoint());
        }
        return http.authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(resourceServer.entryPoint()))
                .oauth2ResourceServer(resourceServer)
                .build();
    }
}
