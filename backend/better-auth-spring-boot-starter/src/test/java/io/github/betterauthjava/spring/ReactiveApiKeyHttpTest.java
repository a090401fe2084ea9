package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.betterauthjava.spring.reactive.ReactiveApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * {@link ApiKeyHttpContract} on WebFlux (the starter's default {@code SecurityWebFilterChain}): the
 * same properties, the same answers as the servlet stack.
 */
@SpringBootTest(
        classes = {ReactiveApplication.class, PostgresHttpTestSupport.Database.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=reactive",
            "better-auth.api-keys.enabled=true",
            "better-auth.api-keys.cache-ttl=0s"
        })
class ReactiveApiKeyHttpTest extends ApiKeyHttpContract {

    @Autowired
    ApplicationContext context;

    @Test
    void theReactiveAuthenticatorIsInTheReactiveChain() {
        assertThat(context.getBeansOfType(BetterAuthReactiveApiKeyAuthenticator.class))
                .hasSize(1);
        assertThat(context.getBean("betterAuthSecurityWebFilterChain")).isNotNull();
    }
}
