package io.github.betterauthjava.spring;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Makes a {@code SecurityFilterChain} a Better Auth resource server:
 * <pre>{@code
 * http.oauth2ResourceServer(betterAuthResourceServer)
 * }</pre>
 * wires the decoder, the principal converter, the header-only token resolver and the 401 entry
 * point. Settings made after it (e.g. another entry point) win.
 */
public final class BetterAuthResourceServer implements Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> {

    private final JwtDecoder decoder;
    private final Converter<Jwt, ? extends AbstractAuthenticationToken> converter;
    private final BearerTokenResolver resolver;
    private final AuthenticationEntryPoint entryPoint;

    public BetterAuthResourceServer(JwtDecoder decoder, Converter<Jwt, ? extends AbstractAuthenticationToken> converter,
                                    BearerTokenResolver resolver, AuthenticationEntryPoint entryPoint) {
        this.decoder = decoder;
        this.converter = converter;
        this.resolver = resolver;
        this.entryPoint = entryPoint;
    }

    @Override
    public void customize(OAuth2ResourceServerConfigurer<HttpSecurity> server) {
        server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                .bearerTokenResolver(resolver)
                .authenticationEntryPoint(entryPoint);
    }

    /** The entry point this customizer installs, for an application's {@code exceptionHandling}. */
    public AuthenticationEntryPoint entryPoint() {
        return entryPoint;
    }
}
