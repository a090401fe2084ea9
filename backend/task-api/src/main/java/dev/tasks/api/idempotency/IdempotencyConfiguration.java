package dev.tasks.api.idempotency;

import dev.tasks.api.problem.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    IdempotentRequests idempotentRequests(JdbcClient jdbc) {
        return new IdempotentRequests(jdbc);
    }

    /**
     * After Spring Security's chain (order -100): the user is known, the body size limit applies to
     * what this filter reads, and requests the chain refuses never claim a key.
     */
    @Bean
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(IdempotentRequests requests, Problems problems) {
        FilterRegistrationBean<IdempotencyKeyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyKeyFilter(requests, problems));
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    IdempotencyCleanup idempotencyCleanup(IdempotentRequests requests) {
        return new IdempotencyCleanup(requests);
    }
}
