package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** How a role claim reads as authorities, in each shape Better Auth writes it and a few it never does. */
class ClaimAuthoritiesTest {

    private static final ClaimAuthorities ROLES = new ClaimAuthorities("role", "ROLE_");

    private static Jwt jwt(Object role) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "EdDSA")
                .subject("u1")
                .issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(900));
        if (role != null) {
            jwt.claim("role", role);
        }
        return jwt.build();
    }

    private static List<String> names(ClaimAuthorities authorities, Object role) {
        return authorities.convert(jwt(role)).stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }

    @Test
    void readsAStringACommaSeparatedStringAndAnArray() {
        assertThat(names(ROLES, "admin")).containsExactly("ROLE_admin");
        assertThat(names(ROLES, "admin,user")).containsExactly("ROLE_admin", "ROLE_user");
        assertThat(names(ROLES, List.of("admin", "user"))).containsExactly("ROLE_admin", "ROLE_user");
    }

    @Test
    void trimsDropsBlanksAndRepeats() {
        assertThat(names(ROLES, " admin , ,user,admin,")).containsExactly("ROLE_admin", "ROLE_user");
        assertThat(names(ROLES, Arrays.asList("admin ", "", 7, null, "a,b")))
                .containsExactly("ROLE_admin", "ROLE_a", "ROLE_b");
    }

    @Test
    void grantsNothingForAMissingOrOddClaim() {
        assertThat(names(ROLES, null)).isEmpty();
        assertThat(names(ROLES, 1)).isEmpty();
        assertThat(names(ROLES, true)).isEmpty();
        assertThat(names(ROLES, Map.of("admin", true))).isEmpty();
        assertThat(names(ROLES, "  ")).isEmpty();
    }

    @Test
    void usesThePrefixGivenEvenAnEmptyOne() {
        assertThat(names(new ClaimAuthorities("role", ""), "admin")).containsExactly("admin");
        assertThat(names(new ClaimAuthorities("role", "SCOPE_"), "admin")).containsExactly("SCOPE_admin");
    }

    @Test
    void grantsNothingWhenNoClaimIsNamed() {
        assertThat(names(ClaimAuthorities.NONE, "admin")).isEmpty();
        assertThat(names(new AuthoritiesProperties(" ", null).authorities(), "admin"))
                .isEmpty();
        assertThat(names(new AuthoritiesProperties("role", null).authorities(), "admin"))
                .containsExactly("ROLE_admin");
    }
}
