package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jwks-max-bytes}: a JWKS document larger than the cap is refused even when the keys in it
 * are good, whether its size is declared (Content-Length) or only found out by reading (chunked);
 * one at the cap is taken. The documents here hold the real keys, so without the cap the
 * oversized ones would be adopted and these tests fail.
 */
class JwksSizeCapTest {

    private static final int CAP = 4096;

    private static BetterAuthSettings settings(JwksServer jwks) {
        return BetterAuthSettings.builder(Tokens.ISSUER)
                .jwksUrl(jwks.url())
                .jwksMaxBytes(CAP)
                .build();
    }

    private static String token() {
        return Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void refusesAJwksOneByteOverTheCapThoughItsKeysAreGood(boolean chunked) {
        try (JwksServer jwks = JwksServer.withAllKeys();
                JwksKeys keys = new JwksKeys(settings(jwks))) {
            jwks.padTo(CAP + 1, chunked);

            CompletableFuture<Void> fetch = keys.refresh();

            assertThatThrownBy(fetch::join).hasRootCauseInstanceOf(SizeCappedBody.TooLarge.class);
            assertThat(keys.size()).isZero();
            assertThat(keys.fetchProblem()).contains("document larger than " + CAP + " bytes");
        }
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void aTokenWhoseKeysComeOnlyInAnOversizedJwksIsUnavailableNotAccepted(boolean chunked) {
        try (JwksServer jwks = JwksServer.withAllKeys();
                BetterAuthVerifier verifier = BetterAuthVerifier.create(settings(jwks))) {
            jwks.padTo(10 * 1024 * 1024, chunked);

            assertThatThrownBy(() -> verifier.verify(token())).isExactlyInstanceOf(KeysUnavailableException.class);
        }
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void takesAJwksOfExactlyTheCap(boolean chunked) throws Exception {
        try (JwksServer jwks = JwksServer.withAllKeys();
                BetterAuthVerifier verifier = BetterAuthVerifier.create(settings(jwks))) {
            jwks.padTo(CAP, chunked);

            assertThat(verifier.verify(token()).user().id()).isEqualTo(Tokens.USER);
        }
    }
}
