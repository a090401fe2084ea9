package io.github.betterauthjava.spring;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code better-auth.ignore-invalid-tokens-on} on WebFlux: on the listed paths a refused token goes
 * on as anonymous; a valid one still authenticates, and "cannot tell right now" is still a 503.
 * Elsewhere a refused token is a 401, as on the servlet stack ({@link BetterAuthResourceServer}).
 */
final class ReactivePublicPaths implements ReactiveAuthenticationManagerResolver<ServerWebExchange> {

    private static final String ANONYMOUS_KEY = "better-auth-invalid-token-on-a-public-path";

    private final ServerWebExchangeMatcher publicPaths;
    private final ReactiveAuthenticationManager strict;
    private final ReactiveAuthenticationManager lenient;

    ReactivePublicPaths(
            List<String> patterns,
            ReactiveJwtDecoder decoder,
            Converter<Jwt, ? extends Mono<? extends AbstractAuthenticationToken>> converter) {
        this.publicPaths = ServerWebExchangeMatchers.pathMatchers(patterns.toArray(String[]::new));
        JwtReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(decoder);
        jwt.setJwtAuthenticationConverter(converter);
        this.strict = jwt;
        this.lenient = authentication -> strict.authenticate(authentication)
                .onErrorResume(
                        failure -> failure instanceof AuthenticationException
                                && !(failure instanceof BetterAuthUnavailableException),
                        refused -> Mono.just(new AnonymousAuthenticationToken(
                                ANONYMOUS_KEY, "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))));
    }

    @Override
    public Mono<ReactiveAuthenticationManager> resolve(ServerWebExchange exchange) {
        return publicPaths.matches(exchange).map(match -> match.isMatch() ? lenient : strict);
    }
}
