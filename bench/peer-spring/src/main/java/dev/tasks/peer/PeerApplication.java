package dev.tasks.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The stock Spring Boot resource server that bench/run.sh --compare-stock measures the task API against:
 * the JWT decoder comes from Spring Boot's auto-configuration and application.properties alone (JWKS URL,
 * RS256, issuer, audience), tasks live in memory. The only code beyond the controller is the minimum a
 * real app must write: /health open to all, and a user's tasks only for the token whose sub is that user.
 */
@SpringBootApplication
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/health")
                        .permitAll()
                        .requestMatchers("/api/{user}/tasks", "/api/{user}/tasks/**")
                        .access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() instanceof JwtAuthenticationToken jwt
                                        && jwt.getName().equals(context.getVariables().get("user"))))
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                // A bearer-token API: no HTTP session, no CSRF token (nothing rides on cookies).
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
