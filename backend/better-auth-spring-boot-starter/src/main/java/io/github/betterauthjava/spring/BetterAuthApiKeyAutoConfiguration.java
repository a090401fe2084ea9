package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import io.github.betterauthjava.jwt.BetterAuthApiKeys;
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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Better Auth API keys, when {@code better-auth.api-keys.enabled=true}: Better Auth's apikey table
 * read through the application's DataSource (unless the application defines its own
 * {@link BetterAuthApiKeys}), the core's {@link ApiKeyCheck}, and {@link BetterAuthApiKeyAuthenticator},
 * which the starter's default chain adds before the bearer token filter. Servlet applications only.
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(
        after = BetterAuthAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(
        name = {"jakarta.servlet.http.HttpServletRequest"},
        value = JwtDecoder.class)
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
    ApiKeyCheck betterAuthApiKeyCheck(ApiKeyProperties properties, ObjectProvider<BetterAuthApiKeys> keys) {
        BetterAuthApiKeys store = keys.getIfAvailable();
        if (store == null) {
            // Never skip the check silently: with no store, no key could ever be refused or accepted.
            throw new IllegalStateException("better-auth.api-keys.enabled is true but there is nothing to look keys up"
                    + " in: add a DataSource for Better Auth's database, define a BetterAuthApiKeys bean, or set"
                    + " better-auth.api-keys.enabled=false");
        }
        return new ApiKeyCheck(properties.settings(), store, InstantSource.system());
    }

    @Bean
    @ConditionalOnMissingBean
    BetterAuthApiKeyAuthenticator betterAuthApiKeyAuthenticator(ApiKeyCheck check, ApiKeyProperties properties) {
        return new BetterAuthApiKeyAuthenticator(check, properties.header());
    }

    /** Says once, at start-up, when the table cannot be read; keys get 503 until it can. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> betterAuthApiKeyTableWarning(ObjectProvider<BetterAuthApiKeys> keys) {
        return event -> {
            if (keys.getIfAvailable() instanceof JdbcBetterAuthApiKeys jdbc) {
                jdbc.problem()
                        .ifPresent(problem -> log.warn(
                                "Better Auth API keys: the key table cannot be read: {}; API keys get 503 until it can",
                                problem));
            }
        };
    }
}
