package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.owned.Owner;
import dev.tasks.api.support.ApiTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The lists' queries are served by their indexes: the default list ("a user's tasks, newest first")
 * and a list's manual order walk an index in order (no sort step); the planning filters use theirs.
 * The planner is forbidden the alternatives, so the plan shows whether the index can serve alone.
 */
class TaskIndexTest extends ApiTest {

    private static final String USER = "index-test-user";

    @Autowired
    private DataSource dataSource;

    private String plan(String query, boolean bitmaps) throws SQLException {
        Map<String, String[]> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.merge(nameValue[0], new String[] {nameValue[1]}, (a, b) -> new String[] {a[0], b[0]});
        }
        TaskQuery parsed = TaskQuery.parse(parameters, Clock.systemUTC());
        Owner owner = Owner.user(USER);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement session = connection.createStatement()) {
                // A user with many tasks, in this transaction only: with a few rows any plan is as cheap.
                session.execute("insert into tasks.lists (id, user_id, name, position) overriding system value"
                        + " select 1000000000 + g, '" + USER + "', 'list ' || g, 'V' from generate_series(1, 50) g");
                session.execute("insert into tasks.tasks (user_id, title, list_id, position, due_date, labels)"
                        + " select '" + USER
                        + "', 't' || g, case when g % 51 = 0 then null else 1000000000 + g % 50 + 1 end,"
                        + " 'V' || g, case when g % 100 = 0 then date '2026-06-01' + g / 100 end,"
                        + " case when g % 200 = 0 then array['work', 'home'] else array['other'] end"
                        + " from generate_series(1, 10000) g");
                session.execute("analyze tasks.tasks");
                session.execute("set local enable_seqscan = off");
                if (!bitmaps) {
                    session.execute("set local enable_bitmapscan = off");
                }
            }
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            List<String> plan = jdbc.sql("explain " + TaskRepository.listSql(owner, parsed))
                    .param("owner", owner.id())
                    .param("completed", parsed.completed().orElse(null))
                    .param("pattern", parsed.likePattern().orElse(null))
                    .param("list", parsed.list().orElse(null))
                    .param("labels", parsed.labels().toArray(String[]::new))
                    .param("minPriority", parsed.minPriority().orElse(null))
                    .param("dueBefore", parsed.dueBefore().orElse(null))
                    .param("dueAfter", parsed.dueAfter().orElse(null))
                    .param("today", parsed.overdueBefore().orElse(null))
                    .param("limit", 100)
                    .param("offset", 0)
                    .query(String.class)
                    .list();
            connection.rollback();
            return String.join("\n", plan);
        }
    }

    @Test
    void theDefaultListWalksTheUserCreatedAtIndex() throws SQLException {
        assertThat(plan("sort=-created_at", false))
                .contains("Index Scan using tasks_user_created_idx")
                .doesNotContain("Sort");
    }

    @Test
    void aListsManualOrderWalksTheListPositionIndex() throws SQLException {
        assertThat(plan("list_id=1000000007&sort=position", false))
                .contains("tasks_user_list_position_idx")
                .doesNotContain("Sort");
        assertThat(plan("list_id=inbox&sort=position", false))
                .contains("tasks_user_inbox_position_idx")
                .doesNotContain("Sort");
    }

    @Test
    void dueDatesUseTheDueIndexAndOpenOnesTheOpenDueIndex() throws SQLException {
        assertThat(plan("due_before=2027-01-01&due_after=2026-01-01", false)).contains("tasks_user_due_idx");
        // Overdue and the web app's Today view read open dated tasks only: migration V11's partial index, in order.
        assertThat(plan("overdue=true&sort=due_date", false)).contains("tasks_user_open_due_idx");
        assertThat(plan("due_before=2026-12-07&completed=false&sort=due_date", false))
                .contains("Index Scan using tasks_user_open_due_idx")
                .doesNotContain("Sort");
    }

    @Test
    void labelsUseTheirGinIndex() throws SQLException {
        // A GIN index answers through a bitmap scan only.
        assertThat(plan("label=work&label=Home", true)).contains("tasks_label_keys_idx");
    }
}
