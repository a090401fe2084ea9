package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Lists are served from the list cache, yet never stale: a client's own change shows in its very
 * next list, and a change from elsewhere (another instance, the web app's account deletion, plain
 * SQL) as soon as PostgreSQL's notification arrives, also after the listener's connection is cut.
 */
class TaskListFreshnessTest extends ApiTest {

    private static final Duration NOTIFIED = Duration.ofSeconds(10);

    @Autowired
    private MeterRegistry metrics;

    @Autowired
    private TaskListCache cache;

    @Autowired
    private TaskChangeListener listener;

    private String user;
    private String token;
    private String tasks;

    @BeforeEach
    void newUserWithATask() {
        user = newUser();
        token = TestTokens.forUser(user);
        tasks = "/api/" + user + "/tasks";
        assertThat(api().post(tasks, token, "{\"title\":\"first\"}").status()).isEqualTo(201);
        await().atMost(NOTIFIED).until(cache::coherent);
    }

    @Test
    void aRepeatedListIsServedFromTheCacheWithTheSameBodyAndTotal() {
        Response first = list();
        double hits = hits();
        Response second = list();
        assertThat(hits()).isEqualTo(hits + 1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header(TaskController.TOTAL_COUNT)).isEqualTo(first.header(TaskController.TOTAL_COUNT));
        assertThat(second.contentType()).isEqualTo("application/json");
        assertThat(second.header("Content-Length"))
                .contains(Integer.toString(second.body().length()));
        assertThat(second.json().get(0).get("title").asString()).isEqualTo("first");
    }

    @Test
    void everyOwnChangeShowsInTheVeryNextListWithoutWaitingForItsNotification() throws SQLException {
        // No notifications at all from here on, and pages vouched for: only the API's own writes drop pages.
        listener.stop();
        try {
            cache.vouchUntil(System.nanoTime() + Duration.ofMinutes(5).toNanos());
            ownChanges();
            execute("insert into tasks.tasks (user_id, title) values (?, 'unheard')");
            assertThat(titles())
                    .as("served from the cache: the change was never notified")
                    .containsExactly("first");
        } finally {
            listener.start();
        }
    }

    private void ownChanges() {
        long id = api().post(tasks, token, "{\"title\":\"second\"}")
                .json()
                .get("id")
                .asLong();
        assertThat(titles()).containsExactly("second", "first");
        assertThat(titles()).as("kept").containsExactly("second", "first");

        api().put(tasks + "/" + id, token, "{\"title\":\"renamed\"}");
        assertThat(titles()).containsExactly("renamed", "first");

        api().patch(tasks + "/" + id + "/complete", token);
        assertThat(list().json().get(0).get("completed").asBoolean()).isTrue();
        assertThat(list("?completed=false").json()).hasSize(1);

        api().delete(tasks + "/" + id, token);
        assertThat(titles()).containsExactly("first");
        assertThat(list().header(TaskController.TOTAL_COUNT)).contains("1");
    }

    @Test
    void aChangeMadeElsewhereShowsOnceNotified() throws SQLException {
        assertThat(titles()).containsExactly("first");
        assertThat(titles()).containsExactly("first"); // kept now

        execute("insert into tasks.tasks (user_id, title) values (?, 'from elsewhere')");

        await().atMost(NOTIFIED).untilAsserted(() -> assertThat(titles()).containsExactly("from elsewhere", "first"));
        double hits = hits();
        assertThat(titles()).containsExactly("from elsewhere", "first");
        assertThat(hits()).as("kept again").isEqualTo(hits + 1);

        execute("delete from tasks.tasks where user_id = ?");
        await().atMost(NOTIFIED).untilAsserted(() -> assertThat(titles()).isEmpty());
    }

    @Test
    void aChangeMadeWhileTheListenerIsCutOffShowsAndCachingResumes() throws SQLException {
        assertThat(titles()).containsExactly("first");
        int before = listenerPid();

        try (Connection admin = TestPostgres.connect();
                Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(" + before + ")");
        }
        execute("update tasks.tasks set title = 'changed while nobody listened' where user_id = ?");

        await().atMost(NOTIFIED)
                .untilAsserted(() -> assertThat(titles()).containsExactly("changed while nobody listened"));
        await().atMost(NOTIFIED).until(() -> listenerPid() != before && listenerPid() != 0);
        await().atMost(NOTIFIED).until(cache::coherent);
        titles();
        double hits = hits();
        assertThat(titles()).containsExactly("changed while nobody listened");
        assertThat(hits()).as("caching again").isEqualTo(hits + 1);
    }

    @Test
    void theTriggerNotifiesEachChangedUserOnceAtCommitAndNothingOnRollback() throws SQLException {
        String other = newUser();
        try (Connection listening = TestPostgres.connect();
                Connection writing = TestPostgres.connect()) {
            listening.createStatement().execute("LISTEN " + TaskChangeListener.CHANNEL);

            writing.setAutoCommit(false);
            try (PreparedStatement insert = writing.prepareStatement(
                    "insert into tasks.tasks (user_id, title) values (?, 'a'), (?, 'b'), (?, 'c')")) {
                insert.setString(1, user);
                insert.setString(2, user);
                insert.setString(3, other);
                insert.executeUpdate();
            }
            assertThat(payloads(listening)).as("nothing before the commit").isEmpty();
            writing.commit();
            assertThat(payloads(listening)).containsExactlyInAnyOrder("u:" + user, "u:" + other);

            try (PreparedStatement delete = writing.prepareStatement("delete from tasks.tasks where user_id = ?")) {
                delete.setString(1, other);
                delete.executeUpdate();
            }
            writing.rollback();
            assertThat(payloads(listening)).as("rolled back").isEmpty();

            try (PreparedStatement move =
                    writing.prepareStatement("update tasks.tasks set user_id = ? where user_id = ? and title = 'b'")) {
                move.setString(1, other);
                move.setString(2, user);
                move.executeUpdate();
            }
            writing.commit();
            assertThat(payloads(listening)).as("both owners").containsExactlyInAnyOrder("u:" + user, "u:" + other);

            try (Statement bulk = writing.createStatement()) {
                bulk.executeUpdate("insert into tasks.tasks (user_id, title)" + " select 'bulk-' || n || '-" + user
                        + "', 'x' from generate_series(1, 101) n");
                writing.commit();
                assertThat(payloads(listening)).as("over 100 users: everyone").containsExactly("*");
                bulk.executeUpdate("delete from tasks.tasks where user_id like 'bulk-%-" + user + "'");
                writing.commit();
                payloads(listening);

                String longId = "long-" + "x".repeat(5000);
                bulk.executeUpdate("insert into tasks.tasks (user_id, title) values ('" + longId + "', 'x')");
                writing.commit();
                assertThat(payloads(listening))
                        .as("too long for a payload: everyone")
                        .containsExactly("*");
                bulk.executeUpdate("delete from tasks.tasks where user_id = '" + longId + "'");
                writing.commit();
                payloads(listening);

                bulk.executeUpdate("update tasks.tasks set title = title where user_id = 'nobody-" + user + "'");
                writing.commit();
                assertThat(payloads(listening)).as("no row changed").isEmpty();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, user);
            statement.executeUpdate();
        }
    }

    /** The notifications that arrived on the connection, after a round trip to fetch them. */
    private static List<String> payloads(Connection listening) throws SQLException {
        listening.createStatement().execute("select 1");
        List<String> payloads = new ArrayList<>();
        PGNotification[] received = listening.unwrap(PGConnection.class).getNotifications();
        if (received != null) {
            for (PGNotification notification : received) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }

    private static int listenerPid() throws SQLException {
        try (Connection admin = TestPostgres.connect();
                Statement statement = admin.createStatement();
                ResultSet found = statement.executeQuery(
                        "select max(pid) from pg_stat_activity where application_name = 'task-api change listener'")) {
            found.next();
            return found.getInt(1);
        }
    }

    private double hits() {
        return metrics.get("tasks.list.cache.requests")
                .tag("result", "hit")
                .counter()
                .count();
    }

    private Response list() {
        return list("");
    }

    private Response list(String query) {
        Response response = api().get(tasks + query, token);
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private List<String> titles() {
        List<String> titles = new ArrayList<>();
        for (JsonNode task : list().json()) {
            titles.add(task.get("title").asString());
        }
        return titles;
    }
}
