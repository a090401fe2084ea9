package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.BetterAuthUser;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified token into a {@link BetterAuthAuthentication} whose principal is the
 * {@link BetterAuthUser}, with the authorities {@link ClaimAuthorities} reads
 * ({@code better-auth.authorities.claim}; none by default: Better Auth tokens carry no roles
 * unless its admin plugin adds {@code role}). An application with other needs defines its own
 * {@code Converter<Jwt, ? extends AbstractAuthenticationToken>} bean, which replaces this one.
 */
public final class BetterAuthAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ClaimAuthorities authorities;

    /** No authorities. */
    public BetterAuthAuthenticationConverter() {
        this(ClaimAuthorities.NONE);
    }

    /** @param authorities which claim of the token holds its roles */
    public BetterAuthAuthenticationConverter(ClaimAuthorities authorities) {
        this.authorities = authorities;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        BetterAuthUser user = BetterAuthUser.fromClaims(jwt.getClaims())
                .orElseThrow(() ->
                        // Stock Spring would authenticate a nameless principal and later answer 403; no user is a 401.
                        new InvalidBearerTokenException("The token names no user (a non-empty string sub)"));
        return new BetterAuthAuthentication(user, jwt, authorities.convert(jwt));
    }
}
