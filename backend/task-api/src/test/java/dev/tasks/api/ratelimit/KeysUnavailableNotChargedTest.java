package dev.tasks.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.tasks.api.support.Api;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import io.github.betterauthjava.jwt.testkit.JwksServer;
import io.github.betterauthjava.jwt.testkit.TestKeys;
import io.github.betterauthjava.jwt.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A token the API cannot judge because Better Auth's JWKS is down gets 503 and is not charged to
 * the client's address (docs/SECURITY.md, residual risks): an honest client must not be limited
 * for our outage. With an address burst of 3, five such 503s leave the whole burst for bad tokens.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "RATE_LIMIT_USER_RPS=1",
            "RATE_LIMIT_USER_BURST=3",
            "RATE_LIMIT_IP_RPS=1",
            "RATE_LIMIT_IP_BURST=3",
            "MANAGEMENT_SERVER_PORT=off",
            "BETTER_AUTH_SESSION_CHECK=if-present",
            // The buckets live in the test PostgreSQL that other test contexts share, with clocks of
            // their own: this test's address is its own (X-Forwarded-For from a trusted loopback).
            "TRUSTED_PROXIES=127.0.0.1/32,::1/128"
        })
@Import(RateLimitTest.ManualClock.class)
class KeysUnavailableNotChargedTest {

    // This class's own key server, so switching it off touches no other test's context.
    private static final JwksServer JWKS = new JwksServer(List.of(TestKeys.ed25519("published")));
    private static final OctetKeyPair UNPUBLISHED = TestKeys.ed25519("not-yet-published");

    @LocalServerPort
    private int port;

    @Autowired
    private RateLimitTest.ManualClock clock;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", TestPostgres::databaseUrl);
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("better-auth.jwks-url", JWKS::url);
    }

    @Test
    void aTokenWithAnUnknownKeyDuringAJwksOutageGets503AndCostsTheAddressNothing() {
        clock.advance(Duration.ofHours(1)); // fresh buckets
        Api api = new Api(port);
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(254));
        JWKS.mode(JwksServer.Mode.DOWN);
        String unknownKid = Tokens.sign(
                UNPUBLISHED, Tokens.with(Tokens.claims(Instant.now()), "sub", "user-" + java.util.UUID.randomUUID()));

        List<Api.Response> unavailable = IntStream.range(0, 5)
                .mapToObj(i -> api.send(api.request("/api/me", unknownKid).header("X-Forwarded-For", address)))
                .toList();
        List<Integer> badTokens = IntStream.range(0, 4)
                .mapToObj(
                        i -> api.send(api.request("/api/me", "not-a-token-" + i).header("X-Forwarded-For", address))
                                .status())
                .toList();

        assertThat(unavailable).extracting(Api.Response::status).containsOnly(503);
        assertThat(unavailable.getFirst().header("Retry-After")).isPresent();
        assertThat(badTokens)
                .as("the address's burst of 3 is untouched by the 503s, then charged as usual")
                .containsExactly(401, 401, 401, 429);
    }
}
