package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.BetterAuthMember;
import io.github.betterauthjava.jwt.MembershipCheck;
import io.github.betterauthjava.jwt.MembershipsUnavailableException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Better Auth organizations (its {@code organization} plugin) for any Spring application: whether
 * the authenticated user is a member of an organization, with which roles, as Spring authorities,
 * and as a ready authorization rule for routes that name the organization in the path. Answers
 * come from Better Auth's {@code member} table through the core's {@link MembershipCheck} (cached
 * at most 5 s), never from the token: a removed member or a lowered role takes effect within the
 * cache TTL however long the token lives. When the table cannot be read, every method throws
 * {@link MembershipCheckUnavailableException}, which the entry point answers with 503.
 *
 * <p>A bean when {@code better-auth.member-check=on}. The user is the authentication's name, which
 * for a Better Auth token is its {@code sub}.
 */
public final class BetterAuthOrganizations {

    private final MembershipCheck check;
    private final String prefix;

    /**
     * @param check  the core's membership check
     * @param prefix put before each organization role to make an authority, e.g. {@code ORG_}
     */
    public BetterAuthOrganizations(MembershipCheck check, String prefix) {
        this.check = check;
        this.prefix = prefix;
    }

    /**
     * The user's membership of the organization, or empty when not a member (or not authenticated).
     *
     * @throws MembershipCheckUnavailableException when it cannot be known right now (503)
     */
    public Optional<BetterAuthMember> membership(Authentication authentication, String organizationId) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return member(organizationId, authentication.getName());
    }

    /**
     * Any user's membership, e.g. to check that a task is assigned to a member of its team.
     *
     * @throws MembershipCheckUnavailableException when it cannot be known right now (503)
     */
    public Optional<BetterAuthMember> member(String organizationId, String userId) {
        try {
            return check.member(organizationId, userId);
        } catch (MembershipsUnavailableException unavailable) {
            throw new MembershipCheckUnavailableException(unavailable.getMessage(), unavailable.getCause());
        }
    }

    /**
     * The user's roles in the organization as authorities ({@code ORG_owner}, {@code ORG_admin},
     * {@code ORG_member} with the default prefix); none for a non-member.
     */
    public List<GrantedAuthority> authorities(Authentication authentication, String organizationId) {
        return membership(authentication, organizationId)
                .map(member -> member.roles().stream()
                        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(prefix + role))
                        .toList())
                .orElse(List.of());
    }

    /**
     * A rule for routes whose path variable {@code variable} names the organization: granted when
     * the user is a member with one of {@code roles} (no roles given: any member), denied (403)
     * otherwise. For example {@code requests.requestMatchers("/orgs/{org}/**").access(organizations.memberOf("org"))}.
     * An application that must not reveal whether an organization exists answers non-members
     * itself, with {@link #membership}.
     */
    public AuthorizationManager<RequestAuthorizationContext> memberOf(String variable, String... roles) {
        List<String> wanted = List.of(roles);
        return (authentication, context) -> {
            Optional<BetterAuthMember> member =
                    membership(authentication.get(), context.getVariables().get(variable));
            return new AuthorizationDecision(
                    member.isPresent() && (wanted.isEmpty() || member.get().hasAnyRole(roles)));
        };
    }

    @Override
    public String toString() {
        return "BetterAuthOrganizations[" + check + ", prefix=" + prefix + "]";
    }
}
