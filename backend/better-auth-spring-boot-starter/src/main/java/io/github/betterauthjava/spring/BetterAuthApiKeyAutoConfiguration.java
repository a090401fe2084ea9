package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import io.github.betterauthjava.jwt.BetterAuthApiKeys;
import io.github.betterauthjava.jwt.BetterAuthMetrics;
import io.github.betterauthjava.jwt.JdbcBetterAuthApiKeys;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Better Auth API keys, when {@code better-auth.api-keys.enabled=true}: Better Auth's apikey table
 * read through the application's DataSource (unless the application defines its own
 * {@link BetterAuthApiKeys}), the core's {@link ApiKeyCheck}, and {@link BetterAuthApiKeyAuthenticator}
 * (servlet) or {@link BetterAuthReactiveApiKeyAuthenticator} (WebFlux), which the starter's default
 * chain adds before the bearer token's authentication. Every bean backs off when the application
 * defines its own.
 */
@AutoConfiguration(
        after = BetterAuthAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JwtDecoder.class)
@ConditionalOnProperty(name = "better-auth.api-keys.enabled", havingValue = "true")
@EnableConfigurationProperties(ApiKeyProperties.class)
public class BetterAuthApiKeyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BetterAuthApiKeyAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSource.class)
    BetterAuthApiKeys betterAuthApiKeyStore(DataSource dataSource, ApiKeyProperties properties) {
        return new JdbcBetterAuthApiKeys(dataSource, properties.table(), properties.userTable(), properties.configId());
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeyCheck betterAuthApiKeyCheck(
            ApiKeyProperties properties,
            ObjectProvider<BetterAuthApiKeys> keys,
            ObjectProvider<BetterAuthMetrics> metrics) {
        BetterAuthApiKeys store = keys.getIfAvailable();
        if (store == null) {
            // Never skip the check silently: with no store, no key could ever be refused or accepted.
            throw new IllegalStateException("better-auth.api-keys.enabled is true but there is nothing to look keys up"
                    + " in: add a DataSource for Better Auth's database, define a BetterAuthApiKeys bean, or set"
                    + " better-auth.api-keys.enabled=false");
        }
        return new ApiKeyCheck(
                properties.settings(),
                store,
                InstantSource.system(),
                metrics.getIfAvailable(() -> BetterAuthMetrics.NONE));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "jakarta.servlet.http.HttpServletRequest")
    static class Servlet {

        @Bean
        @ConditionalOnMissingBean
        BetterAuthApiKeyAuthenticator betterAuthApiKeyAuthenticator(ApiKeyCheck check, ApiKeyProperties properties) {
            return new BetterAuthApiKeyAuthenticator(check, properties.header());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass({ServerHttpSecurity.class, Mono.class})
    static class Reactive {

        @Bean
        @ConditionalOnMissingBean
        BetterAuthReactiveApiKeyAuthenticator betterAuthReactiveApiKeyAuthenticator(
                ApiKeyCheck check, ApiKeyProperties properties) {
            return new BetterAuthReactiveApiKeyAuthenticator(check, properties.header());
        }
    }

    /** Says once, at start-up, when the table cannot be read; keys get 503 until it can. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> betterAuthApiKeyTableWarning(ObjectProvider<BetterAuthApiKeys> keys) {
        return event -> {
            if (keys.getIfAvailable() instanceof JdbcBetterAuthApiKeys jdbc) {
                jdbc.problem()
                        .ifPresent(problem ->
                                log.warn("Better Auth API keys: {}; API keys get 503 until it can be read", problem));
            }
        };
    }
}
