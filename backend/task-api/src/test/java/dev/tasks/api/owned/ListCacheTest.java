package dev.tasks.api.owned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.owned.ListCache.Page;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The list cache's rules, on a clock of our own: what it serves, when it must not, what a change drops. */
class ListCacheTest {

    /** A feature's parsed query, here a record of our own: equal queries are one page. */
    private record Query(String text) {}

    private static final Query ALL = new Query("");
    private static final Query OPEN = new Query("completed=false");

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ListCache cache = new ListCache(new ListCacheSettings(1), metrics, now::get);
    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<Page> load(String json) {
        return () -> {
            loads.incrementAndGet();
            return new Page(json.getBytes(StandardCharsets.UTF_8), 1);
        };
    }

    private String page(String user, Query query, String json) {
        return page("task", user, query, json);
    }

    private String page(String kind, String user, Query query, String json) {
        return new String(cache.page(kind, Owner.user(user), query, load(json)).json(), StandardCharsets.UTF_8);
    }

    private void vouchFor(Duration lease) {
        cache.vouchUntil(now.get() + lease.toNanos());
    }

    @Test
    void servesAKeptPageWhileNotificationsAreVouchedFor() {
        vouchFor(Duration.ofSeconds(2));
        assertThat(page("ann", ALL, "[1]")).isEqualTo("[1]");
        assertThat(page("ann", ALL, "[2]")).as("kept").isEqualTo("[1]");
        assertThat(loads).hasValue(1);
        assertThat(metrics.get("tasks.list.cache.requests")
                        .tag("result", "hit")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(metrics.get("tasks.list.cache.requests")
                        .tag("result", "miss")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void readsEveryListWhileNothingVouchesForNotifications() {
        assertThat(page("ann", ALL, "[1]")).isEqualTo("[1]");
        assertThat(page("ann", ALL, "[2]")).isEqualTo("[2]");
        assertThat(metrics.get("tasks.list.cache.requests")
                        .tag("result", "bypass")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void stopsServingKeptPagesWhenTheLeaseRunsOut() {
        vouchFor(Duration.ofSeconds(2));
        page("ann", ALL, "[1]");
        now.addAndGet(Duration.ofMillis(1999).toNanos());
        assertThat(page("ann", ALL, "[2]")).isEqualTo("[1]");
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(page("ann", ALL, "[3]")).as("lease over").isEqualTo("[3]");
        vouchFor(Duration.ofSeconds(2));
        assertThat(page("ann", ALL, "[4]"))
                .as("vouched for again: the kept page")
                .isEqualTo("[1]");
    }

    @Test
    void distrustStopsServingAtOnce() {
        vouchFor(Duration.ofSeconds(2));
        page("ann", ALL, "[1]");
        cache.distrust();
        assertThat(page("ann", ALL, "[2]")).isEqualTo("[2]");
        assertThat(cache.coherent()).isFalse();
    }

    @Test
    void aChangeDropsThatUsersPagesOnly() {
        vouchFor(Duration.ofSeconds(2));
        page("ann", ALL, "[ann]");
        page("ann", OPEN, "[ann open]");
        page("bob", ALL, "[bob]");
        cache.changed(Owner.user("ann"));
        assertThat(page("ann", ALL, "[ann 2]")).isEqualTo("[ann 2]");
        assertThat(page("ann", OPEN, "[ann open 2]")).isEqualTo("[ann open 2]");
        assertThat(page("bob", ALL, "[bob 2]")).isEqualTo("[bob]");
    }

    @Test
    void changedAllDropsEveryonesPages() {
        vouchFor(Duration.ofSeconds(2));
        page("ann", ALL, "[ann]");
        page("bob", ALL, "[bob]");
        cache.changedAll();
        assertThat(page("ann", ALL, "[ann 2]")).isEqualTo("[ann 2]");
        assertThat(page("bob", ALL, "[bob 2]")).isEqualTo("[bob 2]");
    }

    @Test
    void aPageReadBeforeAChangeIsNeverServedAfterIt() {
        vouchFor(Duration.ofSeconds(2));
        // The query saw the old rows; the change (and its notification) landed before it finished.
        Page raced = cache.page("task", Owner.user("ann"), ALL, () -> {
            Page old = load("[old]").get();
            cache.changed(Owner.user("ann"));
            return old;
        });
        assertThat(new String(raced.json(), StandardCharsets.UTF_8)).isEqualTo("[old]");
        assertThat(page("ann", ALL, "[new]")).isEqualTo("[new]");
        assertThat(page("ann", ALL, "[newer]")).as("the fresh page is kept").isEqualTo("[new]");
    }

    @Test
    void aPageReadBeforeEverythingChangedIsNeverServedAfterIt() {
        vouchFor(Duration.ofSeconds(2));
        cache.page("task", Owner.user("ann"), ALL, () -> {
            Page old = load("[old]").get();
            cache.changedAll();
            return old;
        });
        assertThat(page("ann", ALL, "[new]")).isEqualTo("[new]");
    }

    @Test
    void queriesAreKeptApart() {
        vouchFor(Duration.ofSeconds(2));
        page("ann", ALL, "[all]");
        assertThat(page("ann", OPEN, "[open]")).isEqualTo("[open]");
        assertThat(page("ann", new Query("q=milk"), "[milk]")).isEqualTo("[milk]");
        assertThat(page("ann", new Query("sort=title"), "[by title]")).isEqualTo("[by title]");
        assertThat(page("ann", new Query("limit=5&offset=5"), "[second five]")).isEqualTo("[second five]");
        assertThat(page("ann", ALL, "[x]")).isEqualTo("[all]");
    }

    @Test
    void kindsAndOwnersAreKeptApartAndAChangeDropsEveryKindOfThatOwner() {
        vouchFor(Duration.ofSeconds(2));
        page("task", "ann", ALL, "[tasks]");
        assertThat(page("list", "ann", ALL, "[lists]")).isEqualTo("[lists]");
        assertThat(new String(
                        cache.page("task", Owner.team("ann"), ALL, load("[team]"))
                                .json(),
                        StandardCharsets.UTF_8))
                .as("a team with a user's id is another owner")
                .isEqualTo("[team]");
        cache.changed(Owner.user("ann"));
        // A list's task_count counts tasks: a change of any kind drops the owner's pages of every kind.
        assertThat(page("task", "ann", ALL, "[tasks 2]")).isEqualTo("[tasks 2]");
        assertThat(page("list", "ann", ALL, "[lists 2]")).isEqualTo("[lists 2]");
        assertThat(new String(
                        cache.page("task", Owner.team("ann"), ALL, load("[team 2]"))
                                .json(),
                        StandardCharsets.UTF_8))
                .as("the team's pages stay")
                .isEqualTo("[team]");
    }

    @Test
    void doesNotKeepAPageBiggerThanItsLimit() {
        vouchFor(Duration.ofSeconds(2));
        String big = "[\"" + "x".repeat(ListCache.MAX_PAGE_BYTES) + "\"]";
        page("ann", ALL, big);
        assertThat(page("ann", ALL, "[small]")).isEqualTo("[small]");
        assertThat(loads).hasValue(2);
    }

    @Test
    void offKeepsNothing() {
        ListCache off = new ListCache(new ListCacheSettings(0), metrics, now::get);
        off.vouchUntil(now.get() + Duration.ofSeconds(2).toNanos());
        assertThat(off.enabled()).isFalse();
        assertThat(off.coherent()).isFalse();
        off.page("task", Owner.user("ann"), ALL, load("[1]"));
        assertThat(new String(
                        off.page("task", Owner.user("ann"), ALL, load("[2]")).json(), StandardCharsets.UTF_8))
                .isEqualTo("[2]");
    }

    @Test
    void staysWithinItsMemory() {
        vouchFor(Duration.ofSeconds(2));
        String tenKilobytes = "[\"" + "x".repeat(10 * 1024) + "\"]";
        for (int user = 0; user < 300; user++) {
            page("user-" + user, ALL, tenKilobytes);
        }
        cache.cleanUp();
        assertThat(metrics.get("tasks.list.cache.bytes").gauge().value()).isBetween(900_000.0, 1024 * 1024.0);
    }
}
