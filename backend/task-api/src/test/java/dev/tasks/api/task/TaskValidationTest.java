package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Bad input gets a clear 4xx naming what is wrong, and changes nothing: 422 per invalid field,
 * 400 for broken JSON, 413 for huge bodies, 422 for bad query parameters.
 */
class TaskValidationTest extends ApiTest {

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);
    private final String tasks = "/api/" + user + "/tasks";

    static Stream<Arguments> invalidNewTasks() {
        return Stream.of(
                Arguments.of("title missing", "{\"description\":\"d\"}", "title"),
                Arguments.of("title null", "{\"title\":null}", "title"),
                Arguments.of("title blank", "{\"title\":\"   \"}", "title"),
                Arguments.of("title 201 characters", "{\"title\":\"" + "x".repeat(201) + "\"}", "title"),
                Arguments.of("title a number", "{\"title\":123}", "title"),
                Arguments.of("title a boolean", "{\"title\":true}", "title"),
                Arguments.of("title an object", "{\"title\":{\"a\":1}}", "title"),
                Arguments.of("title with NUL", "{\"title\":\"a\\u0000b\"}", "title"),
                Arguments.of("title a lone surrogate", "{\"title\":\"a\\ud800b\"}", "title"),
                Arguments.of(
                        "description 2001 characters",
                        "{\"title\":\"t\",\"description\":\"" + "x".repeat(2001) + "\"}",
                        "description"),
                Arguments.of("description a number", "{\"title\":\"t\",\"description\":5}", "description"),
                Arguments.of("completed \"yes\"", "{\"title\":\"t\",\"completed\":\"yes\"}", "completed"),
                Arguments.of("completed \"true\" (a string)", "{\"title\":\"t\",\"completed\":\"true\"}", "completed"),
                Arguments.of("completed 1", "{\"title\":\"t\",\"completed\":1}", "completed"),
                Arguments.of("unknown field", "{\"title\":\"t\",\"complete\":true}", "complete"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNewTasks")
    void createRefusesAnInvalidFieldWith422NamingIt(String name, String body, String field) {
        Response response = api().post(tasks, token, body);

        assertUnprocessable(response, field);
        assertThat(api().get(tasks, token).header("X-Total-Count"))
                .as("nothing stored")
                .contains("0");
    }

    @Test
    void createNamesEveryInvalidField() {
        Response response = api().post(tasks, token, "{\"title\":\"\",\"description\":\"" + "x".repeat(2001) + "\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("title", "description");
    }

    @Test
    void createNamesEveryFieldOfTheWrongTypeAndEveryUnknownOne() {
        Response response = api().post(
                        tasks, token, "{\"title\":1,\"description\":false,\"completed\":\"yes\",\"colour\":\"red\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly("title", "description", "completed", "colour");
        assertThat(response.json().get("detail").asString())
                .contains("title must be a string")
                .contains("completed must be true or false");
    }

    @Test
    void updateNamesEveryInvalidField() {
        long id = api().post(tasks, token, "{\"title\":\"t\"}").json().get("id").asLong();

        Response response = api().put(tasks + "/" + id, token, "{\"title\":null,\"completed\":null,\"description\":7}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("title", "completed", "description");
    }

    @Test
    void acceptsTheLongestTitleAndDescription() {
        String title = "\uD83D\uDE00".repeat(200); // 200 characters (emoji), 400 UTF-16 units
        Response response =
                api().post(tasks, token, "{\"title\":\"" + title + "\",\"description\":\"" + "d".repeat(2000) + "\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("title").asString()).isEqualTo(title);
    }

    static Stream<Arguments> invalidUpdates() {
        return Stream.of(
                Arguments.of("title null", "{\"title\":null}", "title"),
                Arguments.of("title blank", "{\"title\":\"\"}", "title"),
                Arguments.of("title 201 characters", "{\"title\":\"" + "x".repeat(201) + "\"}", "title"),
                Arguments.of("title a number", "{\"title\":1}", "title"),
                Arguments.of(
                        "description 2001 characters", "{\"description\":\"" + "x".repeat(2001) + "\"}", "description"),
                Arguments.of("description an array", "{\"description\":[\"x\"]}", "description"),
                Arguments.of("completed null", "{\"completed\":null}", "completed"),
                Arguments.of("completed \"yes\"", "{\"completed\":\"yes\"}", "completed"),
                Arguments.of("unknown field", "{\"done\":true}", "done"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUpdates")
    void updateRefusesAnInvalidFieldWith422AndChangesNothing(String name, String body, String field) {
        JsonNode task = api().post(tasks, token, "{\"title\":\"keep\",\"description\":\"as is\"}")
                .json();
        String path = tasks + "/" + task.get("id").asLong();

        assertUnprocessable(api().put(path, token, body), field);
        assertThat(api().get(path, token).json()).isEqualTo(task);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"title\":",
                "{\"title\":\"t\"",
                "not json",
                "{\"title\":\"t\"}}",
                "{\"title\":'t'}",
                "{\"title\":\"a\",\"title\":\"b\"}"
            })
    void malformedJsonIs400(String body) {
        Response response = api().post(tasks, token, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("JSON");
        assertThat(api().get(tasks, token).header("X-Total-Count")).contains("0");
    }

    /** SPEC 1.3: valid JSON that is not an object is a validation failure, on create and on update. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "null                | null",
                "[]                  | an array",
                "[{\"title\":\"t\"}]   | an array",
                "\"title\"           | a string",
                "42                  | a number",
                "-1.5e3              | a number",
                "true                | a boolean"
            })
    void aJsonBodyThatIsNotAnObjectIs422(String body, String kind) {
        String task =
                api().post(tasks, token, "{\"title\":\"t\"}").json().get("id").asString();

        for (Response response : List.of(api().post(tasks, token, body), api().put(tasks + "/" + task, token, body))) {
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).isEqualTo("body must be a JSON object, was " + kind);
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("body");
        }
        assertThat(api().get(tasks, token).header("X-Total-Count")).contains("1");
    }

    @Test
    void anEmptyBodyIsNotJsonAndIs400() {
        Response response = api().post(tasks, token, "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Response response = api().send(api().request(tasks, token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("title=t")));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String huge = "{\"title\":\"t\",\"description\":\"" + "x".repeat(1024 * 1024) + "\"}";

        Response response = api().post(tasks, token, huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("1 MiB");
        assertThat(api().get(tasks, token).header("X-Total-Count")).contains("0");
    }

    @Test
    void aChunkedBodyOverOneMebibyteIs413() {
        byte[] huge = ("{\"title\":\"t\",\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();

        // ofInputStream has no length: the body goes chunked, so only counting while reading catches it.
        Response response = api().send(api().request(tasks, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

        assertThat(response.status()).isEqualTo(413);
        assertThat(api().get(tasks, token).header("X-Total-Count")).contains("0");
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("limit=0", "limit"),
                Arguments.of("limit=1001", "limit"),
                Arguments.of("limit=abc", "limit"),
                Arguments.of("limit=-5", "limit"),
                Arguments.of("limit=99999999999999", "limit"),
                Arguments.of("offset=-1", "offset"),
                Arguments.of("offset=x", "offset"),
                Arguments.of("sort=password", "sort"),
                Arguments.of("sort=created_at;drop", "sort"),
                Arguments.of("completed=yes", "completed"),
                Arguments.of("completed=1", "completed"),
                // A repeated parameter is not "the first one wins": its values are joined, so this is "true,false".
                Arguments.of("completed=true&completed=false", "completed"),
                Arguments.of("limit=5&limit=5", "limit"),
                Arguments.of("q=%00", "q"),
                Arguments.of("q=" + "x".repeat(1001), "q"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidQueries")
    void badQueryParametersAre422NamingThem(String query, String parameter) {
        assertUnprocessable(api().get(tasks + "?" + query, token), parameter);
    }

    @Test
    void aClientThatAcceptsNoJsonGets406BeforeAnyQuery() {
        Response response = api().send(api().request(tasks + "?limit=0", token).header("Accept", "text/html"));

        assertThat(response.status()).as(response.body()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnsupportedMethodIs405() {
        Response response =
                api().send(api().request(tasks, token).method("PATCH", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static void assertUnprocessable(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asString()).contains(field);
        assertThat(Arrays.asList(
                        problem.get("errors").findValuesAsString("field").toArray()))
                .contains(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
    }
}
