package dev.tasks.api.config;

import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

@Configuration(proxyBeanMethods = false)
public class EnvConfiguration {

    /**
     * Reads each variable from Spring's property sources in precedence order, without resolving
     * {@code ${…}} placeholders: a password such as {@code pa${ss} } must arrive as written.
     */
    @Bean
    Env env(ConfigurableEnvironment environment) {
        return rawEnv(environment);
    }

    public static Env rawEnv(ConfigurableEnvironment environment) {
        return Env.of(name -> environment.getPropertySources().stream()
                .map(source -> rawValue(source, name))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null));
    }

    private static String rawValue(PropertySource<?> source, String name) {
        Object value = source.getProperty(name);
        return value == null ? null : value.toString();
    }
}
