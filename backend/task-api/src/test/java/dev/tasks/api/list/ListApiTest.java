package dev.tasks.api.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A user's lists (SPEC 1.7): CRUD, open-task counts, what becomes of the tasks of a deleted list. */
class ListApiTest extends ApiTest {

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);
    private final String lists = "/api/" + user + "/lists";
    private final String tasks = "/api/" + user + "/tasks";

    private JsonNode newList(String name) {
        Response created = api().post(lists, token, "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location"))
                .contains(lists + "/" + created.json().get("id").asLong());
        return created.json();
    }

    private long newTask(long list, boolean completed) {
        return api().post(tasks, token, "{\"title\":\"t\",\"list_id\":" + list + ",\"completed\":" + completed + "}")
                .json()
                .get("id")
                .asLong();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        api().get(lists, token)
                .json()
                .forEach(list -> names.add(list.get("name").asString()));
        return names;
    }

    @Test
    void listsAreCreatedInOrderReadRenamedAndCountOpenTasks() {
        JsonNode work = newList("  Work  ");
        assertThat(work.get("name").asString()).isEqualTo("Work");
        assertThat(work.get("task_count").asLong()).isZero();
        assertThat(work.get("position").asString()).isNotBlank();
        assertThat(work.get("created_at").asString()).endsWith("Z");
        newList("Home");
        assertThat(names()).containsExactly("Work", "Home");

        long id = work.get("id").asLong();
        newTask(id, false);
        newTask(id, false);
        newTask(id, true);
        assertThat(api().get(lists + "/" + id, token).json().get("task_count").asLong())
                .isEqualTo(2);
        assertThat(api().get(lists, token).json().get(0).get("task_count").asLong())
                .as("the kept page was dropped by the task writes")
                .isEqualTo(2);

        Response renamed = api().put(lists + "/" + id, token, "{\"name\":\"Office\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Office");
        assertThat(names()).containsExactly("Office", "Home");
    }

    @Test
    void deletingAListMovesItsTasksToTheInbox() {
        long id = newList("Gone").get("id").asLong();
        long task = newTask(id, false);
        Response deleted = api().delete(lists + "/" + id, token);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("list_id").asLong()).isEqualTo(id);
        assertThat(api().get(tasks + "/" + task, token).json().get("list_id").isNull())
                .isTrue();
        assertThat(api().get(lists + "/" + id, token).status()).isEqualTo(404);
        assertThat(names()).isEmpty();
    }

    @Test
    void deletingAListWithTasksDeleteDeletesThemToo() {
        long id = newList("Gone").get("id").asLong();
        long task = newTask(id, false);
        long elsewhere = newTask(newList("Stays").get("id").asLong(), false);
        assertThat(api().delete(lists + "/" + id + "?tasks=delete", token).status())
                .isEqualTo(200);
        assertThat(api().get(tasks + "/" + task, token).status()).isEqualTo(404);
        assertThat(api().get(tasks + "/" + elsewhere, token).status()).isEqualTo(200);
        assertThat(api().delete(lists + "/" + id + "?tasks=everything", token).status())
                .isEqualTo(422);
    }

    @Test
    void namesAreValidatedAndAnotherUsersListIs404() {
        assertThat(api().post(lists, token, "{\"name\":\"" + "x".repeat(101) + "\"}")
                        .status())
                .isEqualTo(422);
        assertThat(api().post(lists, token, "{\"name\":\"  \"}").status()).isEqualTo(422);
        assertThat(api().post(lists, token, "{}").status()).isEqualTo(422);
        assertThat(api().post(lists, token, "{\"name\":\"a\",\"position\":\"0\"}")
                        .status())
                .isEqualTo(422);
        assertThat(api().post(lists, token, "{\"name\":\"" + "x".repeat(100) + "\"}")
                        .status())
                .isEqualTo(201);

        String other = newUser();
        String otherToken = TestTokens.forUser(other);
        long theirs = api().post("/api/" + other + "/lists", otherToken, "{\"name\":\"theirs\"}")
                .json()
                .get("id")
                .asLong();
        assertThat(api().get(lists + "/" + theirs, token).status()).isEqualTo(404);
        assertThat(api().put(lists + "/" + theirs, token, "{\"name\":\"mine\"}").status())
                .isEqualTo(404);
        assertThat(api().delete(lists + "/" + theirs, token).status()).isEqualTo(404);
        assertThat(api().get(lists + "/x", token).status()).isEqualTo(404);
        assertThat(api().get("/api/" + other + "/lists/" + theirs, otherToken)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("theirs");
    }

    @Test
    void aTaskChangedElsewhereShowsInTheListsTaskCountOnceTheChangeLogIsRead() throws SQLException {
        long id = newList("Watched").get("id").asLong();
        newTask(id, false);
        assertThat(api().get(lists, token).json().get(0).get("task_count").asLong())
                .isEqualTo(1);
        assertThat(api().get(lists, token).json().get(0).get("task_count").asLong())
                .as("kept")
                .isEqualTo(1);

        try (Connection connection = TestPostgres.connect();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into tasks.tasks (user_id, title, list_id) values (?, 'from elsewhere', ?)")) {
            insert.setString(1, user);
            insert.setLong(2, id);
            insert.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api().get(lists, token)
                                .json()
                                .get(0)
                                .get("task_count")
                                .asLong())
                        .isEqualTo(2));
    }
}
