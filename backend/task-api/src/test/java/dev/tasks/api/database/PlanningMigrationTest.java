package dev.tasks.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V3 (planning) on a database that already has tasks, as every deployed one does: the
 * tests' own database is migrated while empty. Existing tasks keep their order, completed ones get
 * a completed_at, and plain SQL can still insert a task.
 */
class PlanningMigrationTest {

    private static Flyway flyway(String database, String target) {
        return Flyway.configure()
                .dataSource(TestPostgres.dataSource(database))
                .schemas("tasks")
                .defaultSchema("tasks")
                .createSchemas(true)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    @Test
    void existingTasksKeepTheirOrderAndCompletedOnesGetACompletedAt() throws SQLException {
        String database = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = TestPostgres.connect();
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        try {
            flyway(database, "2").migrate();
            try (Connection db = TestPostgres.connect(database);
                    Statement statement = db.createStatement()) {
                statement.execute("insert into tasks.tasks (user_id, title, completed) select 'old-user', 'old ' || g,"
                        + " g % 2 = 0 from generate_series(1, 300) g");
            }

            flyway(database, "latest").migrate();

            try (Connection db = TestPostgres.connect(database);
                    Statement statement = db.createStatement()) {
                List<String> positions = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select position from tasks.tasks order by id")) {
                    while (rows.next()) {
                        positions.add(rows.getString(1));
                    }
                }
                assertThat(positions).hasSize(300).doesNotHaveDuplicates().isSorted();
                try (ResultSet rows = statement.executeQuery("select count(*) filter (where completed_at is not null),"
                        + " count(*) filter (where completed and completed_at = updated_at),"
                        + " count(*) filter (where priority = 0 and labels = '{}' and list_id is null)"
                        + " from tasks.tasks")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(150);
                    assertThat(rows.getLong(2)).isEqualTo(150);
                    assertThat(rows.getLong(3)).isEqualTo(300);
                }
                statement.execute("insert into tasks.tasks (user_id, title) values ('old-user', 'by plain SQL')");
            }
        } finally {
            try (Connection admin = TestPostgres.connect();
                    Statement statement = admin.createStatement()) {
                statement.execute("drop database " + database + " with (force)");
            }
        }
    }
}
