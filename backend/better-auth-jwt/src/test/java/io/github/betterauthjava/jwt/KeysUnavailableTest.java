package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When the keys cannot be fetched, a token whose key is not known is "cannot tell now"
 * ({@link KeysUnavailableException}: 503), never a refusal that would sign its holder out; the
 * log names the JWKS URL, the exception (shown to clients) never does. And the verifier says at
 * start-up where it expects tokens from.
 */
class KeysUnavailableTest {

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("io.github.betterauthjava.jwt").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("io.github.betterauthjava.jwt").removeHandler(capture);
    }

    private List<String> messages(Level level) {
        return logged.stream()
                .filter(r -> r.getLevel().equals(level))
                .map(LogRecord::getMessage)
                .toList();
    }

    private static BetterAuthVerifier verifier(String jwksUrl) {
        return BetterAuthVerifier.create(
                BetterAuthSettings.builder(Tokens.ISSUER).jwksUrl(jwksUrl).build());
    }

    @ParameterizedTest
    @EnumSource(
            value = JwksServer.Mode.class,
            names = {"DOWN", "GARBAGE", "EMPTY"})
    void aColdStartWithABrokenJwksIsUnavailableNotARefusal(JwksServer.Mode mode) {
        try (JwksServer jwks = JwksServer.withAllKeys();
                BetterAuthVerifier verifier = verifier(jwks.url())) {
            jwks.mode(mode);
            String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
            assertThatThrownBy(() -> verifier.verify(token))
                    .isExactlyInstanceOf(KeysUnavailableException.class)
                    .hasMessageContaining("signing keys cannot be fetched right now")
                    .hasMessageNotContaining(jwks.url())
                    .hasMessageNotContaining("127.0.0.1");
            assertThat(messages(Level.WARNING))
                    .as("the log says where and why")
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("Better Auth's signing keys could not be fetched from " + jwks.url()));
        }
    }

    @Test
    void nothingListeningIsUnavailableToo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/api/auth/jwks";
        try (BetterAuthVerifier verifier = verifier(url)) {
            assertThatThrownBy(() -> verifier.verify(Tokens.sign(TestKeys.P256, Tokens.claims(Instant.now()))))
                    .isExactlyInstanceOf(KeysUnavailableException.class)
                    .hasMessageNotContaining(url);
        }
    }

    @Test
    void theOutageEndsByItself() throws InterruptedException {
        try (JwksServer jwks = JwksServer.withAllKeys();
                BetterAuthVerifier verifier = BetterAuthVerifier.create(BetterAuthSettings.builder(Tokens.ISSUER)
                        .jwksUrl(jwks.url())
                        .jwksMinRefetchInterval(java.time.Duration.ofSeconds(1))
                        .build())) {
            jwks.mode(JwksServer.Mode.DOWN);
            String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
            assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(KeysUnavailableException.class);
            jwks.mode(JwksServer.Mode.OK);
            // The next fetch is allowed a second after the failed one.
            VerifiedToken verified = null;
            for (int i = 0; i < 40 && verified == null; i++) {
                try {
                    verified = verifier.verify(token);
                } catch (KeysUnavailableException stillDown) {
                    Thread.sleep(250);
                }
            }
            assertThat(verified).isNotNull();
            assertThat(verified.user().id()).isEqualTo(Tokens.USER);
        }
    }

    @Test
    void stillSaysUnknownKidWhenTheKeysWereFetched() {
        try (JwksServer jwks = JwksServer.withAllKeys();
                BetterAuthVerifier verifier = verifier(jwks.url())) {
            String stranger = Tokens.sign(TestKeys.ed25519("not-published"), Tokens.claims(Instant.now()));
            assertThatThrownBy(() -> verifier.verify(stranger))
                    .isInstanceOfSatisfying(
                            TokenRejectedException.class,
                            e -> assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN_KID));
        }
    }

    @Test
    void logsTheIssuerAndTheJwksUrlAtStartUpInOneLine() {
        try (BetterAuthVerifier ignored = verifier("https://auth.example.com/api/auth/jwks")) {
            assertThat(messages(Level.INFO))
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("Better Auth tokens: issuer " + Tokens.ISSUER
                                    + ", keys from https://auth.example.com/api/auth/jwks,")
                            .doesNotContain("\n"));
        }
    }
}
