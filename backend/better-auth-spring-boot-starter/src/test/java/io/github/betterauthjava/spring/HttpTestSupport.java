package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.testkit.JwksServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The set-up every HTTP test of a test application shares: a JWKS server publishing every test
 * key, the application pointed at it, and a client for the application's random port. Subclasses
 * are {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} on an application of their choice.
 */
abstract class HttpTestSupport {

    /**
     * One server for every HTTP test in this JVM, left running until the JVM ends: Spring caches
     * application contexts across test classes, and a cached one must still find its keys.
     */
    static final JwksServer JWKS = JwksServer.withAllKeys();

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("better-auth.jwks-url", JWKS::url);
    }

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        // A test may have taken the key server down; every test starts with it up.
        JWKS.mode(JwksServer.Mode.OK);
        http = new Http(port);
    }
}
