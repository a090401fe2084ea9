package dev.tasks.api.owned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.BetterAuthTeams;
import dev.tasks.api.support.EventStream;
import dev.tasks.api.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every role against every team route (SPEC 1.9), the routes found from the application's own
 * mappings: owner, admin, member, someone who is no member, and a removed member, each on a fresh
 * task, list and label of one team. The table below says which routes need an admin or owner; a team
 * route added without a line in it fails {@link #theTableNamesEveryTeamRoute}, so no route escapes
 * the role rules unnoticed.
 */
class TeamCoverageTest extends ApiTest {

    private static final String TEAM = "{" + TeamAccess.TEAM_VARIABLE + "}";

    /** Who may call a route: any member, or only admins and owners. */
    enum Need {
        MEMBER,
        MANAGER
    }

    /** A route of the table: who may call it, the body it is sent, and its success status. */
    private record Rule(Need need, String body, int success) {}

    /** The route table: "METHOD pattern" → rule. */
    private static final Map<String, Rule> TABLE = Map.ofEntries(
            Map.entry("GET " + TEAM + "/tasks", new Rule(Need.MEMBER, null, 200)),
            Map.entry("POST " + TEAM + "/tasks", new Rule(Need.MEMBER, "{\"title\":\"new\"}", 201)),
            Map.entry("GET " + TEAM + "/tasks/{id}", new Rule(Need.MEMBER, null, 200)),
            Map.entry("PUT " + TEAM + "/tasks/{id}", new Rule(Need.MEMBER, "{\"title\":\"changed\"}", 200)),
            Map.entry("DELETE " + TEAM + "/tasks/{id}", new Rule(Need.MEMBER, null, 200)),
            Map.entry("PATCH " + TEAM + "/tasks/{id}/complete", new Rule(Need.MEMBER, null, 200)),
            Map.entry("POST " + TEAM + "/tasks/{id}/move", new Rule(Need.MEMBER, "{\"after\":null}", 200)),
            Map.entry("GET " + TEAM + "/lists", new Rule(Need.MEMBER, null, 200)),
            Map.entry("POST " + TEAM + "/lists", new Rule(Need.MANAGER, "{\"name\":\"new\"}", 201)),
            Map.entry("GET " + TEAM + "/lists/{id}", new Rule(Need.MEMBER, null, 200)),
            Map.entry("PUT " + TEAM + "/lists/{id}", new Rule(Need.MANAGER, "{\"name\":\"renamed\"}", 200)),
            Map.entry("DELETE " + TEAM + "/lists/{id}", new Rule(Need.MANAGER, null, 200)),
            Map.entry("GET " + TEAM + "/labels", new Rule(Need.MEMBER, null, 200)),
            Map.entry("PUT " + TEAM + "/labels/{name}", new Rule(Need.MEMBER, "{\"name\":\"Other\"}", 200)),
            Map.entry("DELETE " + TEAM + "/labels/{name}", new Rule(Need.MEMBER, null, 200)),
            Map.entry("GET " + TEAM + "/events", new Rule(Need.MEMBER, null, 200)));

    /** Who calls. */
    enum Role {
        OWNER,
        ADMIN,
        MEMBER,
        NON_MEMBER,
        REMOVED_MEMBER
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private List<String> teamRoutes() {
        List<String> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith(TeamAccess.TEAM_PATH)) {
                    for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                        routes.add(verb + " " + pattern.replace(TeamAccess.TEAM_PATH, TEAM));
                    }
                }
            }
        });
        return routes;
    }

    @Test
    void theTableNamesEveryTeamRoute() {
        assertThat(new TreeSet<>(teamRoutes())).isEqualTo(new TreeSet<>(TABLE.keySet()));
        assertThat(teamRoutes())
                .as("the same resources as a user's, no more, no fewer")
                .hasSize(TABLE.size());
    }

    @Test
    void everyRoleOnEveryTeamRoute() {
        String owner = newUser();
        String team = BetterAuthTeams.create(owner);
        String admin = newUser();
        BetterAuthTeams.add(team, admin, "admin");
        String member = newUser();
        BetterAuthTeams.add(team, member, "member");

        Map<String, Integer> answers = new TreeMap<>();
        Map<String, Integer> expected = new TreeMap<>();
        for (String route : teamRoutes()) {
            Rule rule = TABLE.get(route);
            for (Role role : Role.values()) {
                String caller = switch (role) {
                    case OWNER -> owner;
                    case ADMIN -> admin;
                    case MEMBER -> member;
                    case NON_MEMBER -> newUser();
                    case REMOVED_MEMBER -> removedMember(team);
                };
                Response response = call(route, rule, team, owner, TestTokens.forUser(caller));
                String pair = role + " " + route;
                answers.put(pair, response.status());
                expected.put(
                        pair,
                        switch (role) {
                            case NON_MEMBER, REMOVED_MEMBER -> 404;
                            case MEMBER -> rule.need() == Need.MANAGER ? 403 : rule.success();
                            case OWNER, ADMIN -> rule.success();
                        });
            }
        }
        assertThat(answers).hasSize(TABLE.size() * Role.values().length).isEqualTo(expected);
    }

    /** A user who was a member of the team and has been removed (their membership never cached). */
    private static String removedMember(String team) {
        String user = newUser();
        BetterAuthTeams.add(team, user, "member");
        BetterAuthTeams.remove(team, user);
        return user;
    }

    /** The route on fresh resources of the team (a list, a task in it labelled "L"), made by its owner. */
    private Response call(String route, Rule rule, String team, String owner, String token) {
        String ownerToken = TestTokens.forUser(owner);
        String base = "/api/teams/" + team;
        long list = api().post(base + "/lists", ownerToken, "{\"name\":\"L\"}")
                .json()
                .get("id")
                .asLong();
        long task = api().post(
                        base + "/tasks", ownerToken, "{\"title\":\"t\",\"list_id\":" + list + ",\"labels\":[\"L\"]}")
                .json()
                .get("id")
                .asLong();
        String[] verbAndPath = route.split(" ", 2);
        String path = verbAndPath[1]
                .replace(TEAM, base)
                .replace(base + "/lists/{id}", base + "/lists/" + list)
                .replace("{id}", Long.toString(task))
                .replace("{name}", "L");
        if (path.endsWith("/events")) {
            // A live stream answers its status, then streams until the token's exp: read the status, hang up.
            try (EventStream stream = EventStream.open(api(), path, token, null)) {
                return new Response(stream.status(), stream.headers(), "");
            }
        }
        return switch (verbAndPath[0]) {
            case "GET" -> api().get(path, token);
            case "POST" -> api().post(path, token, rule.body());
            case "PUT" -> api().put(path, token, rule.body());
            case "PATCH" -> api().patch(path, token);
            case "DELETE" -> api().delete(path, token);
            default -> throw new AssertionError("a route with an unexpected method: " + route);
        };
    }
}
