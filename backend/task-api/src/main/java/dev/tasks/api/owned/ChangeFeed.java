package dev.tasks.api.owned;

import dev.tasks.api.changelog.Change;
import dev.tasks.api.changelog.ChangeLogListener;
import dev.tasks.api.changelog.ChangeLogReader;
import dev.tasks.api.changelog.ChangeRead;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Hands the owners named in the change log ({@code tasks.task_changes}, read by the instance's one
 * {@link ChangeLogReader}) to {@link ListCache}, and lets the cache serve kept pages only while the
 * log is being read.
 *
 * <p>Each read covers every change committed before it started, so the cache may serve pages for
 * {@link #LEASE} from that moment. A read that fails stops that at once; when the reader is back it
 * starts again by dropping every kept page (changes before its first read are known only as
 * "something changed"). A feed that has not read for {@link #STALL} drops every page first: rows it
 * has not read may have been trimmed by another instance.
 */
@Component
final class ChangeFeed implements ChangeLogListener {

    static final Duration POLL_INTERVAL = ChangeLogReader.POLL_INTERVAL;
    static final Duration LEASE = Duration.ofSeconds(1);
    /** A feed that has not read for this long may have missed rows another instance trimmed: drop every page. */
    static final Duration STALL = Duration.ofSeconds(5);

    private final ListCache cache;

    /**
     * False while a test has paused the feed. The methods are synchronized (uncontended: one reader
     * thread) so that a pause waits for a read under way, which could otherwise vouch after it.
     */
    private boolean listening = true;

    private long previous;

    ChangeFeed(ListCache cache) {
        this.cache = cache;
    }

    @Override
    public synchronized void connected(long since, boolean continuous) {
        if (!listening) {
            return;
        }
        // Every change below `since` (whatever `continuous` says: the pages are this instance's own, and
        // nothing vouched for them while the reader was away), which no read will return.
        cache.changedAll();
        previous = System.nanoTime();
    }

    @Override
    public synchronized void read(ChangeRead read) {
        if (!listening) {
            return;
        }
        if (read.startedAt() - previous > STALL.toNanos()) {
            cache.changedAll(); // this feed stalled: rows it has not read may be trimmed by now
        }
        if (read.overflow()) {
            cache.changedAll();
        } else {
            for (Change change : read.changes()) {
                if (change.everyone()) {
                    cache.changedAll();
                    break;
                }
                cache.changed(change.ownerKey());
            }
        }
        // Every change committed before this read started is applied now.
        cache.vouchUntil(read.startedAt() + LEASE.toNanos());
        previous = read.startedAt();
    }

    @Override
    public synchronized void interrupted() {
        if (listening) {
            cache.distrust();
        }
    }

    /** Tests: stop following the log (kept pages are then dropped only by this instance's own writes). */
    synchronized void pause() {
        listening = false;
    }

    /** Tests: follow the log again; until the next reconnection or stall, from the next read on. */
    synchronized void resume() {
        cache.changedAll();
        listening = true;
    }
}
