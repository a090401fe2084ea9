package io.github.betterauthjava.spring;

import static io.github.betterauthjava.jwt.testkit.Tokens.with;
import static io.github.betterauthjava.jwt.testkit.Tokens.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.jwt.BetterAuthUser;
import io.github.betterauthjava.jwt.Outcome;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 8725 §3.8 "Validate Issuer and Subject": the user is {@code sub} and nothing else; a token
 * naming no user, or naming it with the wrong JSON type, is refused (stock Spring would
 * authenticate it and answer 403 later). No {@code userId} fallback: Better Auth's
 * email-verification link is an HS256 JWT naming its user in {@code userId} (SPEC §4).
 */
class SubjectTest {

    private final Verifier verifier = Verifier.withJwks();
    private final Map<String, Object> claims = Tokens.claims(Instant.now());
    private final BetterAuthAuthenticationConverter converter = new BetterAuthAuthenticationConverter();

    @AfterEach
    void close() {
        verifier.close();
    }

    private BetterAuthUser userOf(Map<String, Object> claims) {
        return ((BetterAuthAuthentication) converter.convert(verifier.accepts(Tokens.sign(TestKeys.ED25519, claims))))
                .getPrincipal();
    }

    @Test
    void readsTheUserFromSubEmailAndName() {
        assertThat(userOf(claims)).isEqualTo(new BetterAuthUser(Tokens.USER, "ada@example.com", "Ada Lovelace"));
    }

    @Test
    void neverReadsTheUserFromUserId() {
        verifier.rejects(
                Tokens.sign(TestKeys.ED25519, with(without(claims, "sub"), "userId", "u_fallback")),
                Outcome.NO_SUBJECT);
    }

    @Test
    void anEmptySubIsNotReplacedByUserId() {
        verifier.rejects(
                Tokens.sign(TestKeys.ED25519, with(with(claims, "sub", ""), "userId", "u_fallback")),
                Outcome.NO_SUBJECT);
    }

    @Test
    void readsSubEvenWhenUserIdNamesSomeoneElse() {
        assertThat(userOf(with(claims, "userId", "someone-else")).id()).isEqualTo(Tokens.USER);
    }

    @Test
    void refusesTheShapeOfBetterAuthsEmailVerificationTokenEvenSignedWithTheHs256Secret() {
        // Signed with the very secret the verifier accepts HS256 with: the worst configuration (an
        // adopter who gave it Better Auth's BETTER_AUTH_SECRET) still refuses it.
        try (Verifier hs256 = Verifier.withSecret()) {
            hs256.rejects(
                    Tokens.emailVerificationLink(Tokens.SECRET, Tokens.USER, "ada@example.com", Instant.now()),
                    Outcome.NO_SUBJECT);
        }
    }

    @Test
    void rejectsATokenWithNeitherSubNorUserId() {
        verifier.rejects(Tokens.sign(TestKeys.ED25519, without(claims, "sub")), Outcome.NO_SUBJECT);
    }

    @Test
    void rejectsAnEmptyOrBlankSubWithoutUserId() {
        verifier.rejects(Tokens.sign(TestKeys.ED25519, with(claims, "sub", "")), Outcome.NO_SUBJECT);
        verifier.rejects(Tokens.sign(TestKeys.ED25519, with(claims, "sub", "   ")), Outcome.NO_SUBJECT);
    }

    @Test
    void rejectsANonStringSub() {
        for (Object sub : new Object[] {42, true, List.of(Tokens.USER), Map.of("id", Tokens.USER)}) {
            verifier.rejects(Tokens.sign(TestKeys.ED25519, with(claims, "sub", sub)), Outcome.NO_SUBJECT);
        }
    }

    @Test
    void leavesEmailAndNameNullWhenAbsentOrNotStrings() {
        BetterAuthUser user = userOf(with(without(claims, "name"), "email", List.of("a@b.c")));
        assertThat(user.email()).isNull();
        assertThat(user.name()).isNull();
    }

    @Test
    void namesTheAuthenticationByTheUserId() {
        var authentication = converter.convert(verifier.accepts(Tokens.sign(TestKeys.ED25519, claims)));
        assertThat(authentication.getName()).isEqualTo(Tokens.USER);
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(((BetterAuthAuthentication) authentication).getToken().getSubject())
                .isEqualTo(Tokens.USER);
    }
}
