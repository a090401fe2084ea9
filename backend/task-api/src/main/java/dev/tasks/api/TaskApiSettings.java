package dev.tasks.api;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.ManagementSettings;
import dev.tasks.api.database.DatabaseSettings;
import dev.tasks.api.database.EmbeddedPostgresEarlyStart;
import dev.tasks.api.owned.ListCacheSettings;
import dev.tasks.api.owned.OwnerLimits;
import dev.tasks.api.ratelimit.RateLimitSettings;
import dev.tasks.api.web.CorsSettings;
import dev.tasks.api.web.SessionCheckSettings;
import dev.tasks.api.web.ShutdownDrainSettings;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Every environment variable the API reads, parsed and checked once, in {@link #from(Env)}: in
 * {@code main} before anything starts, so a bad value stops the start with one line. The result
 * is handed to Spring as it is ({@link #initialize}): the feature settings become beans, and the
 * values Spring and the starter read themselves become Spring properties, and the embedded
 * PostgreSQL (if any) starts at once, alongside the refresh.
 */
public record TaskApiSettings(
        int port,
        DatabaseSettings database,
        CorsSettings cors,
        RateLimitSettings rateLimits,
        SessionCheckSettings sessionCheck,
        ManagementSettings management,
        ListCacheSettings listCache,
        ShutdownDrainSettings shutdownDrain,
        OwnerLimits ownerLimits)
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final int DEFAULT_PORT = 8000;
    static final String PROPERTY_SOURCE = "taskApiSettings";

    public static TaskApiSettings from(Env env) {
        int port = env.integer("PORT", DEFAULT_PORT, 0, 65535);
        return new TaskApiSettings(
                port,
                DatabaseSettings.from(env),
                CorsSettings.from(env),
                RateLimitSettings.from(env),
                SessionCheckSettings.from(env),
                ManagementSettings.from(env, port),
                ListCacheSettings.from(env),
                ShutdownDrainSettings.from(env),
                OwnerLimits.from(env));
    }

    /** The Spring properties these settings stand for. */
    Map<String, Object> springProperties() {
        Map<String, Object> properties = new HashMap<>(management.springProperties());
        properties.put("server.port", port);
        properties.put("better-auth.session-check", sessionCheck.mode().value());
        // The per-owner limits, as settings of each pooled connection for V14's triggers.
        properties.put("spring.datasource.hikari.connection-init-sql", ownerLimits.connectionInitSql());
        return properties;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // Just above the environment variables, which Spring would otherwise bind as they are
        // (MANAGEMENT_SERVER_PORT=off is not a port to Spring), and below command-line arguments
        // and test properties, which may still set these properties themselves.
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE, springProperties());
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addLast(source);
        }
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton("databaseSettings", database);
        beans.registerSingleton("corsSettings", cors);
        beans.registerSingleton("rateLimitSettings", rateLimits);
        beans.registerSingleton("managementSettings", management);
        beans.registerSingleton("taskListCacheSettings", listCache);
        beans.registerSingleton("shutdownDrainSettings", shutdownDrain);
        beans.registerSingleton("ownerLimits", ownerLimits);
        EmbeddedPostgresEarlyStart.begin(database, context);
    }
}
