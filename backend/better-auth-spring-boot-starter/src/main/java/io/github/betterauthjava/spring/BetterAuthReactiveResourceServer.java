package io.github.betterauthjava.spring;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import reactor.core.publisher.Mono;

/**
 * Makes a WebFlux {@code SecurityWebFilterChain} a Better Auth resource server:
 * <pre>{@code
 * http.oauth2ResourceServer(betterAuthReactiveResourceServer)
 * }</pre>
 * wires the decoder, the principal converter (the same bean as on the servlet stack), the
 * header-only token converter and the 401/503 entry point. Settings made after it win.
 */
public final class BetterAuthReactiveResourceServer implements Customizer<ServerHttpSecurity.OAuth2ResourceServerSpec> {

    private final ReactiveJwtDecoder decoder;
    private final Converter<Jwt, ? extends AbstractAuthenticationToken> converter;
    private final ServerAuthenticationConverter tokenConverter;
    private final ServerAuthenticationEntryPoint entryPoint;
    private final List<String> ignoreInvalidTokensOn;

    /** A bad token is a 401 on every path. */
    public BetterAuthReactiveResourceServer(
            ReactiveJwtDecoder decoder,
            Converter<Jwt, ? extends AbstractAuthenticationToken> converter,
            ServerAuthenticationConverter tokenConverter,
            ServerAuthenticationEntryPoint entryPoint) {
        this(decoder, converter, tokenConverter, entryPoint, List.of());
    }

    /**
     * @param ignoreInvalidTokensOn path patterns whose requests go on as anonymous when their token
     *                              is refused (see {@link PublicPathsProperties})
     */
    public BetterAuthReactiveResourceServer(
            ReactiveJwtDecoder decoder,
            Converter<Jwt, ? extends AbstractAuthenticationToken> converter,
            ServerAuthenticationConverter tokenConverter,
            ServerAuthenticationEntryPoint entryPoint,
            List<String> ignoreInvalidTokensOn) {
        this.decoder = decoder;
        this.converter = converter;
        this.tokenConverter = tokenConverter;
        this.entryPoint = entryPoint;
        this.ignoreInvalidTokensOn = List.copyOf(ignoreInvalidTokensOn);
    }

    @Override
    public void customize(ServerHttpSecurity.OAuth2ResourceServerSpec server) {
        server.bearerTokenConverter(tokenConverter).authenticationEntryPoint(entryPoint);
        Converter<Jwt, Mono<AbstractAuthenticationToken>> principal =
                token -> Mono.fromCallable(() -> converter.convert(token));
        if (ignoreInvalidTokensOn.isEmpty()) {
            server.jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(principal));
            return;
        }
        // Spring allows jwt() or an authentication manager resolver, not both.
        server.authenticationManagerResolver(new ReactivePublicPaths(ignoreInvalidTokensOn, decoder, principal));
    }

    /** The entry point this customizer installs, for an application's {@code exceptionHandling}. */
    public ServerAuthenticationEntryPoint entryPoint() {
        return entryPoint;
    }
}
