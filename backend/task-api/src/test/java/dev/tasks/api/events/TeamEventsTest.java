package dev.tasks.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.BetterAuthTeams;
import dev.tasks.api.support.EventStream;
import dev.tasks.api.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A team's live events (SPEC 1.8 with 1.9) on the same streaming as a user's: a member's stream gets
 * every change of the team's tasks, whichever member made it, and nothing of their personal ones;
 * a non-member gets the team routes' 404; a member removed from the team has their stream ended.
 */
class TeamEventsTest extends ApiTest {

    private final String owner = newUser();
    private final String member = newUser();
    private final String team = BetterAuthTeams.create(owner);

    {
        BetterAuthTeams.add(team, member, "member");
    }

    @Test
    void aMembersStreamCarriesTheTeamsChangesWhoeverMadeThem() {
        String events = "/api/teams/" + team + "/events";
        try (EventStream stream = EventStream.open(api(), events, TestTokens.forUser(member), null)) {
            assertThat(stream.status()).isEqualTo(200);
            api().post("/api/" + member + "/tasks", TestTokens.forUser(member), "{\"title\":\"personal\"}");
            long shared = api().post(
                            "/api/teams/" + team + "/tasks", TestTokens.forUser(owner), "{\"title\":\"shared\"}")
                    .json()
                    .get("id")
                    .asLong();
            // In commit order: the personal task, had it been sent, would come first.
            assertThat(stream.next(event -> event.event() != null).data())
                    .isEqualTo("{\"op\":\"upsert\",\"id\":" + shared + "}");

            BetterAuthTeams.remove(team, member);
            assertThat(stream.next("end").data()).isEqualTo("{\"reason\":\"membership_ended\"}");
            stream.awaitClosed();
        }
    }

    @Test
    void aNonMemberGetsTheTeamRoutes404() {
        EventStream refused =
                EventStream.open(api(), "/api/teams/" + team + "/events", TestTokens.forUser(newUser()), null);
        assertThat(refused.status()).isEqualTo(404);
    }
}
