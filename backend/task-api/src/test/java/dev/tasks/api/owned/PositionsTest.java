package dev.tasks.api.owned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Manual-order keys: always one between two neighbours, in byte order, short for appends. */
class PositionsTest {

    private static void assertStrictlyOrdered(List<String> keys) {
        for (int i = 1; i < keys.size(); i++) {
            assertThat(keys.get(i - 1)).as("at %d", i).isLessThan(keys.get(i));
        }
        assertThat(keys).allSatisfy(key -> assertThat(key).doesNotEndWith("0").matches("[0-9A-Za-z]+"));
    }

    @Test
    void tenThousandAppendsStayOrderedAndFourDigitsShort() {
        List<String> keys = new ArrayList<>();
        String last = null;
        for (int i = 0; i < 10_000; i++) {
            last = Positions.after(last);
            keys.add(last);
        }
        assertStrictlyOrdered(keys);
        assertThat(keys).allSatisfy(key -> assertThat(key.length()).isLessThanOrEqualTo(4));
    }

    @Test
    void randomInsertionsAnywhereKeepAStrictOrder() {
        Random random = new Random(24);
        List<String> keys = new ArrayList<>(List.of(Positions.after(null)));
        for (int i = 0; i < 3_000; i++) {
            int at = random.nextInt(keys.size() + 1); // insert before keys[at]
            String previous = at == 0 ? null : keys.get(at - 1);
            String next = at == keys.size() ? null : keys.get(at);
            keys.add(at, Positions.between(previous, next));
        }
        assertStrictlyOrdered(keys);
    }

    @Test
    void movingToTheFrontAgainAndAgainGrowsSlowly() {
        String first = Positions.after(null);
        for (int i = 0; i < 600; i++) {
            String front = Positions.between(null, first);
            assertThat(front).isLessThan(first);
            first = front;
        }
        assertThat(first.length()).isLessThan(130);
    }

    @Test
    void betweenEqualKeysOfARaceLandsAfterBoth() {
        String tie = Positions.after(null);
        assertThat(Positions.between(tie, tie)).isGreaterThan(tie);
    }

    @Test
    void appendsAfterTheMigrationsKeysOfExistingTasks() {
        // V3 gives existing tasks 'U' + 12 hex digits + 'V'.
        assertThat(Positions.after("U00000000002aV")).isGreaterThan("U00000000002aV");
        assertThat(Positions.between("U00000000002aV", "U00000000002bV"))
                .isBetween("U00000000002aV", "U00000000002bV")
                .isNotIn("U00000000002aV", "U00000000002bV");
    }
}
