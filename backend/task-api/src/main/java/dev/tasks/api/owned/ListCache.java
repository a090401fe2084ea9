package dev.tasks.api.owned;

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
 * Rendered list pages (JSON and total) per resource kind, owner and query, so that a list nobody
 * changed costs no query. Only as fresh as the change log makes it, and only served while the log is
 * being read:
 *
 * <ul>
 *   <li>Every change to {@code tasks.tasks}, by any instance, the web app's account deletion or
 *       plain SQL, is logged with its owner (triggers, migrations V2 and V3); {@link ChangeFeed} follows
 *       the log every 100 ms and hands the owners to {@link #changed(long)}.
 *   <li>This instance's own writes ({@link OwnedWrites}) call {@link #changed(Owner)} before they
 *       answer, so a client always sees its own change in its next list.
 *   <li>Each read of the log vouches for every change committed before it started
 *       ({@link #vouchUntil}); a page is served only within {@link ChangeFeed#LEASE} of the
 *       last read. Another instance's change so shows within about 100 ms, and in no case later
 *       than the lease (the session check's own bound is 4 s).
 * </ul>
 *
 * <p>Each owner has a version: a fresh object, replaced on every change. A page is stored with the
 * version its query started under and served only while that is still the owner's version, so a
 * query that raced a change can never store a stale page for good: changing an owner is one
 * removal, and nothing has to find that owner's pages. One version per owner, not per kind: the
 * kinds read each other (a list's {@code task_count} counts tasks, a label exists while a task uses
 * it), so any change of an owner's resources drops all of that owner's pages.
 */
@Component
public final class ListCache {

    /** A page bigger than this is not kept: one request must not evict everyone's pages. */
    static final int MAX_PAGE_BYTES = 1024 * 1024;
    /** Pages and versions nobody asked for in this long are dropped, giving their memory back. */
    static final Duration IDLE = Duration.ofMinutes(10);

    /** A rendered page: the JSON array and the X-Total-Count. */
    public record Page(byte[] json, long total) {}

    /** {@code query} is the feature's parsed query, a record: equal queries ask for the same page. */
    private record Key(String kind, Owner owner, Object query) {}

    private record Entry(Page page, Object version) {}

    private final boolean enabled;
    private final OwnerKey ownerKeys = new OwnerKey();
    /** Per owner key (as the change log names owners): the current version. */
    private final Cache<Long, Object> versions;

    private final Cache<Key, Entry> pages;
    private final LongSupplier nanoClock;
    /** {@link System#nanoTime()} until which pages may be served; 0 while nothing vouches for them. */
    private volatile long coherentUntil;

    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;

    @Autowired
    ListCache(ListCacheSettings settings, MeterRegistry metrics) {
        this(settings, metrics, System::nanoTime);
    }

    ListCache(ListCacheSettings settings, MeterRegistry metrics, LongSupplier nanoClock) {
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
        Gauge.builder("tasks.list.cache.bytes", pages, ListCache::bytes)
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
     * The page of this kind of resource for this owner and query: the kept one if nothing of the
     * owner's changed since it was rendered and the change log is being read; otherwise {@code
     * load}'s, kept for next time.
     */
    public Page page(String kind, Owner owner, Object query, Supplier<Page> load) {
        if (!coherent()) {
            bypasses.increment();
            return load.get();
        }
        Object version = versions.get(ownerKeys.of(owner), any -> new Object());
        Key key = new Key(kind, owner, query);
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

    /** The owner's resources changed: no page of the owner's rendered before this call is served again. */
    void changed(Owner owner) {
        changed(ownerKeys.of(owner));
    }

    /** The resources of the owner (or owners) with this {@link OwnerKey} changed. */
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
        int keyChars = key.owner().id().length() + String.valueOf(key.query()).length();
        return entry.page().json().length + 2 * keyChars + 200;
    }

    private static double bytes(Cache<Key, Entry> pages) {
        return pages.policy()
                .eviction()
                .map(eviction -> eviction.weightedSize().orElse(0))
                .orElse(0L);
    }
}
