package io.github.betterauthjava.jwt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the membership check needs of a row of Better Auth's {@code member} table (organization
 * plugin): whose membership of which organization, with which roles.
 *
 * @param organizationId the organization ({@code "organizationId"})
 * @param userId         the member ({@code "userId"})
 * @param roles          the roles, in the order stored; Better Auth keeps several in one
 *                       comma-separated {@code "role"} column ({@code "admin,member"})
 */
public record BetterAuthMember(String organizationId, String userId, List<String> roles) {

    /** Better Auth's built-in roles (organization plugin): the creator is {@code owner}. */
    public static final String OWNER = "owner", ADMIN = "admin", MEMBER = "member";

    public BetterAuthMember {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(userId, "userId");
        roles = List.copyOf(roles);
    }

    /** Whether one of the member's roles is {@code role} (exactly, as Better Auth compares them). */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether one of the member's roles is any of {@code wanted}. */
    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The roles of a {@code "role"} column: split at commas (how Better Auth stores several),
     * trimmed, blanks and repeats dropped. {@code null} has none.
     */
    public static List<String> roles(String column) {
        if (column == null) {
            return List.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : column.split(",")) {
            if (!role.isBlank()) {
                roles.add(role.strip());
            }
        }
        return new ArrayList<>(roles);
    }
}
