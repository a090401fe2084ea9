package dev.tasks.api.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * Connections of their own, outside the pool, to the pool's database with the pool's settings
 * (URL, user, password, the driver properties of application.properties). For work that holds a
 * connection for its whole life, such as following the task change log (changelog.ChangeLogReader): a
 * pooled connection held forever would shrink the pool and outlive Hikari's max lifetime.
 */
@Component
public class DirectConnections {

    private final HikariDataSource pool;

    DirectConnections(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens a connection named {@code applicationName} in {@code pg_stat_activity}; reads on it
     * time out after {@code socketTimeoutSeconds}, so a silently dropped server cannot hang its user.
     */
    public Connection open(String applicationName, int socketTimeoutSeconds) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
}
