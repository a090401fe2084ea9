package dev.tasks.api.owned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.changelog.ChangeLogReader;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Lists are served from the list cache, yet never stale: a client's own change shows in its very
 * next list, and a change from elsewhere (another instance, the web app's account deletion, plain
 * SQL) as soon as the change log is read, also after the feed's connection is cut and when the
 * change's transaction outlives several reads.
 */
class ListFreshnessTest extends ApiTest {

    private static final String TOTAL_COUNT = "X-Total-Count";
    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    private MeterRegistry metrics;

    @Autowired
    private ListCache cache;

    @Autowired
    private ChangeFeed feed;

    @Autowired
    private ChangeLogReader reader;

    private String user;
    private String token;
    private String tasks;

    @BeforeEach
    void newUserWithATask() {
        user = newUser();
        token = TestTokens.forUser(user);
        tasks = "/api/" + user + "/tasks";
        assertThat(api().post(tasks, token, "{\"title\":\"first\"}").status()).isEqualTo(201);
        await().atMost(SOON).until(cache::coherent);
    }

    @Test
    void aRepeatedListIsServedFromTheCacheWithTheSameBodyAndTotal() {
        Response first = list();
        double hits = hits();
        Response second = list();
        assertThat(hits()).isEqualTo(hits + 1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header(TOTAL_COUNT)).isEqualTo(first.header(TOTAL_COUNT));
        assertThat(second.contentType()).isEqualTo("application/json");
        assertThat(second.header("Content-Length"))
                .contains(Integer.toString(second.body().length()));
        assertThat(second.json().get(0).get("title").asString()).isEqualTo("first");
    }

    @Test
    void everyOwnChangeShowsInTheVeryNextListWithoutWaitingForItsNotification() throws SQLException {
        // The change log unread from here on, and pages vouched for: only the API's own writes drop pages.
        feed.pause();
        try {
            cache.vouchUntil(System.nanoTime() + Duration.ofMinutes(5).toNanos());
            ownChanges();
            execute("insert into tasks.tasks (user_id, title) values (?, 'unheard')");
            assertThat(titles())
                    .as("served from the cache: the change was never notified")
                    .containsExactly("first");
        } finally {
            feed.resume();
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
        assertThat(list().header(TOTAL_COUNT)).contains("1");
    }

    @Test
    void aChangeMadeElsewhereShowsOnceNotified() throws SQLException {
        assertThat(titles()).containsExactly("first");
        assertThat(titles()).containsExactly("first"); // kept now

        execute("insert into tasks.tasks (user_id, title) values (?, 'from elsewhere')");

        await().atMost(SOON).untilAsserted(() -> assertThat(titles()).containsExactly("from elsewhere", "first"));
        double hits = hits();
        assertThat(titles()).containsExactly("from elsewhere", "first");
        assertThat(hits()).as("kept again").isEqualTo(hits + 1);

        execute("delete from tasks.tasks where user_id = ?");
        await().atMost(SOON).untilAsserted(() -> assertThat(titles()).isEmpty());
    }

    @Test
    void aChangeMadeWhileTheFeedIsCutOffShowsAndCachingResumes() throws SQLException {
        assertThat(titles()).containsExactly("first");
        int before = feedPid();

        try (Connection admin = TestPostgres.connect();
                Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(" + before + ")");
        }
        execute("update tasks.tasks set title = 'changed while nobody listened' where user_id = ?");

        await().atMost(SOON).untilAsserted(() -> assertThat(titles()).containsExactly("changed while nobody listened"));
        await().atMost(SOON).until(() -> feedPid() != before && feedPid() != 0);
        await().atMost(SOON).until(cache::coherent);
        titles();
        double hits = hits();
        assertThat(titles()).containsExactly("changed while nobody listened");
        assertThat(hits()).as("caching again").isEqualTo(hits + 1);
    }

    @Test
    void oneReaderPerInstanceFollowsTheLogForTheCacheAndTheLiveStreamsAlike() throws SQLException {
        // Until issue 24 the list cache and the live streams each had a reader (two connections polling the
        // same rows every 100 ms); the reader named here serves both, and the cut-off test above shows the
        // cache recovering through it.
        try (Connection admin = TestPostgres.connect();
                Statement statement = admin.createStatement();
                ResultSet found = statement.executeQuery("select application_name, count(*) from pg_stat_activity"
                        + " where application_name in ('task-api change feed', 'task-api event feed', '"
                        + ChangeLogReader.APPLICATION_NAME + "') group by 1")) {
            Map<String, Integer> readers = new HashMap<>();
            while (found.next()) {
                readers.put(found.getString(1), found.getInt(2));
            }
            assertThat(readers).containsOnlyKeys(ChangeLogReader.APPLICATION_NAME);
        }
    }

    @Test
    void aChangeInATransactionThatOutlivesSeveralReadsOfTheLogStillShows() throws Exception {
        assertThat(titles()).containsExactly("first");
        try (Connection slow = TestPostgres.connect()) {
            slow.setAutoCommit(false);
            try (PreparedStatement insert =
                    slow.prepareStatement("insert into tasks.tasks (user_id, title) values (?, 'slow')")) {
                insert.setString(1, user);
                insert.executeUpdate();
            }
            // Later transactions commit first, so the feed's reads see newer transaction ids end
            // before this one; it reads the log many times meanwhile, and the page stays kept.
            String other = newUser();
            assertThat(api().post("/api/" + other + "/tasks", TestTokens.forUser(other), "{\"title\":\"later\"}")
                            .status())
                    .isEqualTo(201);
            Thread.sleep(ChangeFeed.POLL_INTERVAL.multipliedBy(5));
            double hits = hits();
            assertThat(titles()).containsExactly("first");
            assertThat(hits()).isEqualTo(hits + 1);
            slow.commit();
        }
        await().atMost(SOON).untilAsserted(() -> assertThat(titles()).containsExactly("slow", "first"));
    }

    @Test
    void theTriggerLogsEveryUserAStatementChangedAtCommitAndNothingOnRollback() throws SQLException {
        String other = newUser();
        List<String> before = logged(user, other); // the task of @BeforeEach
        assertThat(before).containsExactly(user);
        try (Connection writing = TestPostgres.connect()) {
            writing.setAutoCommit(false);
            try (PreparedStatement insert = writing.prepareStatement(
                    "insert into tasks.tasks (user_id, title) values (?, 'a'), (?, 'b'), (?, 'c')")) {
                insert.setString(1, user);
                insert.setString(2, user);
                insert.setString(3, other);
                insert.executeUpdate();
            }
            assertThat(logged(user, other)).as("nothing before the commit").isEqualTo(before);
            writing.commit();
            assertThat(logged(user, other)).containsExactlyInAnyOrder(user, user, user, other);

            try (PreparedStatement delete = writing.prepareStatement("delete from tasks.tasks where user_id = ?")) {
                delete.setString(1, other);
                delete.executeUpdate();
            }
            writing.rollback();
            assertThat(logged(user, other)).as("rolled back").hasSize(4);

            try (PreparedStatement move =
                    writing.prepareStatement("update tasks.tasks set user_id = ? where user_id = ? and title = 'b'")) {
                move.setString(1, other);
                move.setString(2, user);
                move.executeUpdate();
            }
            writing.commit();
            assertThat(logged(user, other).subList(4, 6))
                    .as("a task moved: both owners")
                    .containsExactlyInAnyOrder(user, other);

            try (PreparedStatement delete = writing.prepareStatement("delete from tasks.tasks where user_id = ?")) {
                delete.setString(1, other);
                delete.executeUpdate();
            }
            writing.commit();
            assertThat(logged(user, other).subList(6, 8))
                    .as("deleted: their owner, once per row")
                    .containsExactly(other, other);
        }
    }

    @Test
    void listsAndLabelsAreLoggedByKindUnderTheSameOwnerKey() throws SQLException {
        String lists = "/api/" + user + "/lists";
        long list = api().post(lists, token, "{\"name\":\"logged\"}")
                .json()
                .get("id")
                .asLong();
        api().put(lists + "/" + list, token, "{\"name\":\"renamed\"}");
        long task = api().post(tasks, token, "{\"title\":\"labelled\",\"labels\":[\"x\"]}")
                .json()
                .get("id")
                .asLong();
        api().put(tasks + "/" + task, token, "{\"title\":\"same labels\"}");
        api().delete("/api/" + user + "/labels/x", token);

        // 1 task, 2 list, 3 labels: the list twice, the labels at the insert and the removal only.
        assertThat(kindsLogged(user)).containsExactly(1, 2, 2, 1, 3, 1, 1, 3);
    }

    /** The kinds of the log's rows of this user's key, in commit order (the @BeforeEach task first). */
    private static List<Integer> kindsLogged(String user) throws SQLException {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select kind from tasks.task_changes where owner_key = ? order by xid, ctid")) {
            statement.setLong(1, new OwnerKey().of(Owner.user(user)));
            List<Integer> kinds = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    kinds.add(rows.getInt(1));
                }
            }
            return kinds;
        }
    }

    @Test
    void theLogIsTrimmedOnceEveryReaderHasPassedIt() throws SQLException {
        assertThat(logged(user)).containsExactly(user); // the task of @BeforeEach
        await().atMost(reader.retention().multipliedBy(3))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(logged(user)).isEmpty());
        assertThat(titles()).as("the task itself stays").containsExactly("first");
    }

    @Test
    void theLogNamesUsersByTheKeyTheApiComputesAndHoldsNoUserId() throws SQLException {
        OwnerKey keys = new OwnerKey();
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement("select tasks.user_key(?)")) {
            for (String id :
                    List.of(user, "a", "Zoë-ünïcode-✓", "x".repeat(5000), "9YVjP0oYwRwqBqUvqfs3cAVpAnAS0tdB")) {
                statement.setString(1, id);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    assertThat(row.getLong(1)).as(id).isEqualTo(keys.of(Owner.user(id)));
                }
            }
        }
        try (Connection connection = TestPostgres.connect();
                ResultSet columns = connection
                        .createStatement()
                        .executeQuery(
                                "select data_type from"
                                        + " information_schema.columns where table_schema = 'tasks' and table_name = 'task_changes'")) {
            List<String> types = new ArrayList<>();
            while (columns.next()) {
                types.add(columns.getString(1));
            }
            assertThat(types)
                    .as("no text column: no user id in the log")
                    .containsExactlyInAnyOrder("xid8", "bigint", "smallint", "bigint", "boolean");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, user);
            statement.executeUpdate();
        }
    }

    /** The log's rows of these users (the trigger's, still there: rows live for 10 s after every reader has passed them). */
    private static List<String> logged(String... users) throws SQLException {
        OwnerKey keys = new OwnerKey();
        Map<Long, String> byKey = new HashMap<>();
        for (String user : users) {
            byKey.put(keys.of(Owner.user(user)), user);
        }
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select owner_key from tasks.task_changes where kind = 1 and owner_key = any (?) order by xid")) {
            statement.setArray(
                    1, connection.createArrayOf("bigint", byKey.keySet().toArray()));
            List<String> logged = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    logged.add(byKey.get(rows.getLong(1)));
                }
            }
            return logged;
        }
    }

    private static int feedPid() throws SQLException {
        try (Connection admin = TestPostgres.connect();
                Statement statement = admin.createStatement();
                ResultSet found =
                        statement.executeQuery("select max(pid) from pg_stat_activity where application_name = '"
                                + ChangeLogReader.APPLICATION_NAME + "'")) {
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
