package dev.tasks.peer;

import org.springframework.beans.factory.annotation.Value;
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
 *
 * <p>With {@code PEER_DATABASE_URL} (a JDBC URL; {@code PEER_DATABASE_USER}, {@code PEER_DATABASE_PASSWORD})
 * the {@value #DATABASE} profile is on: the tasks are then read from the task API's own PostgreSQL table
 * ({@link DatabaseTaskController}), for a like-for-like comparison with a server that queries a database.
 */
@SpringBootApplication
public class PeerApplication {

    /** The profile of the database mode (application-database.properties). */
    static final String DATABASE = "database";

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(PeerApplication.class);
        if (System.getenv("PEER_DATABASE_URL") != null) {
            app.setAdditionalProfiles(DATABASE);
        }
        app.run(args);
    }

    /**
     * {@code peer.permit-error=true} (env {@code PEER_PERMIT_ERROR}) also opens Boot's {@code /error}, as many
     * apps do so their error bodies reach clients: it changes what a JWKS outage answers (the starter
     * README's comparison measured both).
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http, @Value("${peer.permit-error:false}") boolean permitError)
            throws Exception {
        String[] open = permitError ? new String[] {"/health", "/error"} : new String[] {"/health"};
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(open)
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
