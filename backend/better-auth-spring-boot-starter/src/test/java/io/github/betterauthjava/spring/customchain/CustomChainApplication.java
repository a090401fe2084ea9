package io.github.betterauthjava.spring.customchain;

import io.github.betterauthjava.jwt.BetterAuthUser;
import io.github.betterauthjava.spring.BetterAuthResourceServer;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An application with its own filter chain, made a Better Auth resource server in one line. */
@SpringBootApplication
@RestController
public class CustomChainApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http, BetterAuthResourceServer betterAuth) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/health")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(betterAuth)
                .build();
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "ok");
    }

    @GetMapping("/me")
    BetterAuthUser me(@AuthenticationPrincipal BetterAuthUser user) {
        return user;
    }
}
