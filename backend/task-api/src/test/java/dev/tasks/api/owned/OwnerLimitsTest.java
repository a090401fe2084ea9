package dev.tasks.api.owned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.BetterAuthTeams;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-owner limits (OwnerLimits, migration V14's triggers), set tiny here through their
 * variables: 5 tasks and 3 lists. Whatever path adds a task or a list, the owner never keeps more,
 * the refusal is a 409 problem naming the limit, and nothing of the refused request is written.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "TASKS_MAX_PER_OWNER=5",
            "LISTS_MAX_PER_OWNER=3",
            // As in ApiTest: no limits on requests, route tests without session rows, no fixed ports.
            "RATE_LIMIT_USER_RPS=0",
            "RATE_LIMIT_IP_RPS=0",
            "BETTER_AUTH_SESSION_CHECK=if-present",
            "MANAGEMENT_SERVER_PORT=off"
        })
class OwnerLimitsTest extends ApiTest {

    @Autowired
    private JdbcClient jdbc;

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);

    private Response create(String path, String title) {
        return api().post(path + "/tasks", token, "{\"title\":\"" + title + "\"}");
    }

    private Response importCsv(String path, String csv) {
        return api().send(api().request(path + "/import?format=csv", token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private long stored(String column, String owner) {
        return jdbc.sql("select count(*) from tasks.tasks where " + column + " = ?")
                .param(owner)
                .query(Long.class)
                .single();
    }

    private long lists(String owner) {
        return jdbc.sql("select count(*) from tasks.lists where user_id = ?")
                .param(owner)
                .query(Long.class)
                .single();
    }

    private void fill(String path, int tasks) {
        for (int i = 0; i < tasks; i++) {
            Response created = create(path, "task " + i);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    private static void assertTaskLimit(Response refused, String says) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .startsWith(says + " at most 5 tasks (open and completed together)")
                .endsWith("Delete some first.");
        assertThat(refused.json().get("limit").asString()).isEqualTo("tasks_per_owner");
        assertThat(refused.json().get("max").asInt()).isEqualTo(5);
    }

    @Test
    void atTheLimitACreateIsRefusedAndWritesNothing() {
        String path = "/api/" + user;
        fill(path, 5);

        assertTaskLimit(create(path, "one too many"), "You can keep");
        assertThat(stored("user_id", user)).isEqualTo(5);
        assertThat(api().get(path + "/tasks?q=many", token).json()).isEmpty();
    }

    @Test
    void deletingATaskMakesRoomAgain() {
        String path = "/api/" + user;
        fill(path, 5);
        long first = api().get(path + "/tasks", token).json().get(0).get("id").asLong();
        assertThat(create(path, "refused").status()).isEqualTo(409);

        assertThat(api().delete(path + "/tasks/" + first, token).status()).isEqualTo(200);

        assertThat(create(path, "fits again").status()).isEqualTo(201);
        assertThat(create(path, "full again").status()).isEqualTo(409);
        assertThat(stored("user_id", user)).isEqualTo(5);
    }

    @Test
    void completedTasksCountToo() {
        String path = "/api/" + user;
        fill(path, 5);
        for (var task : api().get(path + "/tasks", token).json()) {
            api().patch(path + "/tasks/" + task.get("id").asLong() + "/complete", token);
        }

        assertThat(create(path, "still full").status()).isEqualTo(409);
    }

    @Test
    void anImportThatWouldGoOverIsRefusedWhole() {
        String path = "/api/" + user;
        fill(path, 3);

        Response refused = importCsv(path, "title,list\nA,New list\nB,\nC,\n");

        assertTaskLimit(refused, "You can keep");
        assertThat(stored("user_id", user)).isEqualTo(3);
        assertThat(lists(user)).as("the import's new list is not kept either").isZero();
        Response fits = importCsv(path, "title,list\nA,New list\nB,\n");
        assertThat(fits.status()).as(fits.body()).isEqualTo(200);
        assertThat(fits.json().get("tasks_added").asInt()).isEqualTo(2);
        assertThat(stored("user_id", user)).isEqualTo(5);
    }

    @Test
    void aTeamsLimitIsItsOwnNotItsMembers() {
        String team = BetterAuthTeams.create(user);
        fill("/api/" + user, 5);

        fill("/api/teams/" + team, 5);

        assertTaskLimit(create("/api/teams/" + team, "one too many"), "A team can keep");
        assertTaskLimit(create("/api/" + user, "one too many"), "You can keep");
        assertThat(stored("team_id", team)).isEqualTo(5);
        assertThat(stored("user_id", user)).isEqualTo(5);
    }

    @Test
    void listsHaveTheirOwnLimit() {
        String path = "/api/" + user;
        for (int i = 0; i < 3; i++) {
            assertThat(api().post(path + "/lists", token, "{\"name\":\"List " + i + "\"}")
                            .status())
                    .isEqualTo(201);
        }

        Response refused = api().post(path + "/lists", token, "{\"name\":\"Fourth\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).startsWith("You can keep at most 3 lists;");
        assertThat(refused.json().get("limit").asString()).isEqualTo("lists_per_owner");
        assertThat(lists(user)).isEqualTo(3);
        Response importing = importCsv(path, "title,list\nA,Another list\n");
        assertThat(importing.status()).as("an import's new list counts too").isEqualTo(409);
        assertThat(stored("user_id", user)).isZero();
    }

    @Test
    void concurrentCreatesAndImportsNeverGoOver() throws Exception {
        String path = "/api/" + user;
        List<Callable<Response>> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            writes.add(
                    () -> n % 4 == 0 ? importCsv(path, "title\nimported " + n + "\n") : create(path, "created " + n));
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<Response> answer : pool.invokeAll(writes)) {
                statuses.add(answer.get().status());
            }
        }

        assertThat(stored("user_id", user)).isEqualTo(5);
        assertThat(statuses).containsOnly(200, 201, 409);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(15);
    }

    @Test
    void tasksWrittenByPlainSqlCountAndASessionWithoutTheSettingGetsTheDefault() throws SQLException {
        try (Connection plain = TestPostgres.connect();
                PreparedStatement insert = plain.prepareStatement(
                        "insert into tasks.tasks (user_id, title) select ?, 'seeded ' || n from generate_series(1, 6) n")) {
            insert.setString(1, user);
            assertThat(insert.executeUpdate())
                    .as("this session has no limit set: V14's default (100,000) applies")
                    .isEqualTo(6);
        }

        assertThat(create("/api/" + user, "over").status()).isEqualTo(409);
        assertThat(jdbc.sql("select tasks from tasks.owner_counts where owner_key = tasks.owner_key(?, null)")
                        .param(user)
                        .query(Integer.class)
                        .single())
                .isEqualTo(6);
    }
}
