package dev.tasks.api.web;

import dev.tasks.api.problem.Problems;
import dev.tasks.api.ratelimit.RateLimitFilter;
import dev.tasks.api.ratelimit.RateLimitedEntryPoint;
import dev.tasks.api.ratelimit.RateLimits;
import io.github.betterauthjava.spring.BetterAuthApiKeyAuthenticator;
import io.github.betterauthjava.spring.BetterAuthResourceServer;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.ErrorResponse;

/**
 * Who may call what. Tokens are verified by better-auth-spring-boot-starter; this decides the rest:
 * <ul>
 * <li>health and API docs are public (metrics too, on the management port); everything else needs a
 * valid Bearer token;</li>
 * <li>task paths only for the user the token speaks for (else 403): the rule is the task
 * feature's own (owned.Ownership), applied here as one of the {@link RouteRules};</li>
 * <li>or a Better Auth API key in {@code x-api-key}, as its owner (scripts; not live events);</li>
 * <li>a token whose Better Auth session cannot be checked right now: 503, not 401;</li>
 * <li>abuse limits per user and per address, then the body size limit;</li>
 * <li>no sessions, no cookies, so no CSRF: the token is in a header a foreign page cannot set.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            BetterAuthResourceServer betterAuth,
            RateLimits limits,
            Problems problems,
            List<RouteRules> routeRules,
            ObjectProvider<BetterAuthApiKeyAuthenticator> apiKeys)
            throws Exception {
        AuthenticationEntryPoint entryPoint =
                new UnavailableEntryPoint(problems, new RateLimitedEntryPoint(betterAuth.entryPoint(), limits));
        // A rule that says why it refused (owned.TeamAccess: 404 outside a team, 403 for a member's list
        // management) is an ErrorResponse; a plain denial is the user rule's.
        AccessDeniedHandler denied = (request, response, failure) -> problems.write(
                request,
                response,
                failure instanceof ErrorResponse answer
                        ? Problems.of(answer.getStatusCode(), answer.getBody().getDetail())
                        : Problems.of(
                                HttpStatus.FORBIDDEN,
                                "The user id in the path is not the user of the token: you can only reach your own"
                                        + " tasks."));
        // Better Auth API keys (x-api-key), for scripts: the key's owner is the same principal a token
        // of theirs is, so ownership, teams and the per-user limit apply unchanged. A bad key is a 401
        // through the same entry point (and counts against the address like a bad token).
        apiKeys.ifAvailable(keys -> keys.addTo(http, entryPoint));
        http.csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        // JSON only under /api: nothing there may run scripts or be framed. (/docs needs scripts.)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request -> request.getServletPath().startsWith("/api/"),
                                new StaticHeadersWriter(
                                        "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                            .permitAll()
                            .requestMatchers("/health", "/health/ready")
                            .permitAll()
                            .requestMatchers("/openapi.json", "/openapi.json/**", "/docs", "/docs/**", "/swagger-ui/**")
                            .permitAll()
                            // Actuator lives on the management port (config.ManagementSettings), where this chain
                            // applies too and exposes only health, info and metrics; on the API port the path
                            // exists for nobody, so everyone gets the same 404, with or without a token.
                            .requestMatchers("/actuator", "/actuator/**")
                            .permitAll();
                    // Each feature's own rules (owned.Ownership: a path under /api/{user_id} is the token's user).
                    routeRules.forEach(rules -> rules.apply(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(betterAuth)
                .oauth2ResourceServer(resourceServer ->
                        resourceServer.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterAfter(new RateLimitFilter(limits), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new BodySizeLimitFilter(problems), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * No Spring Security observations: they wrap each of the chain's filters in before/after
     * events on every request (about a fifth of the API's CPU in bench/ profiles) and produce spans
     * nobody reads here. Request timings stay in http.server.requests.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring's strict firewall, with its header character rules checked without regexes. */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }
}
