package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every user reaches only their own tasks: 403 for another user's path, 404 for another user's task id. */
class TaskOwnershipTest extends ApiTest {

    private final String alice = newUser();
    private final String aliceToken = TestTokens.forUser(alice);
    private final String bob = newUser();
    private final String bobToken = TestTokens.forUser(bob);

    @Test
    void anotherUsersPathIs403OnEveryRoute() {
        long id = api().post("/api/" + alice + "/tasks", aliceToken, "{\"title\":\"alice's\"}")
                .json()
                .get("id")
                .asLong();
        String tasks = "/api/" + alice + "/tasks";

        List<Response> responses = List.of(
                api().get(tasks, bobToken),
                api().post(tasks, bobToken, "{\"title\":\"sneaky\"}"),
                api().get(tasks + "/" + id, bobToken),
                api().put(tasks + "/" + id, bobToken, "{\"title\":\"sneaky\"}"),
                api().delete(tasks + "/" + id, bobToken),
                api().patch(tasks + "/" + id + "/complete", bobToken));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains("user");
        });
        assertUnchanged(id);
    }

    @Test
    void anotherUsersTaskIs404OnEveryRouteAndStaysUnchanged() {
        long id = api().post("/api/" + alice + "/tasks", aliceToken, "{\"title\":\"alice's\"}")
                .json()
                .get("id")
                .asLong();
        String bobsPath = "/api/" + bob + "/tasks/" + id;

        List<Function<String, Response>> routes = List.of(
                path -> api().get(path, bobToken),
                path -> api().put(path, bobToken, "{\"title\":\"stolen\",\"completed\":true}"),
                path -> api().patch(path + "/complete", bobToken),
                path -> api().delete(path, bobToken));

        for (Function<String, Response> route : routes) {
            Response response = route.apply(bobsPath);
            assertThat(response.status()).isEqualTo(404);
            // Exactly what a task that does not exist gets: nothing tells the two apart.
            Response missing = route.apply("/api/" + bob + "/tasks/" + (id + 1_000_000));
            assertThat(response.json().get("title")).isEqualTo(missing.json().get("title"));
        }
        assertUnchanged(id);
        assertThat(api().get("/api/" + bob + "/tasks", bobToken).header("X-Total-Count"))
                .contains("0");
    }

    @Test
    void aPathUserIdThatMerelyStartsLikeYoursIs403() {
        assertThat(api().get("/api/" + alice + "x/tasks", aliceToken).status()).isEqualTo(403);
        assertThat(api().get("/api/" + alice.substring(0, 8) + "/tasks", aliceToken)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void withoutATokenTheTaskRoutesAre401NotA403() {
        Response response = api().get("/api/" + alice + "/tasks", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    private void assertUnchanged(long id) {
        Response list = api().get("/api/" + alice + "/tasks", aliceToken);
        assertThat(list.header("X-Total-Count")).contains("1");
        JsonNode task = list.json().get(0);
        assertThat(task.get("id").asLong()).isEqualTo(id);
        assertThat(task.get("title").asString()).isEqualTo("alice's");
        assertThat(task.get("completed").asBoolean()).isFalse();
        assertThat(task.get("created_at")).isEqualTo(task.get("updated_at"));
    }
}
