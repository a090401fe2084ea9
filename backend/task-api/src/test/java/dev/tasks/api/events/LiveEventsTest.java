package dev.tasks.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.BetterAuthSessionTable;
import dev.tasks.api.support.EventStream;
import dev.tasks.api.support.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC 1.8 over real HTTP with real tokens on the test PostgreSQL: every change of a user's tasks,
 * lists and labels (moves too) reaches their open stream from the change log; Last-Event-ID resumes
 * with nothing missed; a cursor the log no longer covers gets a reset; the stream ends at the
 * token's exp and after its session ends; another user's stream is refused like any route of theirs.
 */
class LiveEventsTest extends ApiTest {

    private String user;
    private String token;
    private String base;

    @BeforeAll
    static void betterAuthHasMigrated() {
        BetterAuthSessionTable.createTable();
    }

    @BeforeEach
    void aUserOfItsOwn() {
        user = ApiTest.newUser();
        token = TestTokens.forUser(user);
        base = "/api/" + user;
    }

    private EventStream open(String lastEventId) {
        EventStream stream = EventStream.open(api(), base + "/events", token, lastEventId);
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    @Test
    void opensAsAnEventStreamWithACursor() {
        try (EventStream stream = open(null)) {
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("Cache-Control")).contains("no-store");
            assertThat(stream.next(event -> event.id() != null).id()).matches("[0-9]+");
        }
    }

    @Test
    void everyChangeOfTasksListsLabelsAndMovesIsAnEvent() {
        try (EventStream stream = open(null)) {
            long list = api().post(base + "/lists", token, "{\"name\":\"home\"}")
                    .json()
                    .get("id")
                    .asLong();
            assertThat(stream.next("list").data()).isEqualTo("{\"op\":\"upsert\",\"id\":" + list + "}");

            long first = createTask("{\"title\":\"one\",\"labels\":[\"red\"],\"list_id\":" + list + "}");
            assertThat(stream.next("task").data()).isEqualTo("{\"op\":\"upsert\",\"id\":" + first + "}");
            assertThat(stream.next("label").data()).isEqualTo("{\"op\":\"upsert\",\"id\":null}");
            long second = createTask("{\"title\":\"two\",\"list_id\":" + list + "}");
            assertThat(stream.next("task").data()).contains("\"id\":" + second);

            assertThat(api().post(base + "/tasks/" + second + "/move", token, "{\"after\":null}")
                            .status())
                    .isEqualTo(200);
            assertThat(stream.next("task").data()).isEqualTo("{\"op\":\"upsert\",\"id\":" + second + "}");

            assertThat(api().put(base + "/labels/red", token, "{\"name\":\"blue\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(stream.next("label").data()).contains("\"op\":\"upsert\"");

            assertThat(api().delete(base + "/tasks/" + first, token).status()).isEqualTo(200);
            assertThat(stream.next(event ->
                                    "task".equals(event.event()) && event.data().contains("\"op\":\"delete\""))
                            .data())
                    .isEqualTo("{\"op\":\"delete\",\"id\":" + first + "}");
            assertThat(api().delete(base + "/lists/" + list, token).status()).isEqualTo(200);
            assertThat(stream.next(event ->
                                    "list".equals(event.event()) && event.data().contains("\"op\":\"delete\""))
                            .data())
                    .isEqualTo("{\"op\":\"delete\",\"id\":" + list + "}");
        }
    }

    @Test
    void otherUsersChangesAreNotInTheStream() {
        String other = ApiTest.newUser();
        String otherToken = TestTokens.forUser(other);
        try (EventStream stream = open(null)) {
            api().post("/api/" + other + "/tasks", otherToken, "{\"title\":\"theirs\"}");
            long mine = createTask("{\"title\":\"mine\"}");
            // Changes arrive in commit order: theirs, had it been sent, would come before mine.
            assertThat(stream.next(event -> event.event() != null).data()).contains("\"id\":" + mine);
        }
    }

    @Test
    void lastEventIdResumesWithNothingMissed() {
        String cursor;
        try (EventStream stream = open(null)) {
            createTask("{\"title\":\"seen\"}");
            stream.next("task");
            cursor = stream.lastId();
        }
        long whileAway = createTask("{\"title\":\"while away\"}");
        api().put(base + "/tasks/" + whileAway, token, "{\"title\":\"renamed while away\"}");
        long deleted = createTask("{\"title\":\"gone while away\"}");
        api().delete(base + "/tasks/" + deleted, token);

        try (EventStream stream = open(cursor)) {
            assertThat(stream.next(event -> event.data() != null && event.data().contains("\"id\":" + whileAway))
                            .event())
                    .isEqualTo("task");
            assertThat(stream.next(event ->
                            "{\"op\":\"delete\",\"id\":%d}".formatted(deleted).equals(event.data())))
                    .isNotNull();
            String resumed = stream.lastId();
            assertThat(Long.parseLong(resumed)).isGreaterThanOrEqualTo(Long.parseLong(cursor));
            // Changes committed while the stream opened may come twice (from the log and live): never none.
            long after = createTask("{\"title\":\"after the resume\"}");
            assertThat(stream.next(event -> event.data() != null && event.data().contains("\"id\":" + after)))
                    .isNotNull();
        }
    }

    @Test
    void aCursorOlderThanTheLogOrNotOursGetsAReset() {
        // Transaction 1 is far below the log's trim mark (which starts at the migration's transaction).
        for (String cursor : new String[] {"1", "not-a-cursor", "99999999999999999999999"}) {
            try (EventStream stream = open(cursor)) {
                assertThat(stream.next(event -> event.event() != null).event())
                        .as(cursor)
                        .isEqualTo("reset");
                long after = createTask("{\"title\":\"after the reset\"}");
                assertThat(stream.next("task").data()).contains("\"id\":" + after);
            }
        }
    }

    @Test
    void theStreamEndsAtTheTokensExp() {
        token = TestTokens.expiringIn(user, Duration.ofSeconds(3));
        try (EventStream stream = open(null)) {
            assertThat(stream.next(event -> event.event() != null).data()).isEqualTo("{\"reason\":\"token_expired\"}");
            stream.awaitClosed();
        }
    }

    @Test
    void theStreamEndsSoonAfterItsSessionEnds() {
        String session = BetterAuthSessionTable.signIn(user);
        token = TestTokens.forSession(user, session);
        try (EventStream stream = open(null)) {
            long task = createTask("{\"title\":\"while signed in\"}");
            assertThat(stream.next("task").data()).contains("\"id\":" + task);
            BetterAuthSessionTable.signOut(session);
            assertThat(stream.next("end").data()).isEqualTo("{\"reason\":\"session_ended\"}");
            stream.awaitClosed();
        }
        // Requests see the ended session once the session check's cache of it lapses (≤ 4 s).
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (EventStream again = EventStream.open(api(), base + "/events", token, null)) {
                return again.status() == 401;
            }
        });
    }

    @Test
    void anotherUsersStreamIsRefusedLikeEveryRouteOfTheirs() {
        String other = ApiTest.newUser();
        EventStream refused = EventStream.open(api(), "/api/" + other + "/events", token, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(EventStream.open(api(), base + "/events", "not-a-token", null)
                        .status())
                .isEqualTo(401);
    }

    private long createTask(String json) {
        return api().post(base + "/tasks", token, json).json().get("id").asLong();
    }
}
