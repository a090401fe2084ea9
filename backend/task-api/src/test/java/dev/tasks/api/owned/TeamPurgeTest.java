package dev.tasks.api.owned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.BetterAuthTeams;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deleting a team deletes its lists and tasks; an assignee who left stops being one (TeamPurge). */
class TeamPurgeTest extends ApiTest {

    @Autowired
    private TeamPurge purge;

    @Test
    void aDeletedTeamsListsAndTasksAreDeletedAndNothingElse() throws SQLException {
        String owner = newUser();
        String gone = BetterAuthTeams.create(owner);
        String kept = BetterAuthTeams.create(owner);
        String token = TestTokens.forUser(owner);
        for (String team : new String[] {gone, kept}) {
            long list = api().post("/api/teams/" + team + "/lists", token, "{\"name\":\"L\"}")
                    .json()
                    .get("id")
                    .asLong();
            api().post("/api/teams/" + team + "/tasks", token, "{\"title\":\"t\",\"list_id\":" + list + "}");
        }
        api().post("/api/" + owner + "/tasks", token, "{\"title\":\"personal\"}");

        BetterAuthTeams.delete(gone);
        purge.purge();

        assertThat(count("select count(*) from tasks.tasks where team_id = ?", gone))
                .isZero();
        assertThat(count("select count(*) from tasks.lists where team_id = ?", gone))
                .isZero();
        assertThat(count("select count(*) from tasks.tasks where team_id = ?", kept))
                .isEqualTo(1);
        assertThat(count("select count(*) from tasks.lists where team_id = ?", kept))
                .isEqualTo(1);
        assertThat(count("select count(*) from tasks.tasks where user_id = ?", owner))
                .isEqualTo(1);
    }

    @Test
    void anAssigneeWhoIsNoLongerAMemberIsCleared() throws SQLException {
        String owner = newUser();
        String leaving = newUser();
        String team = BetterAuthTeams.create(owner);
        BetterAuthTeams.add(team, leaving, "member");
        api().post(
                        "/api/teams/" + team + "/tasks",
                        TestTokens.forUser(owner),
                        "{\"title\":\"t\",\"assignee_id\":\"" + leaving + "\"}");
        api().post(
                        "/api/teams/" + team + "/tasks",
                        TestTokens.forUser(owner),
                        "{\"title\":\"t\",\"assignee_id\":\"" + owner + "\"}");

        BetterAuthTeams.remove(team, leaving);
        purge.purge();

        assertThat(count("select count(*) from tasks.tasks where assignee_id = ?", leaving))
                .isZero();
        assertThat(count("select count(*) from tasks.tasks where assignee_id = ?", owner))
                .isEqualTo(1);
    }

    private static long count(String sql, String value) throws SQLException {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
