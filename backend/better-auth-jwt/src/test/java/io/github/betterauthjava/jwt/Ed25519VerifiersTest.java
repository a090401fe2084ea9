package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.github.betterauthjava.jwt.BetterAuthSettings.Ed25519Provider;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ed25519 works with Tink (when present) and with the JDK alone; Tink is optional. */
class Ed25519VerifiersTest {

    @ParameterizedTest
    @EnumSource(Ed25519Provider.class)
    void verifiesBetterAuthsEd25519TokensWithEitherImplementation(Ed25519Provider provider) {
        OctetKeyPair rfc9864 = new OctetKeyPair.Builder(TestKeys.ed25519("ed25519-2"))
                .algorithm(JWSAlgorithm.Ed25519)
                .build();
        try (JwksServer jwks = new JwksServer(List.of(TestKeys.ED25519, rfc9864));
                BetterAuthVerifier verifier = BetterAuthVerifier.create(BetterAuthSettings.builder(Tokens.ISSUER)
                        .jwksUrl(jwks.url())
                        .ed25519(provider)
                        .tokenCacheSize(0)
                        .build())) {
            String token = Tokens.sign(TestKeys.ED25519, Tokens.claims(Instant.now()));
            assertThat(verifier.verify(token).user().id()).isEqualTo(Tokens.USER);
            assertThat(verifier.verify(Tokens.sign(rfc9864, Tokens.claims(Instant.now())))
                            .user()
                            .id())
                    .isEqualTo(Tokens.USER);
            char last = token.charAt(token.length() - 2);
            String tampered = token.substring(0, token.length() - 2)
                    + (last == 'A' ? 'B' : 'A')
                    + token.charAt(token.length() - 1);
            assertThatThrownBy(() -> verifier.verify(tampered))
                    .isInstanceOfSatisfying(
                            TokenRejectedException.class,
                            e -> assertThat(e.outcome()).isEqualTo(Outcome.BAD_SIGNATURE));
        }
    }

    @Test
    void usesTinkWhenItIsOnTheClassPathUnlessToldToUseTheJdk() {
        assertThat(new Ed25519Verifiers(Ed25519Provider.AUTO).name()).isEqualTo("tink");
        assertThat(new Ed25519Verifiers(Ed25519Provider.JDK).name()).isEqualTo("jdk");
    }

    @Test
    void passesTheStartUpCheckWithEitherImplementation() {
        new Ed25519Verifiers(Ed25519Provider.AUTO).selfTest();
        new Ed25519Verifiers(Ed25519Provider.JDK).selfTest();
    }

    /** The class path of an application that left Tink out: the core alone must pick the JDK and pass its check. */
    @Test
    void fallsBackToTheJdkWhenTinkIsNotOnTheClassPath() throws Exception {
        URL[] withoutTink = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("tink"))
                .map(entry -> {
                    try {
                        return new File(entry).toURI().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(withoutTink, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("com.google.crypto.tink.subtle.Ed25519Verify"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> verifiers = loader.loadClass(Ed25519Verifiers.class.getName());
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object auto = Enum.valueOf((Class) loader.loadClass(Ed25519Provider.class.getName()), "AUTO");
            Constructor<?> constructor = verifiers.getDeclaredConstructor(auto.getClass());
            constructor.setAccessible(true);
            Object chosen = constructor.newInstance(auto);
            Method name = verifiers.getDeclaredMethod("name");
            name.setAccessible(true);
            assertThat(name.invoke(chosen)).isEqualTo("jdk");
            Method selfTest = verifiers.getDeclaredMethod("selfTest");
            selfTest.setAccessible(true);
            selfTest.invoke(chosen);
        }
    }
}
