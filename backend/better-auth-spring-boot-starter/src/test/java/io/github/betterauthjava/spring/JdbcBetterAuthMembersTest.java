package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.BetterAuthMember;
import io.github.betterauthjava.jwt.JdbcBetterAuthMembers;
import io.github.betterauthjava.jwt.MembershipCheck;
import io.github.betterauthjava.jwt.MembershipCheckSettings;
import io.github.betterauthjava.jwt.MembershipsUnavailableException;
import io.github.betterauthjava.jwt.testkit.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDBC member store and the membership check against a real PostgreSQL holding Better Auth 1.7's organization tables. */
class JdbcBetterAuthMembersTest {

    private static EmbeddedPostgres postgres;
    private static BetterAuthMemberTable tables;
    private static SwitchableDataSource database;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        database = new SwitchableDataSource(postgres.getPostgresDatabase());
        tables = new BetterAuthMemberTable(postgres.getPostgresDatabase());
        tables.create();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private final JdbcBetterAuthMembers members = new JdbcBetterAuthMembers(database, "member");

    @Test
    void readsTheRolesOfAMember() {
        tables.organization("org-read");
        tables.member("org-read", "user-owner", "owner");
        tables.member("org-read", "user-both", "admin,member");

        assertThat(members.find("org-read", "user-owner"))
                .contains(new BetterAuthMember("org-read", "user-owner", java.util.List.of("owner")));
        assertThat(members.find("org-read", "user-both").orElseThrow().roles()).containsExactly("admin", "member");
        assertThat(members.find("org-read", "user-stranger")).isEmpty();
        assertThat(members.find("org-other", "user-owner")).isEmpty();
    }

    @Test
    void aRemovedMemberIsRefusedOnceTheCacheTtlHasPassed() {
        tables.organization("org-remove");
        tables.member("org-remove", "user-leaving", "member");
        TestClock clock = new TestClock();
        MembershipCheck check = new MembershipCheck(MembershipCheckSettings.defaults(), members, clock);
        assertThat(check.member("org-remove", "user-leaving")).isPresent();

        tables.remove("org-remove", "user-leaving");
        clock.advance(Duration.ofMillis(4_999));
        assertThat(check.member("org-remove", "user-leaving")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(check.member("org-remove", "user-leaving")).isEmpty();
    }

    @Test
    void aLoweredRoleIsReadWithinTheCacheTtl() {
        tables.organization("org-role");
        tables.member("org-role", "user-demoted", "admin");
        TestClock clock = new TestClock();
        MembershipCheck check = new MembershipCheck(MembershipCheckSettings.defaults(), members, clock);
        assertThat(check.member("org-role", "user-demoted").orElseThrow().hasRole("admin"))
                .isTrue();

        tables.role("org-role", "user-demoted", "member");
        clock.advance(Duration.ofSeconds(5));

        assertThat(check.member("org-role", "user-demoted").orElseThrow().roles())
                .containsExactly("member");
    }

    @Test
    void deletingTheOrganizationEndsEveryMembership() {
        tables.organization("org-gone");
        tables.member("org-gone", "user-gone-1", "owner");

        tables.deleteOrganization("org-gone");

        assertThat(members.find("org-gone", "user-gone-1")).isEmpty();
    }

    @Test
    void aDatabaseThatIsDownIsUnavailableNeverANonMember() {
        tables.organization("org-down");
        tables.member("org-down", "user-down", "member");
        MembershipCheck check = new MembershipCheck(MembershipCheckSettings.defaults(), members, new TestClock());
        database.down(true);
        try {
            assertThatThrownBy(() -> check.member("org-down", "user-down"))
                    .isInstanceOf(MembershipsUnavailableException.class)
                    .hasMessageContaining("the database is unavailable")
                    .hasMessageNotContaining("127.0.0.1");
        } finally {
            database.down(false);
        }
        assertThat(check.member("org-down", "user-down")).isPresent();
    }

    @Test
    void aMissingTableIsUnavailableNamingTheTable() {
        JdbcBetterAuthMembers missing = new JdbcBetterAuthMembers(database, "auth.member");

        assertThatThrownBy(() -> missing.find("org", "user"))
                .isInstanceOf(MembershipsUnavailableException.class)
                .hasMessageContaining("\"auth\".\"member\" does not exist");
        assertThat(missing.problem()).isPresent();
        assertThat(members.problem()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"member\"; DROP TABLE users; --", "a.b.c", "", "1member"})
    void refusesATableNameThatIsNotAPlainIdentifier(String name) {
        assertThatThrownBy(() -> new JdbcBetterAuthMembers(database, name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("better-auth.member-table");
    }
}
