package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every task endpoint's success path, with filters, search, order and paging (SPEC 1.3). */
class TaskApiTest extends ApiTest {

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);
    private final String tasks = "/api/" + user + "/tasks";

    @Test
    void createsATaskWith201LocationAndTheStoredTask() {
        Response created = api().post(tasks, token, "{\"title\":\"  Buy milk  \",\"description\":\"2 liters\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode task = created.json();
        assertThat(task.get("id").isIntegralNumber()).isTrue();
        assertThat(task.get("user_id").asString()).isEqualTo(user);
        assertThat(task.get("title").asString()).isEqualTo("Buy milk");
        assertThat(task.get("description").asString()).isEqualTo("2 liters");
        assertThat(task.get("completed").asBoolean()).isFalse();
        assertThat(created.header("Location"))
                .contains(tasks + "/" + task.get("id").asLong());

        Response fetched = api().get(created.header("Location").orElseThrow(), token);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(task);
    }

    @Test
    void writesSnakeCaseFieldsAndIsoUtcTimestamps() {
        JsonNode task = create("{\"title\":\"t\",\"completed\":true}");

        assertThat(fieldNames(task))
                .containsExactlyInAnyOrder(
                        "id",
                        "user_id",
                        "team_id",
                        "assignee_id",
                        "title",
                        "description",
                        "completed",
                        "due_date",
                        "due_time",
                        "priority",
                        "list_id",
                        "labels",
                        "position",
                        "recurrence",
                        "completed_at",
                        "created_at",
                        "updated_at");
        assertThat(task.get("description").isNull()).isTrue();
        assertThat(task.get("completed").asBoolean()).isTrue();
        assertThat(task.get("created_at").asString()).endsWith("Z");
        assertThat(Instant.parse(task.get("created_at").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(task.get("updated_at").asString())
                .isEqualTo(task.get("created_at").asString());
    }

    @Test
    void listsOnlyYourTasksNewestFirstWithTheTotalCount() {
        create("{\"title\":\"first\"}");
        create("{\"title\":\"second\"}");
        create("{\"title\":\"third\"}");
        String other = newUser();
        api().post("/api/" + other + "/tasks", TestTokens.forUser(other), "{\"title\":\"not yours\"}");

        Response list = api().get(tasks, token);

        assertThat(list.status()).isEqualTo(200);
        assertThat(titles(list)).containsExactly("third", "second", "first");
        assertThat(list.header("X-Total-Count")).contains("3");
    }

    @Test
    void listOfANewUserIsEmpty() {
        Response list = api().get(tasks, token);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isZero();
        assertThat(list.header("X-Total-Count")).contains("0");
    }

    @Test
    void filtersByCompleted() {
        create("{\"title\":\"open\"}");
        create("{\"title\":\"done\",\"completed\":true}");

        assertThat(titles(api().get(tasks + "?completed=true", token))).containsExactly("done");
        assertThat(titles(api().get(tasks + "?completed=false", token))).containsExactly("open");
    }

    @Test
    void searchesTitleAndDescriptionCaseInsensitively() {
        create("{\"title\":\"Buy MILK\"}");
        create("{\"title\":\"Call mom\",\"description\":\"about the milkman\"}");
        create("{\"title\":\"Unrelated\"}");

        Response found = api().get(tasks + "?q=milk", token);

        assertThat(titles(found)).containsExactlyInAnyOrder("Buy MILK", "Call mom");
        assertThat(found.header("X-Total-Count")).contains("2");
    }

    @Test
    void aRepeatedSearchIsOneSearchForItsValuesJoinedWithCommas() {
        create("{\"title\":\"salt,pepper\"}");
        create("{\"title\":\"salt\"}");

        assertThat(titles(api().get(tasks + "?q=salt&q=pepper", token))).containsExactly("salt,pepper");
    }

    @Test
    void searchTakesPercentUnderscoreAndBackslashLiterally() {
        create("{\"title\":\"100% done\"}");
        create("{\"title\":\"1000 done\"}");
        create("{\"title\":\"snake_case\"}");
        create("{\"title\":\"snakeXcase\"}");
        create("{\"title\":\"back\\\\slash\"}");

        assertThat(titles(api().get(tasks + "?q=0%25", token))).containsExactly("100% done");
        assertThat(titles(api().get(tasks + "?q=e_c", token))).containsExactly("snake_case");
        assertThat(titles(api().get(tasks + "?q=%25", token))).containsExactly("100% done");
        assertThat(titles(api().get(tasks + "?q=k%5Cs", token))).containsExactly("back\\slash");
    }

    @Test
    void sortsByEveryAllowedKey() {
        create("{\"title\":\"banana\"}");
        create("{\"title\":\"Apple\"}");
        create("{\"title\":\"cherry\"}");
        api().put(tasks + "/" + idOf("banana"), token, "{\"description\":\"touched last\"}");

        assertThat(titles(api().get(tasks + "?sort=title", token))).containsExactly("Apple", "banana", "cherry");
        assertThat(titles(api().get(tasks + "?sort=-title", token))).containsExactly("cherry", "banana", "Apple");
        assertThat(titles(api().get(tasks + "?sort=created_at", token))).containsExactly("banana", "Apple", "cherry");
        assertThat(titles(api().get(tasks + "?sort=-created_at", token))).containsExactly("cherry", "Apple", "banana");
        assertThat(titles(api().get(tasks + "?sort=-updated_at", token))).startsWith("banana");
        assertThat(titles(api().get(tasks + "?sort=updated_at", token))).endsWith("banana");
    }

    @Test
    void pagesWithLimitAndOffsetAndCountsAllMatches() {
        for (int i = 1; i <= 5; i++) {
            create("{\"title\":\"task " + i + "\"}");
        }

        Response first = api().get(tasks + "?limit=2", token);
        Response second = api().get(tasks + "?limit=2&offset=2", token);
        Response last = api().get(tasks + "?limit=2&offset=4", token);
        Response beyond = api().get(tasks + "?limit=2&offset=10", token);

        assertThat(titles(first)).containsExactly("task 5", "task 4");
        assertThat(titles(second)).containsExactly("task 3", "task 2");
        assertThat(titles(last)).containsExactly("task 1");
        assertThat(titles(beyond)).isEmpty();
        assertThat(List.of(first, second, last, beyond))
                .allSatisfy(page -> assertThat(page.header("X-Total-Count")).contains("5"));
    }

    @Test
    void updateChangesOnlyTheFieldsSent() {
        JsonNode task = create("{\"title\":\"old\",\"description\":\"keep me\"}");
        String path = tasks + "/" + task.get("id").asLong();

        Response renamed = api().put(path, token, "{\"title\":\"  new  \"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("title").asString()).isEqualTo("new");
        assertThat(renamed.json().get("description").asString()).isEqualTo("keep me");
        assertThat(renamed.json().get("completed").asBoolean()).isFalse();
        assertThat(Instant.parse(renamed.json().get("updated_at").asString()))
                .isAfter(Instant.parse(task.get("updated_at").asString()));
        assertThat(renamed.json().get("created_at")).isEqualTo(task.get("created_at"));

        Response completed = api().put(path, token, "{\"completed\":true}");
        assertThat(completed.json().get("completed").asBoolean()).isTrue();
        assertThat(completed.json().get("title").asString()).isEqualTo("new");
    }

    @Test
    void updateWithNullDescriptionClearsIt() {
        JsonNode task = create("{\"title\":\"t\",\"description\":\"remove me\"}");

        Response cleared = api().put(tasks + "/" + task.get("id").asLong(), token, "{\"description\":null}");

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("description").isNull()).isTrue();
        assertThat(cleared.json().get("title").asString()).isEqualTo("t");
    }

    @Test
    void updateWithAnEmptyBodyChangesNothing() {
        JsonNode task = create("{\"title\":\"t\",\"description\":\"d\"}");

        Response same = api().put(tasks + "/" + task.get("id").asLong(), token, "{}");

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json()).isEqualTo(task);
    }

    @Test
    void toggleFlipsCompletedBackAndForth() {
        JsonNode task = create("{\"title\":\"t\"}");
        String path = tasks + "/" + task.get("id").asLong() + "/complete";

        Response once = api().patch(path, token);
        Response twice = api().patch(path, token);

        assertThat(once.status()).isEqualTo(200);
        assertThat(once.json().get("completed").asBoolean()).isTrue();
        assertThat(twice.json().get("completed").asBoolean()).isFalse();
    }

    @Test
    void deleteAnswersWithTheIdAndTheTaskIsGone() {
        long id = create("{\"title\":\"t\"}").get("id").asLong();

        Response deleted = api().delete(tasks + "/" + id, token);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(fieldNames(deleted.json())).containsExactlyInAnyOrder("status", "task_id");
        assertThat(deleted.json().get("status").asString()).isEqualTo("deleted");
        assertThat(deleted.json().get("task_id").asLong()).isEqualTo(id);
        assertThat(api().get(tasks + "/" + id, token).status()).isEqualTo(404);
        assertThat(api().delete(tasks + "/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void nonNumericOrOutOfRangeIdsAreNotFound() {
        for (String id : List.of("abc", "1.5", "-1", "0", "99999999999999999999", "9223372036854775807")) {
            Response response = api().get(tasks + "/" + id, token);
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).isNotBlank();
        }
    }

    @Test
    void acceptsHs256TokensSignedWithTheConfiguredSecret() {
        String hsUser = newUser();

        Response created = api().post("/api/" + hsUser + "/tasks", TestTokens.hs256(hsUser), "{\"title\":\"minted\"}");

        assertThat(created.status()).isEqualTo(201);
    }

    private JsonNode create(String body) {
        Response created = api().post(tasks, token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private long idOf(String title) {
        return StreamSupport.stream(api().get(tasks, token).json().spliterator(), false)
                .filter(task -> task.get("title").asString().equals(title))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
    }

    private static List<String> titles(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return StreamSupport.stream(list.json().spliterator(), false)
                .map(task -> task.get("title").asString())
                .toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }
}
