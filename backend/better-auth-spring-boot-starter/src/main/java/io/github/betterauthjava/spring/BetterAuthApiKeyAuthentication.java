package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.BetterAuthApiKey;
import io.github.betterauthjava.jwt.BetterAuthUser;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated with a Better Auth API key: the same principal, a {@link BetterAuthUser}
 * named by the key's owner id, as a token of that user gives, so rules keyed by
 * {@link #getName()} (ownership, rate limits) apply unchanged. It holds no credential: the key is
 * never kept past verification ({@link #getCredentials()} is {@code null}); {@link #apiKey()} says
 * which key it was (its id, never its value). No authorities: a key carries no roles.
 */
public final class BetterAuthApiKeyAuthentication extends AbstractAuthenticationToken {

    private final BetterAuthApiKey apiKey;
    private final BetterAuthUser user;

    public BetterAuthApiKeyAuthentication(BetterAuthApiKey apiKey) {
        super(List.of());
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.user = apiKey.user();
        setAuthenticated(true);
    }

    /** The key that authenticated the request: its id and owner, not its value. */
    public BetterAuthApiKey apiKey() {
        return apiKey;
    }

    @Override
    public BetterAuthUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return user.id();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BetterAuthApiKeyAuthentication that && super.equals(that) && apiKey.equals(that.apiKey);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + apiKey.hashCode();
    }
}
