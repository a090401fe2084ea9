package io.github.betterauthjava.spring;

import static io.github.betterauthjava.jwt.testkit.Tokens.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.github.betterauthjava.spring.roles.RolesApplication;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code better-auth.authorities.claim=role}: Better Auth's admin-plugin {@code role} claim
 * decides {@code hasRole("admin")} over real HTTP, in each shape Better Auth writes it.
 */
@SpringBootTest(
        classes = RolesApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "better-auth.authorities.claim=role")
class RoleClaimHttpTest extends HttpTestSupport {

    private static String withRole(Object role) {
        return Tokens.sign(TestKeys.ED25519, with(Tokens.claims(Instant.now()), "role", role));
    }

    @Test
    void letsAnAdminIn() {
        assertThat(http.bearer("/admin", withRole("admin")).statusCode()).isEqualTo(200);
    }

    @Test
    void letsAnAdminInWhoseRolesAreCommaSeparatedOrAnArray() {
        assertThat(http.bearer("/admin", withRole("user, admin")).statusCode()).isEqualTo(200);
        assertThat(http.bearer("/admin", withRole(List.of("user", "admin"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void keepsOtherRolesOutWith403() {
        assertThat(http.bearer("/admin", withRole("user")).statusCode()).isEqualTo(403);
        assertThat(http.bearer("/admin", withRole("Admin")).statusCode())
                .as("roles are case-sensitive")
                .isEqualTo(403);
        assertThat(http.bearer("/admin", withRole("administrator")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTokenWithoutARoleIsAuthenticatedButNoAdmin() {
        String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
        assertThat(http.bearer("/whoami", token).statusCode()).isEqualTo(200);
        assertThat(http.bearer("/admin", token).statusCode()).isEqualTo(403);
    }

    @Test
    void aRoleClaimOfAnotherTypeGrantsNothingAndRefusesNoOne() {
        String token = withRole(Map.of("admin", true));
        assertThat(http.bearer("/whoami", token).statusCode()).isEqualTo(200);
        assertThat(http.bearer("/admin", token).statusCode()).isEqualTo(403);
    }

    @Test
    void theAuthenticationIsStillBetterAuthsWithPrefixedRoles() {
        Map<String, Object> who = Http.json(http.bearer("/whoami", withRole("user,admin")));
        assertThat(who)
                .containsEntry("name", Tokens.USER)
                .containsEntry("type", "BetterAuthAuthentication")
                .containsEntry("authorities", List.of("ROLE_user", "ROLE_admin"));
    }
}
