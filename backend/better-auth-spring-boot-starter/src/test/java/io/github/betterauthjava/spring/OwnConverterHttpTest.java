package io.github.betterauthjava.spring;

import static io.github.betterauthjava.jwt.testkit.Tokens.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import io.github.betterauthjava.spring.roles.RolesApplication;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * An application's own {@code Converter<Jwt, ? extends AbstractAuthenticationToken>} bean, with no
 * {@code @Primary}, replaces the library's: its rule (roles from a {@code groups} claim) decides
 * {@code hasRole("admin")} over real HTTP, and the library's {@code role} property no longer does.
 */
@SpringBootTest(
        classes = RolesApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "better-auth.authorities.claim=role")
@Import(OwnConverterHttpTest.GroupsAsRoles.class)
class OwnConverterHttpTest extends HttpTestSupport {

    @TestConfiguration(proxyBeanMethods = false)
    static class GroupsAsRoles {

        @Bean
        Converter<Jwt, AbstractAuthenticationToken> groupsAsRoles() {
            JwtGrantedAuthoritiesConverter groups = new JwtGrantedAuthoritiesConverter();
            groups.setAuthoritiesClaimName("groups");
            groups.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(groups);
            return converter;
        }
    }

    @Autowired
    ApplicationContext context;

    private static String token(String claim, Object value) {
        return Tokens.sign(TestKeys.ED25519, with(Tokens.claims(Instant.now()), claim, value));
    }

    @Test
    void theApplicationsConverterDecidesTheRoles() {
        assertThat(http.bearer("/admin", token("groups", List.of("admin"))).statusCode())
                .isEqualTo(200);
        assertThat(http.bearer("/admin", token("groups", List.of("staff"))).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theLibrarysConverterIsGone() {
        assertThat(http.bearer("/admin", token("role", "admin")).statusCode()).isEqualTo(403);
        assertThat(Http.json(http.bearer("/whoami", token("groups", List.of("admin")))))
                .containsEntry("type", "JwtAuthenticationToken");
        assertThat(context.getBeansOfType(BetterAuthAuthenticationConverter.class))
                .isEmpty();
    }

    @Test
    void tokensAreStillVerifiedByTheLibrary() {
        assertThat(http.bearer("/admin", "a.b.c").statusCode()).isEqualTo(401);
        assertThat(http.get("/admin").statusCode()).isEqualTo(401);
    }
}
