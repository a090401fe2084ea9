package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The checks every token passes before its cache lookup: the alphabet and the hash. */
class TokenSyntaxTest {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void segmentsCountsTheDotsOfABase64urlToken() {
        assertThat(TokenSyntax.segments("a.b.c")).isEqualTo(3);
        assertThat(TokenSyntax.segments("a.b.c.d.e")).isEqualTo(5);
        assertThat(TokenSyntax.segments(BASE64URL + "." + BASE64URL + "." + BASE64URL))
                .isEqualTo(3);
        assertThat(TokenSyntax.segments("")).isEqualTo(1);
    }

    @Test
    void everyCharacterOutsideBase64urlAndTheDotIsRefused() {
        // All of Latin-1 and beyond: also characters whose low 7 bits spell a base64url one (U+00C1 → 'A').
        for (char c = 0; c < 0x3000; c++) {
            boolean allowed = BASE64URL.indexOf(c) >= 0 || c == '.';
            assertThat(TokenSyntax.segments("ab" + c + "cd") >= 0)
                    .as("U+%04X", (int) c)
                    .isEqualTo(allowed);
        }
        assertThat(TokenSyntax.segments("a.b.c" + Character.toString(0x1F600))).isEqualTo(-1);
    }

    @Test
    void theCacheKeyIsTheBase64OfTheTokensSha256() throws Exception {
        String token = "header.payload.signature-" + "x".repeat(700);
        String expected = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));

        assertThat(new TokenDigest().sha256(token)).isEqualTo(expected);
    }

    @Test
    void oneDigestServesConcurrentCallersWithoutMixingTheirTokens() throws Exception {
        TokenDigest digest = new TokenDigest();
        List<String> tokens = IntStream.range(0, 64)
                .mapToObj(i -> "token-" + i + "-" + "y".repeat(i * 13))
                .toList();
        List<String> alone = tokens.stream().map(new TokenDigest()::sha256).toList();

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> work = IntStream.range(0, 8)
                    .<Callable<List<String>>>mapToObj(
                            i -> () -> tokens.stream().map(digest::sha256).toList())
                    .toList();
            for (Future<List<String>> result : threads.invokeAll(work)) {
                assertThat(result.get()).isEqualTo(alone);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
