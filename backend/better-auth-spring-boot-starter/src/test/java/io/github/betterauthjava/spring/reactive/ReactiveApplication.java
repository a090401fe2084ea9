package io.github.betterauthjava.spring.reactive;

import io.github.betterauthjava.jwt.BetterAuthUser;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A WebFlux application that only adds the dependency: no security configuration of its own. */
@SpringBootApplication
@RestController
public class ReactiveApplication {

    @GetMapping("/me")
    Mono<BetterAuthUser> me(@AuthenticationPrincipal BetterAuthUser user) {
        return Mono.just(user);
    }
}
