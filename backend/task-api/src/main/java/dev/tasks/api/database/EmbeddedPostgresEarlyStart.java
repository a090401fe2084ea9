package dev.tasks.api.database;

import dev.tasks.api.config.EnvConfiguration;
import dev.tasks.api.config.InvalidSettingException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the environment is known, before
 * the context refresh: initdb or {@code pg_ctl start} then overlap Spring's own start-up work (class
 * loading, configuration parsing) instead of following it. {@link DatabaseConfiguration} waits for
 * it where the connection pool needs it. With {@code DATABASE_URL} set this does nothing.
 * Registered in {@code META-INF/spring.factories}, so tests' contexts take the same path.
 */
public final class EmbeddedPostgresEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "pendingEmbeddedPostgres";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!(context instanceof GenericApplicationContext registry)) {
            return; // no early start: DatabaseConfiguration starts the server itself
        }
        DatabaseSettings settings;
        try {
            settings = DatabaseSettings.from(EnvConfiguration.rawEnv(context.getEnvironment()));
        } catch (InvalidSettingException e) {
            return; // reported, as ever, when DatabaseConfiguration reads the settings
        }
        if (settings.url().isEmpty()) {
            PendingEmbeddedPostgres pending = PendingEmbeddedPostgres.begin(settings);
            // A ready-made singleton with its own destroy callback: destroyed even when the refresh
            // fails before any bean asked for it, so no PostgreSQL outlives a failed start.
            DefaultListableBeanFactory beans = registry.getDefaultListableBeanFactory();
            beans.registerSingleton(BEAN_NAME, pending);
            beans.registerDisposableBean(BEAN_NAME, pending::close);
        }
    }
}
