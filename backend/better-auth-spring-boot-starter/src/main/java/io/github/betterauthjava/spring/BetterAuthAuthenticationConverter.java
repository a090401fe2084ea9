package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.BetterAuthUser;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified token into a {@link BetterAuthAuthentication} whose principal is the
 * {@link BetterAuthUser}. No authorities: Better Auth tokens carry none by default; an
 * application that maps roles replaces this bean.
 */
public final class BetterAuthAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        BetterAuthUser user = BetterAuthUser.fromClaims(jwt.getClaims())
                .orElseThrow(() ->
                        // Stock Spring would authenticate a nameless principal and later answer 403; no user is a 401.
                        new InvalidBearerTokenException("The token names no user (a non-empty string sub)"));
        return new BetterAuthAuthentication(user, jwt);
    }
}
