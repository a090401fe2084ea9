package io.github.betterauthjava.spring.roles;

import io.github.betterauthjava.spring.BetterAuthResourceServer;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An application with an admin-only endpoint ({@code hasRole("admin")}) and one that shows the authentication. */
@SpringBootApplication
@RestController
public class RolesApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http, BetterAuthResourceServer betterAuth) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/admin")
                        .hasRole("admin")
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(betterAuth)
                .build();
    }

    @GetMapping("/admin")
    Map<String, String> admin() {
        return Map.of("status", "ok");
    }

    @GetMapping("/whoami")
    Map<String, Object> whoami(Authentication authentication) {
        return Map.of(
                "name", authentication.getName(),
                "type", authentication.getClass().getSimpleName(),
                "authorities",
                        authentication.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .toList());
    }
}
