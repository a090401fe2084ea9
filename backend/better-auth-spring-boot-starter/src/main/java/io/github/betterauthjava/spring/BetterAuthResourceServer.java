package io.github.betterauthjava.spring;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Makes a {@code SecurityFilterChain} a Better Auth resource server:
 * <pre>{@code
 * http.oauth2ResourceServer(betterAuthResourceServer)
 * }</pre>
 * wires the decoder, the principal converter, the header-only token resolver and the 401 entry
 * point. Settings made after it (e.g. another entry point) win.
 */
public final class BetterAuthResourceServer implements Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> {

    private static final String ANONYMOUS_KEY = "better-auth-invalid-token-on-a-public-path";

    private final JwtDecoder decoder;
    private final Converter<Jwt, ? extends AbstractAuthenticationToken> converter;
    private final BearerTokenResolver resolver;
    private final AuthenticationEntryPoint entryPoint;
    private final List<RequestMatcher> ignoreInvalidTokensOn;

    /** A bad token is a 401 on every path. */
    public BetterAuthResourceServer(
            JwtDecoder decoder,
            Converter<Jwt, ? extends AbstractAuthenticationToken> converter,
            BearerTokenResolver resolver,
            AuthenticationEntryPoint entryPoint) {
        this(decoder, converter, resolver, entryPoint, List.of());
    }

    /**
     * @param ignoreInvalidTokensOn path patterns whose requests go on as anonymous when their token
     *                              is refused (see {@link PublicPathsProperties})
     */
    public BetterAuthResourceServer(
            JwtDecoder decoder,
            Converter<Jwt, ? extends AbstractAuthenticationToken> converter,
            BearerTokenResolver resolver,
            AuthenticationEntryPoint entryPoint,
            List<String> ignoreInvalidTokensOn) {
        this.decoder = decoder;
        this.converter = converter;
        this.resolver = resolver;
        this.entryPoint = entryPoint;
        this.ignoreInvalidTokensOn = ignoreInvalidTokensOn.stream()
                .<RequestMatcher>map(
                        pattern -> PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList();
    }

    @Override
    public void customize(OAuth2ResourceServerConfigurer<HttpSecurity> server) {
        server.bearerTokenResolver(resolver).authenticationEntryPoint(entryPoint);
        if (ignoreInvalidTokensOn.isEmpty()) {
            server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter));
            return;
        }
        // Spring allows jwt() or an AuthenticationManagerResolver, not both: build the JWT provider here.
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        AuthenticationManager strict = new ProviderManager(provider);
        AuthenticationManager lenient = authentication -> {
            try {
                return strict.authenticate(authentication);
            } catch (BetterAuthUnavailableException unavailable) {
                throw unavailable; // "cannot tell" is never a pass, public path or not
            } catch (AuthenticationException refused) {
                return new AnonymousAuthenticationToken(
                        ANONYMOUS_KEY, "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
            }
        };
        server.authenticationManagerResolver(request ->
                ignoreInvalidTokensOn.stream().anyMatch(matcher -> matcher.matches(request)) ? lenient : strict);
    }

    /** The entry point this customizer installs, for an application's {@code exceptionHandling}. */
    public AuthenticationEntryPoint entryPoint() {
        return entryPoint;
    }
}
