package dev.tasks.api.task;

import static dev.tasks.api.task.TaskPlanningTest.assertUnprocessable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Manual order (SPEC 1.7): move puts a task right after another, writing one row whatever the list's size. */
class TaskMoveTest extends ApiTest {

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);
    private final String tasks = "/api/" + user + "/tasks";

    private long create(String title, String extra) {
        Response created = api().post(tasks, token, "{\"title\":\"" + title + "\"" + extra + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private Response move(long id, String body) {
        return api().post(tasks + "/" + id + "/move", token, body);
    }

    private List<String> order(String query) {
        List<String> titles = new ArrayList<>();
        api().get(tasks + "?sort=position" + query, token)
                .json()
                .forEach(t -> titles.add(t.get("title").asString()));
        return titles;
    }

    /** Each task's row version (xmin): a row written since has another. */
    private Map<Long, String> rowVersions() throws SQLException {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement query =
                        connection.prepareStatement("select id, xmin::text from tasks.tasks where user_id = ?")) {
            query.setString(1, user);
            Map<Long, String> versions = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getLong(1), rows.getString(2));
                }
            }
            return versions;
        }
    }

    @Test
    void newTasksGoToTheEndAndAMoveWritesExactlyOneRow() throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(create("t" + i, ""));
        }
        assertThat(order("&limit=3")).containsExactly("t0", "t1", "t2");

        Map<Long, String> before = rowVersions();
        Response moved = move(ids.get(29), "{\"after\":" + ids.get(0) + "}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("title").asString()).isEqualTo("t29");
        Map<Long, String> after = rowVersions();

        List<Long> written = new ArrayList<>();
        before.forEach((id, version) -> {
            if (!version.equals(after.get(id))) {
                written.add(id);
            }
        });
        assertThat(written).containsExactly(ids.get(29));
        assertThat(order("&limit=3")).containsExactly("t0", "t29", "t1");
    }

    @Test
    void nullPutsATaskFirstAndRepeatedMovesKeepAStrictOrder() {
        long a = create("a", "");
        long b = create("b", "");
        long c = create("c", "");
        assertThat(move(c, "{\"after\":null}").status()).isEqualTo(200);
        assertThat(order("")).containsExactly("c", "a", "b");
        for (int i = 0; i < 20; i++) { // back and forth between the same neighbours
            move(b, "{\"after\":" + c + "}");
            move(a, "{\"after\":" + c + "}");
        }
        assertThat(order("")).containsExactly("c", "a", "b");
        assertThat(move(a, "{\"after\":" + a + "}").status())
                .as("after itself: stays")
                .isEqualTo(200);
        assertThat(order("")).containsExactly("c", "a", "b");
    }

    @Test
    void movingAfterATaskInAnotherListFilesItThere() {
        long list = api().post("/api/" + user + "/lists", token, "{\"name\":\"Work\"}")
                .json()
                .get("id")
                .asLong();
        long x = create("x", ",\"list_id\":" + list);
        long y = create("y", ",\"list_id\":" + list);
        long inbox = create("inbox", "");

        Response moved = move(inbox, "{\"after\":" + x + "}");
        assertThat(moved.json().get("list_id").asLong()).isEqualTo(list);
        assertThat(order("&list_id=" + list)).containsExactly("x", "inbox", "y");

        Response back = move(inbox, "{\"after\":null,\"list_id\":null}");
        assertThat(back.json().get("list_id").isNull()).isTrue();
        assertThat(order("&list_id=inbox")).containsExactly("inbox");

        assertUnprocessable(move(inbox, "{\"after\":" + x + ",\"list_id\":null}"), "after");
        assertUnprocessable(move(inbox, "{\"after\":null,\"list_id\":999999999}"), "list_id");
        assertThat(api().get(tasks + "/" + y, token).json().get("list_id").asLong())
                .isEqualTo(list);
    }

    @Test
    void badMovesAre422OrForUnknownTasks404() {
        long a = create("a", "");
        assertUnprocessable(move(a, "{}"), "after");
        assertUnprocessable(move(a, "{\"after\":\"first\"}"), "after");
        assertUnprocessable(move(a, "{\"after\":999999999}"), "after");
        assertUnprocessable(move(a, "{\"after\":null,\"position\":\"a\"}"), "position");
        String other = newUser();
        long theirs = api().post("/api/" + other + "/tasks", TestTokens.forUser(other), "{\"title\":\"theirs\"}")
                .json()
                .get("id")
                .asLong();
        assertUnprocessable(move(a, "{\"after\":" + theirs + "}"), "after");
        assertThat(move(theirs, "{\"after\":null}").status()).isEqualTo(404);
        assertThat(move(999999999, "{\"after\":null}").status()).isEqualTo(404);
    }
}
