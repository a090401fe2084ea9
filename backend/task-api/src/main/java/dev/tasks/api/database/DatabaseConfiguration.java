package dev.tasks.api.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pool, pointed at {@code DATABASE_URL} or at an embedded PostgreSQL started here.
 * Pool settings come from {@code spring.datasource.hikari.*} (see application.properties).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseSettings settings, ObjectProvider<PendingEmbeddedPostgres> earlyStart) {
        if (settings.url().isPresent()) {
            DatabaseUrl url = settings.url().get();
            log.info("Using PostgreSQL at {} (DATABASE_URL)", url.describe());
            return new DatabaseServer(url, null);
        }
        // Usually already starting since before the context refresh (EmbeddedPostgresEarlyStart).
        PendingEmbeddedPostgres pending = earlyStart.getIfAvailable();
        EmbeddedPostgresServer embedded = pending != null ? pending.take() : PendingEmbeddedPostgres.startNow(settings);
        DatabaseUrl url = embedded.url();
        log.info(
                """
                Embedded PostgreSQL on 127.0.0.1:{}, data in {} (no DATABASE_URL set)
                    JDBC URL: {}?user={} (password: {})
                    libpq URL (e.g. DATABASE_URL for Better Auth): {}""",
                embedded.port(),
                embedded.dataDirectory(),
                url.jdbcUrl(),
                url.username(),
                settings.embeddedPassword().isPresent()
                        ? EmbeddedPassword.VARIABLE
                        : EmbeddedPassword.VARIABLE + " in "
                                + settings.dataDirectory().resolve(EmbeddedPassword.SECRETS_FILE),
                embedded.postgresqlUrlForLogs());
        return new DatabaseServer(url, embedded);
    }

    /** Destroyed before {@link #databaseServer}, so the pool closes before an embedded server stops. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.url().jdbcUrl());
        dataSource.setUsername(server.url().username());
        dataSource.setPassword(server.url().password());
        return dataSource;
    }

    /** The server the pool connects to, and the embedded one to stop on shutdown, if any. */
    record DatabaseServer(DatabaseUrl url, EmbeddedPostgresServer embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
