package dev.tasks.api.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.BetterAuthTeams;
import dev.tasks.api.support.TestTokens;
import io.github.betterauthjava.jwt.BetterAuthMembers;
import io.github.betterauthjava.jwt.JdbcBetterAuthMembers;
import io.github.betterauthjava.jwt.MembershipCheck;
import io.github.betterauthjava.jwt.MembershipsUnavailableException;
import io.github.betterauthjava.jwt.testkit.TestClock;
import io.github.betterauthjava.spring.MembershipCheckProperties;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A removed member or a lowered role takes effect at the API within the membership cache's TTL
 * (4 s, application.properties), whatever the token says, and not a moment before it is needed:
 * the API's own membership check runs on a clock this test moves by hand (no sleeps). Better Auth's
 * member table is read for real; a switch makes it unreadable, as a database outage does.
 */
@Import(TeamMembershipWindowTest.ManualMembership.class)
class TeamMembershipWindowTest extends ApiTest {

    private static final Duration TTL = Duration.ofSeconds(4);

    @TestConfiguration(proxyBeanMethods = false)
    static class ManualMembership {

        final TestClock clock = new TestClock();
        final AtomicBoolean down = new AtomicBoolean();

        @Bean
        TestClock membershipClock() {
            return clock;
        }

        @Bean
        AtomicBoolean memberTableDown() {
            return down;
        }

        @Bean
        BetterAuthMembers switchableMembers(DataSource dataSource, MembershipCheckProperties properties) {
            JdbcBetterAuthMembers table = new JdbcBetterAuthMembers(dataSource, properties.memberTable());
            return (organization, user) -> {
                if (down.get()) {
                    throw new MembershipsUnavailableException(
                            "Team memberships cannot be checked right now: the database is unavailable.");
                }
                return table.find(organization, user);
            };
        }

        @Bean
        MembershipCheck manualClockMembershipCheck(BetterAuthMembers members, MembershipCheckProperties properties) {
            return new MembershipCheck(properties.settings(), members, clock);
        }
    }

    @Autowired
    private TestClock clock;

    @Autowired
    private AtomicBoolean memberTableDown;

    @Autowired
    private MembershipCheckProperties properties;

    @Test
    void theApplicationKeepsAnAnswerForFourSeconds() {
        assertThat(properties.memberCacheTtl()).isEqualTo(TTL);
    }

    @Test
    void aRemovedMemberIsRefusedOnceTheCacheWindowHasPassed() {
        String owner = newUser();
        String leaving = newUser();
        String team = BetterAuthTeams.create(owner);
        BetterAuthTeams.add(team, leaving, "member");
        String token = TestTokens.forUser(leaving); // valid for 15 minutes, whatever happens to the membership
        String tasks = "/api/teams/" + team + "/tasks";
        assertThat(api().get(tasks, token).status()).isEqualTo(200);

        BetterAuthTeams.remove(team, leaving);
        clock.advance(TTL.minusMillis(1));
        assertThat(api().get(tasks, token).status()).as("within the window").isEqualTo(200);
        clock.advance(Duration.ofMillis(1));

        assertThat(api().get(tasks, token).status()).isEqualTo(404);
        assertThat(api().post(tasks, token, "{\"title\":\"sneaky\"}").status()).isEqualTo(404);
        assertThat(api().get(tasks, TestTokens.forUser(owner)).status()).isEqualTo(200);
    }

    @Test
    void aLoweredRoleLosesListManagementOnceTheCacheWindowHasPassed() {
        String owner = newUser();
        String admin = newUser();
        String team = BetterAuthTeams.create(owner);
        BetterAuthTeams.add(team, admin, "admin");
        String token = TestTokens.forUser(admin);
        String lists = "/api/teams/" + team + "/lists";
        assertThat(api().post(lists, token, "{\"name\":\"Groceries\"}").status())
                .isEqualTo(201);

        BetterAuthTeams.role(team, admin, "member");
        clock.advance(TTL);

        Response refused = api().post(lists, token, "{\"name\":\"Chores\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("admins and owners");
        assertThat(api().get(lists, token).json().findValuesAsString("name")).containsExactly("Groceries");
        assertThat(api().post("/api/teams/" + team + "/tasks", token, "{\"title\":\"still a member\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void assignedToMeOnlyInTeamsTheCallerIsStillAMemberOf() {
        String owner = newUser();
        String leaving = newUser();
        String stays = BetterAuthTeams.create(owner);
        String left = BetterAuthTeams.create(owner);
        for (String team : new String[] {stays, left}) {
            BetterAuthTeams.add(team, leaving, "member");
            api().post(
                            "/api/teams/" + team + "/tasks",
                            TestTokens.forUser(owner),
                            "{\"title\":\"in " + (team.equals(stays) ? "stays" : "left") + "\",\"assignee_id\":\""
                                    + leaving + "\"}");
        }

        BetterAuthTeams.remove(left, leaving);
        clock.advance(TTL);

        assertThat(api().get("/api/me/assigned", TestTokens.forUser(leaving))
                        .json()
                        .findValuesAsString("title"))
                .containsExactly("in stays");
    }

    @Test
    void aMemberTableThatCannotBeReadIs503NeverA404() {
        String owner = newUser();
        String team = BetterAuthTeams.create(owner);
        clock.advance(TTL); // nothing remembered from earlier tests' requests
        memberTableDown.set(true);
        try {
            Response response = api().get("/api/teams/" + team + "/tasks", TestTokens.forUser(owner));
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isPresent();
            assertThat(response.contentType()).startsWith("application/problem+json");
            Response assigning = api().get("/api/me/assigned", TestTokens.forUser(owner));
            assertThat(assigning.status()).isIn(200, 503); // no assigned task: no team to check
        } finally {
            memberTableDown.set(false);
        }
        assertThat(api().get("/api/teams/" + team + "/tasks", TestTokens.forUser(owner))
                        .status())
                .isEqualTo(200);
    }

    /** Members come from Better Auth's table, not from anything the token carries. */
    @Test
    void aTokenNamingTheTeamAsItsActiveOrganizationGrantsNothing() {
        String team = BetterAuthTeams.create(newUser());
        String stranger = newUser();
        String claiming = TestTokens.withClaim(stranger, "activeOrganizationId", team);

        assertThat(api().get("/api/teams/" + team + "/tasks", claiming).status())
                .isEqualTo(404);
    }
}
