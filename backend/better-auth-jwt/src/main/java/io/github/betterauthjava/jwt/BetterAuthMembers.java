package io.github.betterauthjava.jwt;

import java.util.Optional;

/**
 * Where the membership check looks up a user's membership of a Better Auth organization. The
 * library ships {@link JdbcBetterAuthMembers} (Better Auth's {@code member} table in a shared
 * database); an application that cannot reach that database defines its own, e.g. one asking
 * Better Auth over HTTP.
 */
@FunctionalInterface
public interface BetterAuthMembers {

    /**
     * The user's membership of the organization, or empty when they are not a member (never were,
     * removed, left, the organization deleted).
     *
     * <p>When the answer cannot be known (database down, timeout), throw: the request then gets
     * 503, never a pass and never a refusal. Throw a {@link MembershipsUnavailableException} to
     * choose the {@code detail} the client sees; any other exception gets a generic one.
     */
    Optional<BetterAuthMember> find(String organizationId, String userId);
}
