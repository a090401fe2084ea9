package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.owned.Owner;
import dev.tasks.api.support.ApiTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The default list ("a user's tasks, newest first") is read from the index in order: no sort step. */
class TaskIndexTest extends ApiTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void theDefaultListWalksTheUserCreatedAtIndex() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement session = connection.createStatement()) {
                // Forbid the alternatives, so the planner shows whether the index can serve the query alone.
                session.execute("set local enable_seqscan = off");
                session.execute("set local enable_bitmapscan = off");
            }
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            TaskQuery newestFirst = TaskQuery.parse(null, null, null, null, null);

            List<String> plan = jdbc.sql("explain " + TaskRepository.listSql(Owner.user("someone"), newestFirst))
                    .param("owner", "someone")
                    .param("limit", 100)
                    .param("offset", 0)
                    .query(String.class)
                    .list();
            connection.rollback();

            String text = String.join("\n", plan);
            assertThat(text).contains("Index Scan using tasks_user_created_idx").doesNotContain("Sort");
        }
    }
}
