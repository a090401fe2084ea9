package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Completing a recurring task moves it to its next occurrence and leaves it open; the last one completes. */
class RecurringTaskTest extends ApiTest {

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);
    private final String tasks = "/api/" + user + "/tasks";

    private long create(String due, String rule) {
        return api().post(
                        tasks,
                        token,
                        "{\"title\":\"r\",\"due_date\":\"" + due + "\",\"due_time\":\"07:15\"," + "\"recurrence\":\""
                                + rule + "\"}")
                .json()
                .get("id")
                .asLong();
    }

    private JsonNode complete(long id) {
        return api().patch(tasks + "/" + id + "/complete", token).json();
    }

    @Test
    void monthlyOnThe31stSkipsFebruaryAndStaysOpen() {
        long id = create("2027-01-31", "FREQ=MONTHLY");
        JsonNode next = complete(id);
        assertThat(next.get("due_date").asString()).isEqualTo("2027-03-31");
        assertThat(next.get("due_time").asString()).isEqualTo("07:15");
        assertThat(next.get("completed").asBoolean()).isFalse();
        assertThat(next.get("completed_at").isNull())
                .as("a step is not a completion")
                .isTrue();
    }

    @Test
    void countEndsTheSeriesAndTheLastOneCompletes() {
        long id = create("2027-01-01", "FREQ=WEEKLY;BYDAY=FR;COUNT=3"); // a Friday
        assertThat(complete(id).get("due_date").asString()).isEqualTo("2027-01-08");
        assertThat(complete(id).get("due_date").asString()).isEqualTo("2027-01-15");
        JsonNode last = complete(id);
        assertThat(last.get("completed").asBoolean()).isTrue();
        assertThat(last.get("due_date").asString()).isEqualTo("2027-01-15");
        assertThat(last.get("completed_at").isNull()).isFalse();
    }

    @Test
    void untilEndsTheSeriesAndAPutOfCompletedStepsLikeTheToggle() {
        long id = create("2028-02-29", "FREQ=YEARLY;UNTIL=20330101");
        JsonNode next =
                api().put(tasks + "/" + id, token, "{\"completed\":true}").json();
        assertThat(next.get("due_date").asString()).isEqualTo("2032-02-29");
        assertThat(next.get("completed").asBoolean()).isFalse();
        assertThat(complete(id).get("completed").asBoolean())
                .as("2036 is after UNTIL")
                .isTrue();
    }

    @Test
    void aNewDueDateStartsANewSeries() {
        long id = create("2027-01-01", "FREQ=DAILY;COUNT=2");
        api().put(tasks + "/" + id, token, "{\"due_date\":\"2027-06-01\"}");
        assertThat(complete(id).get("due_date").asString()).isEqualTo("2027-06-02");
        assertThat(complete(id).get("completed").asBoolean()).isTrue();
    }
}
