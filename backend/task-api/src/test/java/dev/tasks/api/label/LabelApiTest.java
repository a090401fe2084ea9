package dev.tasks.api.label;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Labels (SPEC 1.7): one per name whatever the case, the first spelling wins, renamed, merged, removed. */
class LabelApiTest extends ApiTest {

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);
    private final String labels = "/api/" + user + "/labels";
    private final String tasks = "/api/" + user + "/tasks";

    private long task(String labels, boolean completed) {
        Response created =
                api().post(tasks, token, "{\"title\":\"t\",\"labels\":" + labels + ",\"completed\":" + completed + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private List<String> labelsOf(long task) {
        List<String> names = new ArrayList<>();
        api().get(tasks + "/" + task, token).json().get("labels").forEach(l -> names.add(l.asString()));
        return names;
    }

    private String all() {
        Response response = api().get(labels, token);
        assertThat(response.status()).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        for (JsonNode label : response.json()) {
            text.append(label.get("name").asString())
                    .append('=')
                    .append(label.get("task_count").asLong())
                    .append(' ');
        }
        return text.toString().strip();
    }

    @Test
    void theFirstSpellingStoredWinsAndCountsAreOfOpenTasks() {
        task("[\"Work\"]", false);
        long second = task("[\"WORK\",\"home\"]", false);
        task("[\"home\"]", true);
        assertThat(labelsOf(second)).containsExactly("Work", "home");
        assertThat(all()).isEqualTo("home=1 Work=2");
        long third = task("[]", false);
        api().put(tasks + "/" + third, token, "{\"labels\":[\"work\"]}");
        assertThat(labelsOf(third)).containsExactly("Work");
        assertThat(all()).as("the kept page was dropped").isEqualTo("home=1 Work=3");
    }

    @Test
    void aLabelExistsWhileATaskUsesIt() {
        long only = task("[\"fleeting\"]", false);
        assertThat(all()).isEqualTo("fleeting=1");
        api().put(tasks + "/" + only, token, "{\"labels\":[]}");
        assertThat(all()).isEmpty();
        long done = task("[\"archived\"]", true);
        assertThat(all()).as("a label of completed tasks only").isEqualTo("archived=0");
        api().delete(tasks + "/" + done, token);
        assertThat(all()).isEmpty();
    }

    @Test
    void renamingIntoAnExistingLabelMergesUnderItsSpelling() {
        long both = task("[\"errands\",\"Shopping\"]", false);
        long one = task("[\"errands\"]", false);
        Response renamed = api().put(labels + "/ERRANDS", token, "{\"name\":\"shopping\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("task_count").asLong()).isEqualTo(2);
        assertThat(labelsOf(both)).containsExactly("Shopping");
        assertThat(labelsOf(one)).containsExactly("Shopping");
        assertThat(all()).isEqualTo("Shopping=2");

        assertThat(api().put(labels + "/shopping", token, "{\"name\":\"SHOPPING\"}")
                        .status())
                .isEqualTo(200);
        assertThat(all()).as("the same label respelled").isEqualTo("SHOPPING=2");
    }

    @Test
    void deletingALabelTakesItOffEveryTask() {
        long task = task("[\"a\",\"B\",\"c\"]", false);
        task("[\"b\"]", true);
        Response deleted = api().delete(labels + "/b", token);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("task_count").asLong()).isEqualTo(2);
        assertThat(labelsOf(task)).containsExactly("a", "c");
        assertThat(all()).isEqualTo("a=1 c=1");
    }

    @Test
    void anUnknownOrAnotherUsersLabelIs404AndBadNamesAre422() {
        String other = newUser();
        api().post("/api/" + other + "/tasks", TestTokens.forUser(other), "{\"title\":\"t\",\"labels\":[\"theirs\"]}");
        assertThat(api().delete(labels + "/theirs", token).status()).isEqualTo(404);
        assertThat(api().put(labels + "/theirs", token, "{\"name\":\"mine\"}").status())
                .isEqualTo(404);
        task("[\"mine\"]", false);
        assertThat(api().put(labels + "/mine", token, "{\"name\":\"" + "x".repeat(41) + "\"}")
                        .status())
                .isEqualTo(422);
        assertThat(api().put(labels + "/mine", token, "{\"label\":\"x\"}").status())
                .isEqualTo(422);
        assertThat(api().get("/api/" + other + "/labels", TestTokens.forUser(other))
                        .json()
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("theirs");
    }
}
