package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.BetterAuthMember;
import io.github.betterauthjava.jwt.BetterAuthMembers;
import io.github.betterauthjava.jwt.JdbcBetterAuthMembers;
import io.github.betterauthjava.jwt.MembershipCheck;
import io.github.betterauthjava.jwt.MembershipCheckSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The membership check is off unless asked for, reads the app's DataSource, backs off, refuses bad
 * settings; BetterAuthOrganizations maps roles to authorities and decides its rule, and answers an
 * unreadable store with the 503 exception.
 */
class MembershipCheckAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    BetterAuthAutoConfiguration.class,
                    BetterAuthOrganizationAutoConfiguration.class,
                    org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
                    org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration
                            .class));

    private static final BetterAuthMembers OWN = (organization, user) -> user.equals("user-admin")
            ? Optional.of(new BetterAuthMember(organization, user, List.of("admin", "member")))
            : Optional.empty();

    @Test
    void isOffByDefaultEvenWithADataSource() {
        runner.withBean(DataSource.class, PGSimpleDataSource::new).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(BetterAuthOrganizations.class);
            assertThat(context).doesNotHaveBean(MembershipCheck.class);
        });
    }

    @Test
    void readsBetterAuthsMemberTableThroughTheAppsDataSourceWhenOn() {
        runner.withBean(DataSource.class, PGSimpleDataSource::new)
                .withPropertyValues("better-auth.member-check=on", "better-auth.member-table=auth.member")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(JdbcBetterAuthMembers.class).table())
                            .isEqualTo("\"auth\".\"member\"");
                    assertThat(context).hasSingleBean(BetterAuthOrganizations.class);
                });
    }

    @Test
    void usesTheAppsOwnMemberStore() {
        runner.withBean(BetterAuthMembers.class, () -> OWN)
                .withPropertyValues("better-auth.member-check=ON")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BetterAuthMembers.class)).isSameAs(OWN);
                });
    }

    @Test
    void refusesToStartWithNothingToLookMembersUpIn() {
        runner.withPropertyValues("better-auth.member-check=on")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("better-auth.member-check is on but there is nothing"));
    }

    @Test
    void refusesBadSettingsNamingThem() {
        runner.withBean(BetterAuthMembers.class, () -> OWN)
                .withPropertyValues("better-auth.member-check=yes")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("better-auth.member-check"));
        runner.withBean(BetterAuthMembers.class, () -> OWN)
                .withPropertyValues("better-auth.member-check=on", "better-auth.member-cache-ttl=6s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("better-auth.member-cache-ttl"));
    }

    @Test
    void rolesBecomeAuthoritiesWithThePrefix() {
        runner.withBean(BetterAuthMembers.class, () -> OWN)
                .withPropertyValues("better-auth.member-check=on")
                .run(context -> {
                    BetterAuthOrganizations organizations = context.getBean(BetterAuthOrganizations.class);
                    assertThat(organizations.authorities(user("user-admin"), "org-1"))
                            .extracting(GrantedAuthority::getAuthority)
                            .containsExactly("ORG_admin", "ORG_member");
                    assertThat(organizations.authorities(user("user-stranger"), "org-1"))
                            .isEmpty();
                });
    }

    @Test
    void theRuleGrantsMembersWithTheRoleAndDeniesEveryoneElse() {
        BetterAuthOrganizations organizations =
                new BetterAuthOrganizations(new MembershipCheck(MembershipCheckSettings.defaults(), OWN), "ORG_");
        RequestAuthorizationContext org1 =
                new RequestAuthorizationContext(new MockHttpServletRequest(), Map.of("org", "org-1"));

        assertThat(organizations
                        .memberOf("org")
                        .authorize(() -> user("user-admin"), org1)
                        .isGranted())
                .isTrue();
        assertThat(organizations
                        .memberOf("org", "admin")
                        .authorize(() -> user("user-admin"), org1)
                        .isGranted())
                .isTrue();
        assertThat(organizations
                        .memberOf("org", "owner")
                        .authorize(() -> user("user-admin"), org1)
                        .isGranted())
                .isFalse();
        assertThat(organizations
                        .memberOf("org")
                        .authorize(() -> user("user-stranger"), org1)
                        .isGranted())
                .isFalse();
    }

    @Test
    void anUnreadableStoreIsTheUnavailableAnswer() {
        BetterAuthOrganizations organizations = new BetterAuthOrganizations(
                new MembershipCheck(MembershipCheckSettings.defaults(), (organization, user) -> {
                    throw new IllegalStateException("down");
                }),
                "ORG_");

        assertThatThrownBy(() -> organizations.membership(user("user-admin"), "org-1"))
                .isInstanceOf(MembershipCheckUnavailableException.class)
                .isInstanceOf(BetterAuthUnavailableException.class);
    }

    private static Authentication user(String id) {
        TestingAuthenticationToken token = new TestingAuthenticationToken(id, "n/a");
        token.setAuthenticated(true);
        return token;
    }
}
