package dev.tasks.api.web;

import dev.tasks.api.problem.Problems;
import dev.tasks.api.ratelimit.ClientAddress;
import dev.tasks.api.ratelimit.RateLimitSettings;
import dev.tasks.api.ratelimit.RateLimiter;
import dev.tasks.api.ratelimit.RateLimits;
import io.github.bucket4j.TimeMeter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Picked up by Spring Security's {@code cors()}; preflights are answered before authentication. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.origins());
        cors.setAllowCredentials(true);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        // Last-Event-ID: a live stream (SPEC 1.8) resumes with it, read by fetch from the web app's origin.
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("Location", "X-Total-Count"));
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** The clock is a bean only in tests (a frozen one makes limits deterministic); otherwise the system's. */
    @Bean
    RateLimits rateLimits(RateLimitSettings settings, ObjectProvider<TimeMeter> clock, Problems problems) {
        TimeMeter time = clock.getIfAvailable(() -> TimeMeter.SYSTEM_NANOTIME);
        return new RateLimits(
                new RateLimiter(settings.user(), time),
                new RateLimiter(settings.address(), time),
                new ClientAddress(settings.trustedProxies()),
                problems);
    }
}
