package dev.tasks.api.task;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Rendered list pages (JSON and total) per user and query, so that a list nobody changed costs no
 * query. Only as fresh as the change log makes it, and only served while the log is being read:
 *
 * <ul>
 *   <li>Every change to {@code tasks.tasks}, by any instance, the web app's account deletion or
 *       plain SQL, is logged with its user (a trigger, migration V2); {@link TaskChangeFeed} reads
 *       the log every 100 ms and hands the users to {@link #changed(String)}.
 *   <li>This instance's own writes call {@link #changed(String)} before they answer, so a client
 *       always sees its own change in its next list.
 *   <li>Each read of the log vouches for every change committed before it started
 *       ({@link #vouchUntil}); a page is served only within {@link TaskChangeFeed#LEASE} of the
 *       last read. Another instance's change so shows within about 100 ms, and in no case later
 *       than the lease (the session check's own bound is 4 s).
 * </ul>
 *
 * <p>Each user has a version: a fresh object, replaced on every change. A page is stored with the
 * version its query started under and served only while that is still the user's version, so a
 * query that raced a change can never store a stale page for good: changing a user is one removal,
 * and nothing has to find that user's pages.
 */
@Component
class TaskListCache {

    /** A page bigger than this is not kept: one request must not evict everyone's pages. */
    static final int MAX_PAGE_BYTES = 1024 * 1024;
    /** Pages and versions nobody asked for in this long are dropped, giving their memory back. */
    static final Duration IDLE = Duration.ofMinutes(10);

    /** A rendered page: the JSON array of tasks and the X-Total-Count. */
    record Page(byte[] json, long total) {}

    private record Key(String userId, TaskQuery query) {}

    private record Entry(Page page, Object version) {}

    private final boolean enabled;
    private final UserKey userKeys = new UserKey();
    /** Per user key (as the change log names users): the current version. */
    private final Cache<Long, Object> versions;

    private final Cache<Key, Entry> pages;
    private final LongSupplier nanoClock;
    /** {@link System#nanoTime()} until which pages may be served; 0 while nothing vouches for them. */
    private volatile long coherentUntil;

    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;

    @Autowired
    TaskListCache(TaskListCacheSettings settings, MeterRegistry metrics) {
        this(settings, metrics, System::nanoTime);
    }

    TaskListCache(TaskListCacheSettings settings, MeterRegistry metrics, LongSupplier nanoClock) {
        this.enabled = settings.enabled();
        this.nanoClock = nanoClock;
        this.versions = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(IDLE)
                .build();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, settings.maxBytes()))
                .weigher((Key key, Entry entry) -> weight(key, entry))
                .expireAfterAccess(IDLE)
                .build();
        this.hits = result(metrics, "hit");
        this.misses = result(metrics, "miss");
        this.bypasses = result(metrics, "bypass");
        Gauge.builder("tasks.list.cache.bytes", pages, TaskListCache::bytes)
                .description("rendered list pages held, in bytes (JSON plus keys)")
                .baseUnit("bytes")
                .register(metrics);
        Gauge.builder("tasks.list.cache.coherent", this, cache -> cache.coherent() ? 1 : 0)
                .description("1 while the change log is read and kept pages may be served")
                .register(metrics);
    }

    private static Counter result(MeterRegistry metrics, String result) {
        return Counter.builder("tasks.list.cache.requests")
                .description("lists answered from the cache (hit), from PostgreSQL and kept (miss), or from"
                        + " PostgreSQL because the change log is not being read or the cache is off (bypass)")
                .tag("result", result)
                .register(metrics);
    }

    /**
     * The page for this user and query: the kept one if nothing changed for the user since it was
     * rendered and the change log is being read; otherwise {@code load}'s, kept for next time.
     */
    Page page(String userId, TaskQuery query, Supplier<Page> load) {
        if (!coherent()) {
            bypasses.increment();
            return load.get();
        }
        Object version = versions.get(userKeys.of(userId), user -> new Object());
        Key key = new Key(userId, query);
        Entry kept = pages.getIfPresent(key);
        if (kept != null && kept.version() == version) {
            hits.increment();
            return kept.page();
        }
        misses.increment();
        Page page = load.get();
        if (page.json().length <= MAX_PAGE_BYTES) {
            pages.put(key, new Entry(page, version));
        }
        return page;
    }

    /** The user's tasks changed: no page rendered before this call is served again. */
    void changed(String userId) {
        changed(userKeys.of(userId));
    }

    /** The tasks of the user (or users) with this {@link UserKey} changed. */
    void changed(long userKey) {
        versions.invalidate(userKey);
    }

    /** Anything may have changed (the log was not read for a while, or a change named no user). */
    void changedAll() {
        versions.invalidateAll();
        pages.invalidateAll();
    }

    /** Every change committed so far is applied: pages may be served until {@code nanoTime}. */
    void vouchUntil(long nanoTime) {
        coherentUntil = nanoTime;
    }

    /** Changes may be missed: serve nothing kept until vouched for again. */
    void distrust() {
        coherentUntil = 0;
    }

    boolean coherent() {
        long until = coherentUntil;
        return enabled && until != 0 && nanoClock.getAsLong() - until < 0;
    }

    boolean enabled() {
        return enabled;
    }

    /** Runs pending evictions now (Caffeine does them a little later otherwise). */
    void cleanUp() {
        versions.cleanUp();
        pages.cleanUp();
    }

    private static int weight(Key key, Entry entry) {
        // The JSON dominates; the key's strings (a search can be 1000 characters) and the objects around them are
        // counted too.
        int keyChars =
                key.userId().length() + key.query().search().map(String::length).orElse(0);
        return entry.page().json().length + 2 * keyChars + 200;
    }

    private static double bytes(Cache<Key, Entry> pages) {
        return pages.policy()
                .eviction()
                .map(eviction -> eviction.weightedSize().orElse(0))
                .orElse(0L);
    }
}
