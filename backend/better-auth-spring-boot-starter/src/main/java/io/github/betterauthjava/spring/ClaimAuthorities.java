package io.github.betterauthjava.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token's roles as authorities: the named claim, a string ({@code "admin"}), a comma-separated
 * string ({@code "admin,user"}, how Better Auth's admin plugin stores several roles) or an array
 * of strings, each role trimmed and prefixed. Anything else in the claim grants nothing: the token
 * is still valid, it only carries no role this library understands.
 *
 * <p>Not Spring's {@code JwtGrantedAuthoritiesConverter}: it splits on one delimiter without
 * trimming, so {@code "admin, user"} would give {@code ROLE_ user}.
 */
public final class ClaimAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    /** No authorities, whatever the token says. */
    public static final ClaimAuthorities NONE = new ClaimAuthorities(null, "");

    private final String claim;
    private final String prefix;

    /**
     * @param claim  the claim holding the roles, e.g. {@code role}
     * @param prefix put before each role, e.g. {@code ROLE_}
     */
    public ClaimAuthorities(String claim, String prefix) {
        this.claim = claim;
        this.prefix = prefix;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        if (claim == null) {
            return List.of();
        }
        Object value = jwt.getClaims().get(claim);
        List<String> roles = new ArrayList<>();
        if (value instanceof String text) {
            roles.add(text);
        } else if (value instanceof Collection<?> many) {
            many.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(roles::add);
        }
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String role : roles) {
            for (String one : role.split(",")) {
                if (!one.isBlank()) {
                    authorities.add(new SimpleGrantedAuthority(prefix + one.trim()));
                }
            }
        }
        return List.copyOf(authorities);
    }
}
