package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.JdbcBetterAuthMembers;
import io.github.betterauthjava.jwt.MembershipCheckSettings;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether and how memberships of Better Auth organizations are checked ({@code better-auth.member-*}).
 * Checked at start-up: a bad value stops the application with a message naming it.
 *
 * @param memberCheck           {@code off} (default) or {@code on}; also read from
 *                              {@code BETTER_AUTH_MEMBER_CHECK}. On, {@link BetterAuthOrganizations}
 *                              is a bean
 * @param memberCacheTtl        how long an answer is remembered: the longest a removed member or a
 *                              lowered role keeps its old access. At most 5 s, default 5 s; {@code 0s}
 *                              looks every request up
 * @param memberCacheSize       how many (organization, user) answers are remembered at most
 * @param memberTable           Better Auth's member table, optionally schema-qualified
 *                              ({@code auth.member}); letters, digits and {@code _} only
 * @param memberAuthorityPrefix put before each organization role to make an authority; default
 *                              {@code ORG_} ({@code ORG_admin}), distinct from the token's {@code ROLE_}s
 */
@ConfigurationProperties("better-auth")
public record MembershipCheckProperties(
        @DefaultValue("off") String memberCheck,
        @DefaultValue("5s") Duration memberCacheTtl,
        @DefaultValue("10000") long memberCacheSize,
        @DefaultValue(JdbcBetterAuthMembers.DEFAULT_TABLE) String memberTable,
        @DefaultValue(DEFAULT_PREFIX) String memberAuthorityPrefix) {

    public static final String DEFAULT_PREFIX = "ORG_";

    /** Checked: the core's {@link MembershipCheckSettings} and {@link JdbcBetterAuthMembers#quotedTable} decide. */
    public MembershipCheckProperties {
        memberCheck = parse(memberCheck);
        memberCacheTtl = new MembershipCheckSettings(memberCacheTtl, memberCacheSize).cacheTtl();
        memberTable = memberTable == null || memberTable.isBlank()
                ? JdbcBetterAuthMembers.DEFAULT_TABLE
                : memberTable.strip();
        JdbcBetterAuthMembers.quotedTable(memberTable);
        memberAuthorityPrefix = memberAuthorityPrefix == null ? DEFAULT_PREFIX : memberAuthorityPrefix;
    }

    /** {@code off} or {@code on}, any letter case, spaces around ignored; blank is off. */
    static String parse(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || wanted.equals("off")) {
            return "off";
        }
        if (wanted.equals("on")) {
            return "on";
        }
        String shown = value.replaceAll("\\p{Cntrl}", "?");
        throw new IllegalArgumentException(
                "better-auth.member-check (BETTER_AUTH_MEMBER_CHECK) must be off or on, was '"
                        + (shown.length() <= 40 ? shown : shown.substring(0, 37) + "...") + "'");
    }

    /** Whether memberships are checked. */
    public boolean enabled() {
        return memberCheck.equals("on");
    }

    /** These properties as the core's settings. */
    public MembershipCheckSettings settings() {
        return new MembershipCheckSettings(memberCacheTtl, memberCacheSize);
    }
}
