package dev.tasks.api.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A task filed in a list while the list is deleted: whichever locks the list row first, the task
 * ends up moved with the list's tasks or refused (422 list_id), never pointing at a deleted list and
 * never a 500. Interleavings are forced with real row locks and observed in pg_stat_activity.
 */
class ListDeletionRaceTest extends ApiTest {

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);

    private long newList() {
        return api().post("/api/" + user + "/lists", token, "{\"name\":\"raced\"}")
                .json()
                .get("id")
                .asLong();
    }

    @Test
    void aDeletionThatLockedTheListFirstMakesTheFilingWaitAndRefuseIt() throws Exception {
        long list = newList();
        try (Connection deletion = TestPostgres.connect()) {
            deletion.setAutoCommit(false);
            execute(deletion, "select 1 from tasks.lists where id = ? for update", list);
            CompletableFuture<Response> filing = CompletableFuture.supplyAsync(() ->
                    api().post("/api/" + user + "/tasks", token, "{\"title\":\"late\",\"list_id\":" + list + "}"));
            awaitWaitingOnALock("select 1 from tasks.lists where id = %");
            assertThat(filing).isNotDone();
            execute(deletion, "update tasks.tasks set list_id = null where list_id = ?", list);
            execute(deletion, "delete from tasks.lists where id = ?", list);
            deletion.commit();

            Response answer = filing.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
            assertThat(answer.json().get("detail").asString()).contains("list_id");
        }
        assertThat(count("select count(*) from tasks.tasks where user_id = ?")).isZero();
    }

    @Test
    void aFilingThatLockedTheListFirstMakesTheDeletionWaitAndMoveItToTheInbox() throws Exception {
        long list = newList();
        try (Connection filing = TestPostgres.connect()) {
            filing.setAutoCommit(false);
            execute(filing, "select 1 from tasks.lists where id = ? for key share", list);
            try (PreparedStatement insert = filing.prepareStatement(
                    "insert into tasks.tasks (user_id, title, list_id) values (?, 'filed', ?)")) {
                insert.setString(1, user);
                insert.setLong(2, list);
                insert.executeUpdate();
            }
            CompletableFuture<Response> deletion =
                    CompletableFuture.supplyAsync(() -> api().delete("/api/" + user + "/lists/" + list, token));
            awaitWaitingOnALock("select 1 from tasks.lists where id = %for update");
            assertThat(deletion).isNotDone();
            filing.commit();

            assertThat(deletion.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(count("select count(*) from tasks.tasks where user_id = ? and list_id is null"))
                .isEqualTo(1);
        assertThat(count("select count(*) from tasks.lists where user_id = ?")).isZero();
    }

    private static void execute(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.execute();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, user);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Until a statement like {@code pattern} waits on a lock (pg_stat_activity), at most 30 s. */
    private static void awaitWaitingOnALock(String pattern) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try (Connection connection = TestPostgres.connect();
                            PreparedStatement query = connection.prepareStatement(
                                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like ?")) {
                        query.setString(1, pattern);
                        try (ResultSet rows = query.executeQuery()) {
                            rows.next();
                            return rows.getLong(1) > 0;
                        }
                    }
                });
    }
}
