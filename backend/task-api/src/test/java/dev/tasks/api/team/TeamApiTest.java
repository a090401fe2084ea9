package dev.tasks.api.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.BetterAuthTeams;
import dev.tasks.api.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A team's resources (SPEC 1.9) as its members see them: shared, the same shapes as personal ones,
 * assignable to members, and sealed off from every other team and from personal resources.
 * Role × route coverage is TeamCoverageTest's; the 5 s window TeamMembershipWindowTest's.
 */
class TeamApiTest extends ApiTest {

    private final String owner = newUser();
    private final String member = newUser();
    private final String team = BetterAuthTeams.create(owner);

    {
        BetterAuthTeams.add(team, member, "member");
    }

    private String base(String teamId) {
        return "/api/teams/" + teamId;
    }

    private JsonNode create(String teamId, String user, String body) {
        Response created = api().post(base(teamId) + "/tasks", TestTokens.forUser(user), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void everyMemberSeesAndEditsTheTeamsTasks() {
        JsonNode task = create(team, member, "{\"title\":\"Buy milk\",\"labels\":[\"Home\"]}");
        assertThat(task.get("team_id").asString()).isEqualTo(team);
        assertThat(task.get("user_id").isNull()).isTrue();
        assertThat(task.get("assignee_id").isNull()).isTrue();

        Response listed = api().get(base(team) + "/tasks", TestTokens.forUser(owner));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValuesAsString("title")).containsExactly("Buy milk");
        assertThat(listed.header("X-Total-Count")).contains("1");

        Response edited = api().put(
                        base(team) + "/tasks/" + task.get("id").asLong(),
                        TestTokens.forUser(owner),
                        "{\"title\":\"Buy oat milk\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(api().get(base(team) + "/labels", TestTokens.forUser(member))
                        .json()
                        .findValuesAsString("name"))
                .containsExactly("Home");
        assertThat(api().get("/api/" + member + "/tasks", TestTokens.forUser(member))
                        .json())
                .as("a team task is not in its creator's personal tasks")
                .isEmpty();
    }

    @Test
    void aNewTaskAnswersWithTheTeamsLocation() {
        Response created = api().post(base(team) + "/tasks", TestTokens.forUser(member), "{\"title\":\"x\"}");

        assertThat(created.header("Location"))
                .contains(base(team) + "/tasks/" + created.json().get("id").asLong());
    }

    @Test
    void anotherTeamsResourcesAre404EvenToAMemberOfBoth() {
        String other = BetterAuthTeams.create(owner);
        long foreignTask =
                create(other, owner, "{\"title\":\"theirs\"}").get("id").asLong();
        long foreignList = api().post(base(other) + "/lists", TestTokens.forUser(owner), "{\"name\":\"Theirs\"}")
                .json()
                .get("id")
                .asLong();
        String token = TestTokens.forUser(owner);

        assertThat(api().get(base(team) + "/tasks/" + foreignTask, token).status())
                .isEqualTo(404);
        assertThat(api().put(base(team) + "/tasks/" + foreignTask, token, "{\"title\":\"mine\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api().delete(base(team) + "/tasks/" + foreignTask, token).status())
                .isEqualTo(404);
        assertThat(api().get(base(team) + "/lists/" + foreignList, token).status())
                .isEqualTo(404);
        assertThat(api().get("/api/" + owner + "/tasks/" + foreignTask, token).status())
                .as("nor is a team task one of its creator's")
                .isEqualTo(404);
        assertThat(api().get(base(other) + "/tasks/" + foreignTask, token).status())
                .isEqualTo(200);
    }

    @Test
    void aTaskIsFiledOnlyInItsOwnersLists() {
        String other = BetterAuthTeams.create(owner);
        String token = TestTokens.forUser(owner);
        long otherTeamsList = api().post(base(other) + "/lists", token, "{\"name\":\"A\"}")
                .json()
                .get("id")
                .asLong();
        long personalList = api().post("/api/" + owner + "/lists", token, "{\"name\":\"B\"}")
                .json()
                .get("id")
                .asLong();
        long teamList = api().post(base(team) + "/lists", token, "{\"name\":\"C\"}")
                .json()
                .get("id")
                .asLong();

        for (long list : new long[] {otherTeamsList, personalList}) {
            Response refused = api().post(base(team) + "/tasks", token, "{\"title\":\"t\",\"list_id\":" + list + "}");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("list_id");
        }
        assertThat(api().post("/api/" + owner + "/tasks", token, "{\"title\":\"t\",\"list_id\":" + teamList + "}")
                        .status())
                .isEqualTo(422);
        assertThat(api().post(base(team) + "/tasks", token, "{\"title\":\"t\",\"list_id\":" + teamList + "}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aTaskIsAssignedToAMemberOfItsTeamOnly() {
        String outsider = newUser();
        String token = TestTokens.forUser(owner);

        JsonNode assigned = create(team, owner, "{\"title\":\"t\",\"assignee_id\":\"" + member + "\"}");
        assertThat(assigned.get("assignee_id").asString()).isEqualTo(member);

        for (String body : List.of(
                "{\"title\":\"t\",\"assignee_id\":\"" + outsider + "\"}",
                "{\"title\":\"t\",\"assignee_id\":\"\"}",
                "{\"title\":\"t\",\"assignee_id\":\"" + "x".repeat(257) + "\"}",
                "{\"title\":\"t\",\"assignee_id\":42}")) {
            Response refused = api().post(base(team) + "/tasks", token, body);
            assertThat(refused.status()).as(body).isEqualTo(422);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("assignee_id");
        }
        long id = assigned.get("id").asLong();
        Response reassigned = api().put(base(team) + "/tasks/" + id, token, "{\"assignee_id\":\"" + outsider + "\"}");
        assertThat(reassigned.status()).isEqualTo(422);
        Response cleared = api().put(base(team) + "/tasks/" + id, token, "{\"assignee_id\":null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("assignee_id").isNull()).isTrue();

        Response personal =
                api().post("/api/" + owner + "/tasks", token, "{\"title\":\"t\",\"assignee_id\":\"" + owner + "\"}");
        assertThat(personal.status()).isEqualTo(422);
        assertThat(personal.body()).contains("personal task has no assignee");
    }

    @Test
    void assignedToMeListsOpenTasksAcrossTeamsNewestFirst() {
        String second = BetterAuthTeams.create(owner);
        BetterAuthTeams.add(second, member, "admin");
        String assignee = "\"assignee_id\":\"" + member + "\"";
        long first = create(team, owner, "{\"title\":\"one\"," + assignee + "}")
                .get("id")
                .asLong();
        create(second, owner, "{\"title\":\"two\"," + assignee + "}");
        create(team, owner, "{\"title\":\"done\",\"completed\":true," + assignee + "}");
        create(team, owner, "{\"title\":\"nobody's\"}");
        create(team, member, "{\"title\":\"someone else's\",\"assignee_id\":\"" + owner + "\"}");

        Response mine = api().get("/api/me/assigned", TestTokens.forUser(member));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().findValuesAsString("title")).containsExactly("two", "one");
        assertThat(mine.header("X-Total-Count")).contains("2");
        Response page = api().get("/api/me/assigned?limit=1&offset=1", TestTokens.forUser(member));
        assertThat(page.json().findValuesAsString("title")).containsExactly("one");
        assertThat(page.header("X-Total-Count")).contains("2");
        assertThat(api().get("/api/me/assigned?limit=0", TestTokens.forUser(member))
                        .status())
                .isEqualTo(422);
        assertThat(api().get("/api/me/assigned", TestTokens.forUser(newUser())).json())
                .isEmpty();

        api().patch(base(team) + "/tasks/" + first + "/complete", TestTokens.forUser(member));
        assertThat(api().get("/api/me/assigned", TestTokens.forUser(member))
                        .json()
                        .findValuesAsString("title"))
                .containsExactly("two");
    }

    @Test
    void unknownTeamsAndTeamIdsThatCannotBeAreNotFound() {
        String token = TestTokens.forUser(owner);
        List<String> paths = new ArrayList<>(List.of(
                "/api/teams/no-such-team/tasks",
                "/api/teams/" + "x".repeat(300) + "/lists",
                "/api/teams/" + team + "x/labels"));
        String strangersAnswer = api().get(base(team) + "/tasks", TestTokens.forUser(newUser()))
                .json()
                .get("detail")
                .asString();
        for (String path : paths) {
            Response response = api().get(path, token);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("detail").asString())
                    .as("an unknown team and someone else's look the same")
                    .isEqualTo(strangersAnswer);
        }
        assertThat(api().get(base(team) + "/tasks", null).status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentHasTheTeamRoutesWithTheirTeamParameter() {
        JsonNode paths = api().get("/openapi.json", null).json().get("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/teams/{team_id}/tasks",
                        "/api/teams/{team_id}/tasks/{id}/move",
                        "/api/teams/{team_id}/lists/{id}",
                        "/api/teams/{team_id}/labels/{name}",
                        "/api/me/assigned");
        assertThat(paths.get("/api/teams/{team_id}/tasks")
                        .get("get")
                        .get("parameters")
                        .findValuesAsString("name"))
                .contains("team_id", "sort")
                .doesNotContain("user_id");
        assertThat(paths.get("/api/{user_id}/tasks")
                        .get("get")
                        .get("parameters")
                        .findValuesAsString("name"))
                .contains("user_id")
                .doesNotContain("team_id");
    }
}
