package dev.tasks.api.database;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the settings are parsed, before
 * the context refresh: initdb or {@code pg_ctl start} then overlap Spring's own start-up work (class
 * loading, configuration parsing) instead of following it. {@link DatabaseConfiguration} waits for
 * it where the connection pool needs it. With {@code DATABASE_URL} set this does nothing. Called by
 * {@code TaskApiSettings#initialize}, so main and the Spring tests take the same path.
 */
public final class EmbeddedPostgresEarlyStart {

    static final String BEAN_NAME = "pendingEmbeddedPostgres";

    private EmbeddedPostgresEarlyStart() {}

    public static void begin(DatabaseSettings settings, ConfigurableApplicationContext context) {
        if (settings.url().isPresent() || !(context instanceof GenericApplicationContext registry)) {
            return; // no early start: DatabaseConfiguration starts the server itself
        }
        PendingEmbeddedPostgres pending = PendingEmbeddedPostgres.begin(settings);
        // A ready-made singleton with its own destroy callback: destroyed even when the refresh
        // fails before any bean asked for it, so no PostgreSQL outlives a failed start.
        DefaultListableBeanFactory beans = registry.getDefaultListableBeanFactory();
        beans.registerSingleton(BEAN_NAME, pending);
        beans.registerDisposableBean(BEAN_NAME, pending::close);
    }
}
