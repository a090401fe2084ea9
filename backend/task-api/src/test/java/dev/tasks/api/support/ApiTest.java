package dev.tasks.api.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole API on a random port, on the shared test PostgreSQL, verifying real tokens from
 * {@link TestTokens}. Limits are off here (a suite makes many requests from one address);
 * RateLimitTest runs its own context with small limits. Actuator is on a random management port.
 * The session check runs as {@code if-present} here, so route tests need no Better Auth session
 * row for each user; SessionCheckTest runs the product's default, {@code required}. The change log
 * keeps 10 s of rows, not 11 minutes.
 * Subclasses without their own
 * configuration share one Spring context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "RATE_LIMIT_USER_RPS=0",
            "RATE_LIMIT_IP_RPS=0",
            "CORS_ORIGINS=http://localhost:3000,https://tasks.example.com",
            "BETTER_AUTH_SESSION_CHECK=if-present",
            // The change log keeps 11 minutes in production (SPEC 1.8); 10 s here, so a trim can be awaited.
            "tasks.change-log.retention=10s",
            // Actuator on a free management port (at its default address, 127.0.0.1), not the fixed 8081.
            "management.server.port=0"
        })
public abstract class ApiTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", TestPostgres::databaseUrl);
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    protected Api api() {
        return new Api(port);
    }

    /** A user of its own for each test: no test sees another's tasks, none needs cleaning up. */
    protected static String newUser() {
        return "user-" + java.util.UUID.randomUUID();
    }
}
