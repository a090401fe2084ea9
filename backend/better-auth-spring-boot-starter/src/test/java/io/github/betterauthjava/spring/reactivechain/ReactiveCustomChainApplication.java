package io.github.betterauthjava.spring.reactivechain;

import io.github.betterauthjava.jwt.BetterAuthUser;
import io.github.betterauthjava.spring.BetterAuthReactiveResourceServer;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A WebFlux application with its own chain (the README's snippet): {@code /health} is public. */
@SpringBootApplication
@RestController
public class ReactiveCustomChainApplication {

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, BetterAuthReactiveResourceServer betterAuth) {
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/health")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(betterAuth.entryPoint()))
                .oauth2ResourceServer(betterAuth)
                .build();
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "ok");
    }

    @GetMapping("/me")
    Mono<BetterAuthUser> me(@AuthenticationPrincipal BetterAuthUser user) {
        return Mono.just(user);
    }
}
