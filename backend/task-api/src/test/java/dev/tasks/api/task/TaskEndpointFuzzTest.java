package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated JSON bodies and query strings at every task endpoint, with a valid token:
 * whatever a client sends, the answer is never a 5xx, an error is always problem+json without a
 * stack trace (checked by Api.send), and a refused write changes nothing. Seeded, so a failure
 * names an input that reproduces it.
 */
class TaskEndpointFuzzTest extends ApiTest {

    private static final long SEED = 0x7A5C5L;
    private static final int ROUNDS = 250;
    private static final List<String> FRAGMENTS = List.of(
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\"title\"",
            "\"description\"",
            "\"completed\"",
            "null",
            "true",
            "false",
            "0",
            "-1",
            "1e999",
            "\"x\"",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "\\",
            "\"é\"",
            "{\"title\":",
            "\"" + "y".repeat(250) + "\"",
            "NaN",
            " ",
            "\n",
            "/*",
            "'",
            "\"title\":\"ok\"");

    private final String user = newUser();
    private final String token = TestTokens.forUser(user);
    private final String tasks = "/api/" + user + "/tasks";

    @Test
    void randomBodiesAndQueriesNeverGetA5xxAndRefusedWritesChangeNothing() {
        Random random = new Random(SEED);
        Response created = api().post(tasks, token, "{\"title\":\"kept\",\"description\":\"as it was\"}");
        assertThat(created.status()).isEqualTo(201);
        String one = tasks + "/" + created.json().get("id").asLong();
        String before = api().get(one, token).body(); // refreshed after each accepted PUT is undone
        int accepted = 0;

        for (int round = 0; round < ROUNDS; round++) {
            String body = randomBody(random);
            Response post = api().post(tasks, token, body);
            assertSane(post, "POST " + body);
            if (post.status() == 201) {
                accepted++;
                api().delete(tasks + "/" + post.json().get("id").asLong(), token);
            }

            String update = randomBody(random);
            Response put = api().put(one, token, update);
            assertSane(put, "PUT " + update);
            if (put.status() == 200) {
                api().put(one, token, "{\"title\":\"kept\",\"description\":\"as it was\",\"completed\":false}");
                before = api().get(one, token).body();
            } else {
                assertThat(api().get(one, token).body())
                        .as("PUT %s was refused and changed nothing", update)
                        .isEqualTo(before);
            }

            String query = randomQuery(random);
            assertSane(api().get(tasks + "?" + query, token), "GET ?" + query);
            String id = randomId(random);
            assertSane(api().get(tasks + "/" + id, token), "GET id " + id);
            assertSane(api().patch(tasks + "/" + id + "/complete", token), "PATCH id " + id);
            assertSane(api().delete(tasks + "/" + id, token), "DELETE id " + id);
        }

        assertThat(api().get(tasks, token).header("X-Total-Count"))
                .as("only the kept task is left")
                .contains("1");
        assertThat(api().get(one, token).body()).isEqualTo(before);
        // The generator must reach the success path too, or the test only proves refusals.
        assertThat(accepted).as("random bodies that were valid tasks").isPositive();
    }

    private static void assertSane(Response response, String input) {
        assertThat(response.status()).as("status for %s", input).isBetween(200, 499);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as("content type for %s", input).startsWith("application/problem+json");
        }
    }

    /** Valid task JSON, a mutation of it, or fragments glued at random. */
    private static String randomBody(Random random) {
        String valid = "{\"title\":\"t" + random.nextInt(1000) + "\",\"description\":\"d\",\"completed\":"
                + random.nextBoolean() + "}";
        return switch (random.nextInt(3)) {
            case 0 -> valid;
            case 1 -> mutate(valid, random);
            default -> {
                StringBuilder glued = new StringBuilder();
                int parts = 1 + random.nextInt(8);
                for (int i = 0; i < parts; i++) {
                    glued.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                }
                yield glued.toString();
            }
        };
    }

    private static String mutate(String json, Random random) {
        StringBuilder mutated = new StringBuilder(json);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && !mutated.isEmpty(); i++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                default -> mutated.setCharAt(at, (char) random.nextInt(0x80));
            }
        }
        return mutated.toString();
    }

    private static String randomQuery(Random random) {
        String[] names = {"completed", "q", "sort", "limit", "offset", "unknown"};
        String[] values = {
            "true",
            "false",
            "yes",
            "",
            "-1",
            "0",
            "1001",
            "99999999999999999999",
            "title",
            "-title",
            "created_at;drop",
            "%_\\",
            "é",
            "1e3",
            "null"
        };
        StringBuilder query = new StringBuilder();
        int pairs = random.nextInt(4);
        for (int i = 0; i < pairs; i++) {
            query.append(i == 0 ? "" : "&")
                    .append(names[random.nextInt(names.length)])
                    .append('=')
                    .append(URLEncoder.encode(values[random.nextInt(values.length)], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static String randomId(Random random) {
        String[] ids = {
            "0",
            "-1",
            "abc",
            "1.5",
            "99999999999999999999",
            "9223372036854775807",
            "%20",
            "1e3",
            Long.toString(random.nextLong() & Long.MAX_VALUE)
        };
        return ids[random.nextInt(ids.length)];
    }
}
