package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** SPEC 1.7's task fields: written, read back, validated field by field, filtered and sorted. */
class TaskPlanningTest extends ApiTest {

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);
    private final String tasks = "/api/" + user + "/tasks";

    private JsonNode create(String body) {
        Response created = api().post(tasks, token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private long newList(String name) {
        Response created = api().post("/api/" + user + "/lists", token, "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private List<String> titles(String query) {
        Response list = api().get(tasks + query, token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        list.json().forEach(task -> titles.add(task.get("title").asString()));
        return titles;
    }

    @Test
    void aNewTaskHasThePlanningDefaults() {
        JsonNode task = create("{\"title\":\"plain\"}");
        assertThat(task.get("due_date").isNull()).isTrue();
        assertThat(task.get("due_time").isNull()).isTrue();
        assertThat(task.get("priority").asInt()).isZero();
        assertThat(task.get("list_id").isNull()).as("the Inbox").isTrue();
        assertThat(task.get("labels").isArray()).isTrue();
        assertThat(task.get("labels")).isEmpty();
        assertThat(task.get("position").asString()).isNotBlank();
        assertThat(task.get("recurrence").isNull()).isTrue();
        assertThat(task.get("completed_at").isNull()).isTrue();
    }

    @Test
    void everyFieldIsStoredAndReadBack() {
        long list = newList("Errands");
        JsonNode task = create("{\"title\":\"full\",\"due_date\":\"2027-03-01\",\"due_time\":\"09:30\",\"priority\":3,"
                + "\"list_id\":" + list + ",\"labels\":[\" Home \",\"home\",\"Work\"],"
                + "\"recurrence\":\"freq=weekly;byday=mo\"}");
        assertThat(task.get("due_date").asString()).isEqualTo("2027-03-01");
        assertThat(task.get("due_time").asString()).isEqualTo("09:30");
        assertThat(task.get("priority").asInt()).isEqualTo(3);
        assertThat(task.get("list_id").asLong()).isEqualTo(list);
        assertThat(task.get("labels").toString())
                .as("trimmed, one per label, first spelling")
                .isEqualTo("[\"Home\",\"Work\"]");
        assertThat(task.get("recurrence").asString()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
        assertThat(api().get(tasks + "/" + task.get("id").asLong(), token).json())
                .isEqualTo(task);
    }

    @Test
    void aPartialUpdateLeavesTheRestAndClearingTheDateClearsTheTime() {
        long id = create(
                        "{\"title\":\"t\",\"due_date\":\"2027-03-01\",\"due_time\":\"23:59\",\"priority\":2,\"labels\":[\"a\"]}")
                .get("id")
                .asLong();
        JsonNode updated =
                api().put(tasks + "/" + id, token, "{\"priority\":1}").json();
        assertThat(updated.get("due_time").asString()).isEqualTo("23:59");
        assertThat(updated.get("labels").toString()).isEqualTo("[\"a\"]");

        JsonNode cleared =
                api().put(tasks + "/" + id, token, "{\"due_date\":null}").json();
        assertThat(cleared.get("due_date").isNull()).isTrue();
        assertThat(cleared.get("due_time").isNull()).isTrue();
        assertThat(cleared.get("priority").asInt()).isEqualTo(1);
    }

    @Test
    void completedAtIsSetOnCompletionAndClearedOnReopening() {
        long id = create("{\"title\":\"t\"}").get("id").asLong();
        JsonNode done = api().patch(tasks + "/" + id + "/complete", token).json();
        assertThat(done.get("completed_at").asString()).endsWith("Z");
        JsonNode again =
                api().put(tasks + "/" + id, token, "{\"title\":\"renamed\"}").json();
        assertThat(again.get("completed_at")).as("kept while completed").isEqualTo(done.get("completed_at"));
        JsonNode open =
                api().put(tasks + "/" + id, token, "{\"completed\":false}").json();
        assertThat(open.get("completed_at").isNull()).isTrue();
        assertThat(create("{\"title\":\"born done\",\"completed\":true}")
                        .get("completed_at")
                        .isNull())
                .isFalse();
    }

    static Stream<Arguments> invalidPlanningFields() {
        return Stream.of(
                Arguments.of("an impossible date", "{\"title\":\"t\",\"due_date\":\"2027-02-30\"}", "due_date"),
                Arguments.of("a date with a time", "{\"title\":\"t\",\"due_date\":\"2027-02-01T10:00\"}", "due_date"),
                Arguments.of("a date as a number", "{\"title\":\"t\",\"due_date\":20270201}", "due_date"),
                Arguments.of("a time without a date", "{\"title\":\"t\",\"due_time\":\"10:00\"}", "due_time"),
                Arguments.of(
                        "a time of 24:00",
                        "{\"title\":\"t\",\"due_date\":\"2027-02-01\",\"due_time\":\"24:00\"}",
                        "due_time"),
                Arguments.of(
                        "a time with seconds",
                        "{\"title\":\"t\",\"due_date\":\"2027-02-01\",\"due_time\":\"10:00:00\"}",
                        "due_time"),
                Arguments.of("priority 4", "{\"title\":\"t\",\"priority\":4}", "priority"),
                Arguments.of("priority 1.5", "{\"title\":\"t\",\"priority\":1.5}", "priority"),
                Arguments.of("priority a string", "{\"title\":\"t\",\"priority\":\"high\"}", "priority"),
                Arguments.of("an unknown list", "{\"title\":\"t\",\"list_id\":999999999}", "list_id"),
                Arguments.of("list id 0", "{\"title\":\"t\",\"list_id\":0}", "list_id"),
                Arguments.of("21 labels", "{\"title\":\"t\",\"labels\":" + labels(21) + "}", "labels"),
                Arguments.of("a blank label", "{\"title\":\"t\",\"labels\":[\" \"]}", "labels"),
                Arguments.of(
                        "a 41-character label", "{\"title\":\"t\",\"labels\":[\"" + "x".repeat(41) + "\"]}", "labels"),
                Arguments.of("labels not strings", "{\"title\":\"t\",\"labels\":[1]}", "labels"),
                Arguments.of("labels null", "{\"title\":\"t\",\"labels\":null}", "labels"),
                Arguments.of(
                        "an hourly rule",
                        "{\"title\":\"t\",\"due_date\":\"2027-02-01\",\"recurrence\":\"FREQ=HOURLY\"}",
                        "recurrence"),
                Arguments.of(
                        "BYSETPOS",
                        "{\"title\":\"t\",\"due_date\":\"2027-02-01\",\"recurrence\":\"FREQ=MONTHLY;BYSETPOS=1\"}",
                        "recurrence"),
                Arguments.of(
                        "a rule without a due date", "{\"title\":\"t\",\"recurrence\":\"FREQ=DAILY\"}", "recurrence"),
                Arguments.of("position is read-only", "{\"title\":\"t\",\"position\":\"a\"}", "position"),
                Arguments.of("completed_at is read-only", "{\"title\":\"t\",\"completed_at\":null}", "completed_at"));
    }

    private static String labels(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("\"label " + i + "\"");
        }
        return names.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPlanningFields")
    void createRefusesAnInvalidPlanningFieldWith422NamingItAndStoresNothing(String name, String body, String field) {
        assertUnprocessable(api().post(tasks, token, body), field);
        assertThat(api().get(tasks, token).header("X-Total-Count"))
                .as("nothing stored")
                .contains("0");
    }

    @Test
    void aPriorityOutOfRangeIsRefusedWithEveryNumberAndItsWord() {
        Response response = api().post(tasks, token, "{\"title\":\"t\",\"priority\":4}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must be 0 (none), 1 (low), 2 (medium) or 3 (high)");
    }

    @Test
    void anotherUsersListIs422LikeAMissingOne() {
        String other = newUser();
        long theirs = api().post("/api/" + other + "/lists", TestTokens.forUser(other), "{\"name\":\"theirs\"}")
                .json()
                .get("id")
                .asLong();
        assertUnprocessable(api().post(tasks, token, "{\"title\":\"t\",\"list_id\":" + theirs + "}"), "list_id");
        long id = create("{\"title\":\"t\"}").get("id").asLong();
        assertUnprocessable(api().put(tasks + "/" + id, token, "{\"list_id\":" + theirs + "}"), "list_id");
        assertThat(api().get(tasks + "/" + id, token).json().get("list_id").isNull())
                .isTrue();
    }

    @Test
    void aWriteRefusedHalfwayThroughItsWorkChangesNothing() {
        long id =
                create("{\"title\":\"before\",\"labels\":[\"old\"]}").get("id").asLong();
        // The labels are respelled (under the owner's label lock) before the list is found missing.
        Response refused =
                api().put(tasks + "/" + id, token, "{\"title\":\"after\",\"labels\":[\"new\"],\"list_id\":999999999}");
        assertUnprocessable(refused, "list_id");
        JsonNode unchanged = api().get(tasks + "/" + id, token).json();
        assertThat(unchanged.get("title").asString()).isEqualTo("before");
        assertThat(unchanged.get("labels").toString()).isEqualTo("[\"old\"]");
        assertThat(api().get("/api/" + user + "/labels", token).json().toString())
                .contains("old")
                .doesNotContain("new");
    }

    @Test
    void anUpdateIsJudgedOnTheTaskItLeavesAndChangesNothingWhenRefused() {
        long id = create("{\"title\":\"t\",\"due_date\":\"2027-02-01\",\"recurrence\":\"FREQ=DAILY\"}")
                .get("id")
                .asLong();
        assertUnprocessable(api().put(tasks + "/" + id, token, "{\"due_date\":null}"), "recurrence");
        assertUnprocessable(
                api().put(tasks + "/" + id, token, "{\"title\":\"changed\",\"labels\":" + labels(21) + "}"), "labels");
        JsonNode unchanged = api().get(tasks + "/" + id, token).json();
        assertThat(unchanged.get("title").asString()).isEqualTo("t");
        assertThat(unchanged.get("due_date").asString()).isEqualTo("2027-02-01");
        JsonNode cleared = api().put(tasks + "/" + id, token, "{\"due_date\":null,\"recurrence\":null}")
                .json();
        assertThat(cleared.get("recurrence").isNull()).isTrue();
    }

    @Test
    void filtersByListInboxLabelsPriorityAndDueDates() {
        long errands = newList("Errands");
        create("{\"title\":\"milk\",\"list_id\":" + errands + ",\"labels\":[\"Shop\",\"Urgent\"],\"priority\":3,"
                + "\"due_date\":\"2027-01-10\"}");
        create("{\"title\":\"bread\",\"list_id\":" + errands + ",\"labels\":[\"shop\"],\"priority\":1,"
                + "\"due_date\":\"2027-01-20\"}");
        create("{\"title\":\"read\",\"labels\":[\"urgent\"],\"priority\":2}");

        assertThat(titles("?list_id=" + errands + "&sort=title")).containsExactly("bread", "milk");
        assertThat(titles("?list_id=inbox")).containsExactly("read");
        assertThat(titles("?label=SHOP&sort=title")).as("case-insensitive").containsExactly("bread", "milk");
        assertThat(titles("?label=shop&label=urgent")).as("all of them").containsExactly("milk");
        assertThat(titles("?priority=2&sort=title")).containsExactly("milk", "read");
        assertThat(titles("?due_before=2027-01-10")).as("inclusive").containsExactly("milk");
        assertThat(titles("?due_after=2027-01-10&sort=title")).containsExactly("bread", "milk");
        assertThat(titles("?due_after=2027-01-11&due_before=2027-01-20")).containsExactly("bread");
        assertThat(api().get(tasks + "?label=shop", token).header("X-Total-Count"))
                .contains("2");
    }

    @Test
    void sortsByDueDateWithUndatedLastBothWaysAndByPriority() {
        create("{\"title\":\"undated\",\"priority\":1}");
        create("{\"title\":\"later\",\"due_date\":\"2027-05-01\",\"priority\":3}");
        create("{\"title\":\"sooner\",\"due_date\":\"2027-04-01\"}");
        create("{\"title\":\"sooner, timed\",\"due_date\":\"2027-04-01\",\"due_time\":\"08:00\",\"priority\":2}");

        assertThat(titles("?sort=due_date")).containsExactly("sooner, timed", "sooner", "later", "undated");
        assertThat(titles("?sort=-due_date")).containsExactly("later", "sooner, timed", "sooner", "undated");
        assertThat(titles("?sort=-priority")).containsExactly("later", "sooner, timed", "undated", "sooner");
        assertThat(titles("?sort=priority")).containsExactly("sooner", "undated", "sooner, timed", "later");
        assertThat(titles("?sort=position"))
                .as("manual order: creation order at first")
                .containsExactly("undated", "later", "sooner", "sooner, timed");
    }

    @Test
    void overdueMeansBeforeTodayInTheZoneAskedFor() {
        // UTC+14 and UTC-11 are 25 hours apart: at any moment one of them is on another date than UTC.
        LocalDate utcToday = LocalDate.now(ZoneOffset.UTC);
        String zone = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).isAfter(utcToday)
                ? "Pacific/Kiritimati"
                : "Pacific/Pago_Pago";
        LocalDate zoneToday = LocalDate.now(ZoneId.of(zone));
        assertThat(zoneToday).isNotEqualTo(utcToday);

        create("{\"title\":\"due today in UTC\",\"due_date\":\"" + utcToday + "\"}");
        create("{\"title\":\"due yesterday in UTC\",\"due_date\":\"" + utcToday.minusDays(1) + "\"}");
        create("{\"title\":\"long overdue but done\",\"due_date\":\"2020-01-01\",\"completed\":true}");
        create("{\"title\":\"undated\"}");

        assertThat(titles("?overdue=true")).containsExactly("due yesterday in UTC");
        assertThat(titles("?overdue=true&tz=UTC")).containsExactly("due yesterday in UTC");
        if (zoneToday.isAfter(utcToday)) { // Kiritimati: today in UTC is already yesterday there
            assertThat(titles("?overdue=true&tz=" + zone))
                    .containsExactlyInAnyOrder("due today in UTC", "due yesterday in UTC");
        } else { // Pago Pago: yesterday in UTC is still today there
            assertThat(titles("?overdue=true&tz=" + zone)).isEmpty();
        }
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("tz=Mars/Olympus&overdue=true", "tz"),
                Arguments.of("tz=%2B02:00", "tz"),
                Arguments.of("overdue=yes", "overdue"),
                Arguments.of("list_id=-1", "list_id"),
                Arguments.of("list_id=lists", "list_id"),
                Arguments.of("priority=4", "priority"),
                Arguments.of("due_before=2027-13-01", "due_before"),
                Arguments.of("due_after=tomorrow", "due_after"),
                Arguments.of("label=%20", "label"),
                Arguments.of("sort=due", "sort"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidQueries")
    void badPlanningQueryParametersAre422NamingThem(String query, String parameter) {
        assertUnprocessable(api().get(tasks + "?" + query, token), parameter);
    }

    static void assertUnprocessable(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("detail").asString()).contains(field);
        assertThat(Arrays.asList(
                        problem.get("errors").findValuesAsString("field").toArray()))
                .contains(field);
    }
}
