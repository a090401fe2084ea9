package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.testkit.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The membership check's rules, on a member table in memory and a clock moved by hand (no sleeps). */
class MembershipCheckTest {

    private static final String TEAM = "org-1";
    private static final String ALICE = "user-alice";

    /** Better Auth's member table: (organization, user) → the "role" column; switchable "down". */
    private static final class Members implements BetterAuthMembers {
        final Map<String, String> rows = new ConcurrentHashMap<>();
        final AtomicInteger lookups = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();

        void put(String organizationId, String userId, String role) {
            rows.put(organizationId + "/" + userId, role);
        }

        void remove(String organizationId, String userId) {
            rows.remove(organizationId + "/" + userId);
        }

        @Override
        public Optional<BetterAuthMember> find(String organizationId, String userId) {
            lookups.incrementAndGet();
            if (down.get()) {
                throw new IllegalStateException("Connection to 127.0.0.1:5432 refused");
            }
            return Optional.ofNullable(rows.get(organizationId + "/" + userId))
                    .map(role -> new BetterAuthMember(organizationId, userId, BetterAuthMember.roles(role)));
        }
    }

    private final Members members = new Members();
    private final TestClock clock = new TestClock();
    private final MembershipCheck check = new MembershipCheck(MembershipCheckSettings.defaults(), members, clock);

    @Test
    void readsTheRolesOfAMemberCommaSeparatedAsBetterAuthStoresSeveral() {
        members.put(TEAM, ALICE, "admin, member,,admin");

        Optional<BetterAuthMember> alice = check.member(TEAM, ALICE);

        assertThat(alice).hasValueSatisfying(member -> {
            assertThat(member.roles()).containsExactly("admin", "member");
            assertThat(member.hasRole("admin")).isTrue();
            assertThat(member.hasRole("owner")).isFalse();
            assertThat(member.hasAnyRole("owner", "admin")).isTrue();
        });
        assertThat(check.member(TEAM, "user-bob")).isEmpty();
        assertThat(check.member("org-2", ALICE)).isEmpty();
    }

    @Test
    void aRemovedMemberIsRefusedOnceTheCacheTtlHasPassedAndNotLater() {
        members.put(TEAM, ALICE, "member");
        assertThat(check.member(TEAM, ALICE)).isPresent();

        members.remove(TEAM, ALICE);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(check.member(TEAM, ALICE)).as("remembered within 5 s").isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(check.member(TEAM, ALICE)).as("looked up again at 5 s").isEmpty();
    }

    @Test
    void aLoweredRoleTakesEffectWithinTheTtl() {
        members.put(TEAM, ALICE, "admin");
        assertThat(check.member(TEAM, ALICE).orElseThrow().hasRole("admin")).isTrue();

        members.put(TEAM, ALICE, "member");
        clock.advance(Duration.ofSeconds(5));

        assertThat(check.member(TEAM, ALICE).orElseThrow().roles()).containsExactly("member");
    }

    @Test
    void bothAnswersAreRememberedForTheTtlSoRepeatedRequestsCostOneLookup() {
        members.put(TEAM, ALICE, "member");
        for (int i = 0; i < 10; i++) {
            check.member(TEAM, ALICE);
            check.member(TEAM, "user-stranger");
        }
        assertThat(members.lookups).hasValue(2);

        members.put(TEAM, "user-stranger", "member");
        clock.advance(Duration.ofSeconds(5));
        assertThat(check.member(TEAM, "user-stranger"))
                .as("a new member waits at most the TTL")
                .isPresent();
    }

    @Test
    void aTtlOfZeroLooksEveryRequestUp() {
        MembershipCheck uncached = new MembershipCheck(new MembershipCheckSettings(Duration.ZERO, 10), members, clock);
        members.put(TEAM, ALICE, "member");
        uncached.member(TEAM, ALICE);
        members.remove(TEAM, ALICE);

        assertThat(uncached.member(TEAM, ALICE)).isEmpty();
    }

    @Test
    void aDatabaseThatIsDownIsUnavailableNeverARefusalAndTheFailureIsNotRemembered() {
        members.put(TEAM, ALICE, "owner");
        members.down.set(true);

        assertThatThrownBy(() -> check.member(TEAM, ALICE))
                .isInstanceOf(MembershipsUnavailableException.class)
                .hasMessage(MembershipCheck.UNAVAILABLE)
                .hasMessageNotContaining("127.0.0.1");

        members.down.set(false);
        assertThat(check.member(TEAM, ALICE)).as("the next request asks again").isPresent();
    }

    @Test
    void aStoresOwnUnavailableMessageIsKept() {
        MembershipCheck failing = new MembershipCheck(
                MembershipCheckSettings.defaults(),
                (organization, user) -> {
                    throw new MembershipsUnavailableException("the member table is missing");
                },
                clock);

        assertThatThrownBy(() -> failing.member(TEAM, ALICE)).hasMessage("the member table is missing");
    }

    @Test
    void idsThatCannotBeBetterAuthsAreNoMembersAndCostNoLookup() {
        assertThat(check.member("", ALICE)).isEmpty();
        assertThat(check.member(TEAM, null)).isEmpty();
        assertThat(check.member("x".repeat(MembershipCheck.MAX_ID_LENGTH + 1), ALICE))
                .isEmpty();
        assertThat(members.lookups).hasValue(0);
    }

    @Test
    void theCacheTtlIsAtMostFiveSeconds() {
        assertThatThrownBy(() -> new MembershipCheckSettings(Duration.ofMillis(5_001), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("better-auth.member-cache-ttl");
        assertThatThrownBy(() -> new MembershipCheckSettings(Duration.ofSeconds(1), 0))
                .hasMessageContaining("better-auth.member-cache-size");
        assertThat(MembershipCheckSettings.defaults().cacheTtl()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void rolesOfTheColumn() {
        assertThat(BetterAuthMember.roles(null)).isEmpty();
        assertThat(BetterAuthMember.roles(" owner ")).containsExactly("owner");
        assertThat(BetterAuthMember.roles("admin,member")).containsExactly("admin", "member");
    }
}
