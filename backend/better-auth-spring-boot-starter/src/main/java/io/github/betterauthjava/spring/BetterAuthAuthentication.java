package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.BetterAuthUser;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated request: the {@link BetterAuthUser} a verified token speaks for, and the
 * token itself. {@link #getName()} is the user id, so Spring features keyed by principal name
 * (auditing, rate limits, {@code Principal} arguments) see the Better Auth user id.
 */
public final class BetterAuthAuthentication extends AbstractAuthenticationToken {

    private final BetterAuthUser user;
    private final Jwt jwt;

    public BetterAuthAuthentication(BetterAuthUser user, Jwt jwt) {
        this(user, jwt, List.of());
    }

    public BetterAuthAuthentication(BetterAuthUser user, Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.user = Objects.requireNonNull(user, "user");
        this.jwt = Objects.requireNonNull(jwt, "jwt");
        setAuthenticated(true);
    }

    /** The verified token; its value is a credential, never log it. */
    public Jwt getToken() {
        return jwt;
    }

    @Override
    public BetterAuthUser getPrincipal() {
        return user;
    }

    @Override
    public Jwt getCredentials() {
        return jwt;
    }

    @Override
    public String getName() {
        return user.id();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BetterAuthAuthentication that
                && super.equals(that)
                && user.equals(that.user)
                && jwt.getTokenValue().equals(that.jwt.getTokenValue());
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + user.hashCode();
    }
}
