package io.github.betterauthjava.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which claim of a token becomes the authentication's authorities ({@code better-auth.authorities.*}).
 *
 * <p>Better Auth tokens carry the user's fields; with its admin plugin that includes {@code role}
 * (a string, several roles comma-separated), so {@code better-auth.authorities.claim=role} makes
 * {@code hasRole("admin")} work. Unset, a token grants no authorities.
 *
 * @param claim  the claim holding the roles: a string, a comma-separated string or an array of
 *               strings; unset or blank (default): no authorities
 * @param prefix put before each role; default {@code ROLE_}, as {@code hasRole} expects; empty for
 *               none (then use {@code hasAuthority})
 */
@ConfigurationProperties("better-auth.authorities")
public record AuthoritiesProperties(String claim, String prefix) {

    /** Blank claim is unset; unset prefix is {@code ROLE_}. */
    public AuthoritiesProperties {
        claim = claim == null || claim.isBlank() ? null : claim.trim();
        prefix = prefix == null ? "ROLE_" : prefix;
    }

    /** The authorities these properties describe: none when no claim is named. */
    ClaimAuthorities authorities() {
        return claim == null ? ClaimAuthorities.NONE : new ClaimAuthorities(claim, prefix);
    }
}
