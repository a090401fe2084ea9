package io.github.betterauthjava.spring.app;

import io.github.betterauthjava.jwt.BetterAuthUser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that only adds the dependency: no security configuration of its own. One
 * endpoint returns the principal.
 */
@SpringBootApplication
@RestController
public class DefaultChainApplication {

    @GetMapping("/me")
    BetterAuthUser me(@AuthenticationPrincipal BetterAuthUser user) {
        return user;
    }

    @PostMapping("/me")
    BetterAuthUser postMe(@AuthenticationPrincipal BetterAuthUser user) {
        return user;
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
