package dev.tasks.api.web;

import java.util.List;
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

    @Bean
    ShutdownDrain shutdownDrain(ShutdownDrainSettings settings) {
        return new ShutdownDrain(settings);
    }

    /** Right after the request id, so every response, a 401 or a 429 too, says when to reconnect. */
    @Bean
    FilterRegistrationBean<ShutdownDrain> shutdownDrainFilter(ShutdownDrain drain) {
        FilterRegistrationBean<ShutdownDrain> registration = new FilterRegistrationBean<>(drain);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
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
        // Idempotency-Key: the web app's retried creates (idempotency.IdempotencyKeyFilter).
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Last-Event-ID", "Idempotency-Key"));
        cors.setExposedHeaders(List.of("Location", "X-Total-Count"));
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
