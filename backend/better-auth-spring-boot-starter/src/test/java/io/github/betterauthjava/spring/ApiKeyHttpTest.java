package io.github.betterauthjava.spring;

import io.github.betterauthjava.spring.app.DefaultChainApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link ApiKeyHttpContract} on the servlet stack (the starter's default {@code SecurityFilterChain}). */
@SpringBootTest(
        classes = {DefaultChainApplication.class, PostgresHttpTestSupport.Database.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"better-auth.api-keys.enabled=true", "better-auth.api-keys.cache-ttl=0s"})
class ApiKeyHttpTest extends ApiKeyHttpContract {}
