package io.github.betterauthjava.jwt;

import static io.github.betterauthjava.jwt.testkit.Tokens.with;
import static io.github.betterauthjava.jwt.testkit.Tokens.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 8725 §2.7 "Substitution Attacks", §3.8 "Validate Issuer", §3.9 "Use and Validate
 * Audience": a token another issuer signed, or Better Auth signed for another audience, is
 * refused. {@code iss} must equal BETTER_AUTH_URL; {@code aud} (string or array) must contain
 * it — on HS256 tokens both are checked only when present (SPEC 1.2).
 */
class SubstitutionTest {

    private final Verifier verifier = Verifier.withSecret();
    private final Map<String, Object> claims = Tokens.claims(Instant.now());

    @AfterEach
    void close() {
        verifier.close();
    }

    private String token(Map<String, Object> claims) {
        return Tokens.sign(TestKeys.ED25519, claims);
    }

    @Test
    void rejectsAnotherIssuer() {
        verifier.rejects(token(with(claims, "iss", "https://evil.example")), Outcome.BAD_ISSUER);
    }

    @Test
    void theIssuerMismatchMessageNamesTheTokensIssBoundedAndTheExpectedOne() {
        assertThatThrownBy(() -> verifier.verify(token(with(claims, "iss", "http://127.0.0.1:3000"))))
                .hasMessage("The token's issuer (iss) is 'http://127.0.0.1:3000', not " + Tokens.ISSUER);
        String longIss = "https://evil.example/" + "a".repeat(5000);
        assertThatThrownBy(() -> verifier.verify(token(with(claims, "iss", longIss))))
                .hasMessageStartingWith("The token's issuer (iss) is 'https://evil.example/aaa")
                .hasMessageEndingWith("...', not " + Tokens.ISSUER)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
        assertThatThrownBy(() -> verifier.verify(token(without(claims, "iss"))))
                .hasMessage("The token's issuer (iss) is missing, not " + Tokens.ISSUER);
        assertThatThrownBy(() -> verifier.verify(token(with(claims, "iss", List.of(Tokens.ISSUER)))))
                .hasMessage("The token's issuer (iss) is not a string, not " + Tokens.ISSUER);
    }

    @Test
    void rejectsAnIssuerThatOnlyLooksAlike() {
        for (String iss : List.of(
                Tokens.ISSUER + "/",
                Tokens.ISSUER.toUpperCase(),
                Tokens.ISSUER + ".evil.example",
                "http://localhost:3001",
                " " + Tokens.ISSUER)) {
            verifier.rejects(token(with(claims, "iss", iss)), Outcome.BAD_ISSUER);
        }
    }

    @Test
    void rejectsAMissingOrNonStringIssuer() {
        verifier.rejects(token(without(claims, "iss")), Outcome.BAD_ISSUER);
        verifier.rejects(token(with(claims, "iss", List.of(Tokens.ISSUER))), Outcome.BAD_ISSUER);
    }

    @Test
    void rejectsAnotherAudience() {
        verifier.rejects(token(with(claims, "aud", "https://other-api.example")), Outcome.BAD_AUDIENCE);
    }

    @Test
    void rejectsAMissingAudienceOnAJwksToken() {
        verifier.rejects(token(without(claims, "aud")), Outcome.BAD_AUDIENCE);
    }

    @Test
    void acceptsAnAudienceArrayContainingOurs() {
        verifier.accepts(token(with(claims, "aud", List.of("https://other-api.example", Tokens.ISSUER))));
    }

    @Test
    void rejectsAnAudienceArrayWithoutOurs() {
        verifier.rejects(
                token(with(claims, "aud", List.of("https://other-api.example", "https://third.example"))),
                Outcome.BAD_AUDIENCE);
        verifier.rejects(token(with(claims, "aud", List.of())), Outcome.BAD_AUDIENCE);
    }

    @Test
    void rejectsAnAudienceOfTheWrongType() {
        verifier.rejects(token(with(claims, "aud", List.of(Tokens.ISSUER, 42))), Outcome.MALFORMED);
        verifier.rejects(token(with(claims, "aud", Map.of("aud", Tokens.ISSUER))), Outcome.MALFORMED);
        verifier.rejects(token(with(claims, "aud", 3000)), Outcome.MALFORMED);
    }

    @Test
    void checksTheAudienceOfHs256TokensWhenPresent() {
        verifier.rejects(Tokens.hs256(with(claims, "aud", "https://other-api.example")), Outcome.BAD_AUDIENCE);
        verifier.accepts(Tokens.hs256(with(claims, "aud", List.of(Tokens.ISSUER))));
    }

    @Test
    void checksTheIssuerOfHs256TokensWhenPresent() {
        verifier.rejects(Tokens.hs256(with(claims, "iss", "https://evil.example")), Outcome.BAD_ISSUER);
        verifier.rejects(Tokens.hs256(with(claims, "iss", List.of(Tokens.ISSUER))), Outcome.BAD_ISSUER);
    }

    @Test
    void acceptsHs256TokensWithoutIssuerOrAudience() {
        Map<String, Object> minimal = without(without(claims, "iss"), "aud");
        verifier.accepts(Tokens.hs256(minimal));
        verifier.accepts(Tokens.hs256(without(claims, "iss")));
    }

    @Test
    void rejectsAMissingIssuerOnAJwksToken() {
        verifier.rejects(token(without(claims, "iss")), Outcome.BAD_ISSUER);
    }
}
