package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever string reaches the decoder, it either returns a verified token or throws
 * a {@link TokenRejectedException} (a 401) for a reason it recognised; no other exception escapes and
 * no input falls through to the "unexpected error" outcome. Seeded, so a failure reproduces:
 * the seed and the input are in the assertion message.
 *
 * <p>Plain JUnit rather than jqwik: jqwik 1.10's engine prints a notice asking AI agents not to
 * use it, and this library is written with one.
 */
class FuzzTest {

    private static final long SEED = 0x5EEDBA5EL;
    private static final int ITERATIONS = 2500;
    private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final Verifier verifier = Verifier.withSecret();
    private final SplittableRandom random = new SplittableRandom(SEED);

    @AfterEach
    void close() {
        verifier.close();
    }

    @Test
    void randomBytesOnlyEverFailAsBadTokens() {
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] bytes = new byte[random.nextInt(0, 600)];
            random.nextBytes(bytes);
            check(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void randomBase64UrlSegmentsOnlyEverFailAsBadTokens() {
        for (int i = 0; i < ITERATIONS; i++) {
            int segments = random.nextInt(1, 7);
            List<String> parts = new ArrayList<>();
            for (int s = 0; s < segments; s++) {
                parts.add(random.nextBoolean() ? randomB64(random.nextInt(0, 200)) : Tokens.b64(randomJson(0)));
            }
            check(String.join(".", parts));
        }
    }

    @Test
    void mutatedValidTokensOnlyEverFailAsBadTokens() {
        List<String> valid = new ArrayList<>();
        for (JWK key : TestKeys.ALL) {
            valid.add(Tokens.sign(key, Tokens.claims(Instant.now())));
        }
        valid.add(Tokens.hs256(Tokens.claims(Instant.now())));
        for (int i = 0; i < ITERATIONS; i++) {
            check(mutate(valid.get(random.nextInt(valid.size()))));
        }
    }

    @Test
    void signedTokensWithRandomHeadersAndClaimsOnlyEverFailAsBadTokens() {
        String[] claimNames = {"exp", "nbf", "iat", "iss", "aud", "sub", "userId", "email", "name"};
        String[] headerNames = {"alg", "kid", "typ", "crit", "cty", "jku", "jwk", "b64", "zip"};
        for (int i = 0; i < ITERATIONS / 5; i++) {
            JWK key = TestKeys.ALL.get(random.nextInt(TestKeys.ALL.size()));
            Map<String, Object> header = new LinkedHashMap<>(Tokens.header(key));
            Map<String, Object> claims = Tokens.claims(Instant.now());
            for (int m = random.nextInt(1, 4); m > 0; m--) {
                claims.put(claimNames[random.nextInt(claimNames.length)], randomValue(0));
            }
            if (random.nextInt(4) == 0) {
                header.put(headerNames[random.nextInt(headerNames.length)], randomValue(0));
            }
            String token = Tokens.signRaw(
                    Tokens.signer(key),
                    JWSAlgorithm.parse(key.getAlgorithm().getName()),
                    JSONObjectUtils.toJSONString(header),
                    JSONObjectUtils.toJSONString(claims));
            check(token);
        }
    }

    private void check(String token) {
        try {
            verifier.verify(token);
        } catch (TokenRejectedException expected) {
            // a 401
        } catch (Throwable other) {
            throw new AssertionError("seed " + SEED + ": " + other + " for input " + printable(token), other);
        }
        assertThat(verifier.count(Outcome.ERROR))
                .as("seed %s: unexpected-error outcome for %s", SEED, printable(token))
                .isZero();
    }

    private String mutate(String token) {
        char[] chars = token.toCharArray();
        StringBuilder out = new StringBuilder(token);
        switch (random.nextInt(8)) {
            case 0 -> out.setCharAt(random.nextInt(chars.length), B64URL.charAt(random.nextInt(B64URL.length())));
            case 1 -> out.deleteCharAt(random.nextInt(chars.length));
            case 2 -> out.insert(random.nextInt(chars.length), B64URL.charAt(random.nextInt(B64URL.length())));
            case 3 -> out.setLength(random.nextInt(chars.length));
            case 4 -> {
                String[] parts = token.split("\\.", -1);
                int a = random.nextInt(parts.length);
                int b = random.nextInt(parts.length);
                String swap = parts[a];
                parts[a] = parts[b];
                parts[b] = swap;
                return String.join(".", parts);
            }
            case 5 -> {
                String[] parts = token.split("\\.", -1);
                byte[] json = Base64.getUrlDecoder().decode(parts[random.nextInt(2)]);
                json[random.nextInt(json.length)] = (byte) random.nextInt(256);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(json)
                        + token.substring(token.indexOf('.'));
            }
            case 6 -> out.append('.').append(randomB64(random.nextInt(0, 40)));
            default -> out.replace(0, token.indexOf('.'), Tokens.b64(randomJson(0)));
        }
        return out.toString();
    }

    private String randomB64(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(B64URL.charAt(random.nextInt(B64URL.length())));
        }
        return out.toString();
    }

    private String randomJson(int depth) {
        Object value = randomValue(depth);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return JSONObjectUtils.toJSONString(object);
        }
        return String.valueOf(value);
    }

    private Object randomValue(int depth) {
        return switch (random.nextInt(depth > 2 ? 7 : 9)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(0, 310));
            case 2 -> randomB64(random.nextInt(0, 30));
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> "";
            case 6 ->
                List.of("EdDSA", "none", "HS256", "ES256", "RS256", Tokens.ISSUER, "ed25519-1", "b64")
                        .get(random.nextInt(8));
            case 7 -> java.util.Arrays.asList(randomValue(depth + 1), randomValue(depth + 1));
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(
                        List.of("alg", "kid", "exp", "sub", "aud", "crit", "x").get(random.nextInt(7)),
                        randomValue(depth + 1));
                yield map;
            }
        };
    }

    private static String printable(String token) {
        String cut = token.length() > 300 ? token.substring(0, 300) + "…" : token;
        StringBuilder out = new StringBuilder();
        for (char c : cut.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
