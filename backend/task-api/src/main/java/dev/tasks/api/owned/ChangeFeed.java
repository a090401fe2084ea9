package dev.tasks.api.owned;

import dev.tasks.api.database.DirectConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows {@code tasks.task_changes} (every change to an owned table, logged by the triggers of
 * migrations V2 and V3 whoever makes it, naming its owner by {@link OwnerKey}) and hands the changed owners to
 * {@link ListCache}, on a connection of its own outside the pool.
 *
 * <p>Every {@link #POLL_INTERVAL} it reads the rows of transactions at or after the previous read's
 * horizon: the oldest transaction still running when that read's snapshot was taken. A
 * transaction below the horizon had ended by then, so the previous read (or one before it) saw its
 * rows; one at or above it is read again until it is below. So a change is never missed, however
 * long its transaction ran, and each read covers every change committed before it started: the
 * cache may serve pages for {@link #LEASE} from that moment. A read that fails stops that at once;
 * the feed reconnects with a growing pause and starts again by dropping every kept page.
 *
 * <p>Rows are deleted once they are below the horizon of a read {@code tasks.change-log.retention}
 * (default {@link #DEFAULT_RETENTION}) ago, by whichever instance gets there first, and the same
 * statement raises {@code tasks.task_changes_trimmed}: live streams (events.LiveStreams) resume from
 * the log and must know when a cursor is older than what is left. A feed that has not read for
 * {@link #STALL} drops every page first.
 */
@Component
final class ChangeFeed implements SmartLifecycle {

    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    static final Duration LEASE = Duration.ofSeconds(1);
    /**
     * SPEC 1.8: a live stream resumes with nothing missed from a cursor at least 10 minutes old; a
     * minute more for clocks and slow reads. Trimmed every second, so a trim deletes one second's
     * rows (at 7,600 writes/s some 7,600; with a minute's rows trimmed every 10 s it was 76,000).
     */
    static final Duration DEFAULT_RETENTION = Duration.ofMinutes(11);
    /** A feed that has not read for this long may have missed rows another instance trimmed: drop every page. */
    static final Duration STALL = Duration.ofSeconds(5);

    private static final Duration TRIM_EVERY = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    /** More changed users than this in one read: drop everyone's pages rather than read them all. */
    static final int MAX_USERS_PER_READ = 10_000;

    static final String APPLICATION_NAME = "task-api change feed";
    private static final int SOCKET_TIMEOUT_SECONDS = 10;

    private static final String HORIZON = "select pg_snapshot_xmin(pg_current_snapshot())::text";
    /** One statement, so the horizon and the rows come from one snapshot. */
    private static final String READ = """
            select h.horizon::text, c.owner_key, c.seen
            from (select pg_snapshot_xmin(pg_current_snapshot()) as horizon) h
            left join lateral (
                select distinct owner_key, true as seen from tasks.task_changes
                where xid >= cast(? as xid8) limit\s""" + (MAX_USERS_PER_READ + 1) + """
            ) c on true""";

    /** One statement: the rows go and the mark rises together (a resuming stream reads both in one snapshot). */
    private static final String TRIM = """
            with trimmed as (delete from tasks.task_changes where xid < cast(? as xid8))
            update tasks.task_changes_trimmed set below = greatest(below, cast(? as xid8))""";
    /** The owned tables and their change log triggers (migrations V2 and V3). */
    private static final String TRIGGERS = """
            select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid
            join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'tasks' and t.tgenabled <> 'D'
            and (c.relname, t.tgname) in (('tasks', 'tasks_log_change'), ('tasks', 'tasks_log_truncate'),
                ('lists', 'lists_log_change'), ('lists', 'lists_log_truncate'))""";

    private static final int TRIGGER_COUNT = 4;

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private record Mark(long at, String horizon) {}

    private record Read(String horizon, List<Long> users, boolean everyone) {}

    private final ListCache cache;
    private final DirectConnections connections;
    private final Duration retention;

    private volatile boolean running;
    private volatile Thread thread;

    ChangeFeed(
            ListCache cache,
            DirectConnections connections,
            @Value("${tasks.change-log.retention:11m}") Duration retention) {
        this.cache = cache;
        this.connections = connections;
        this.retention = retention;
    }

    /** How long rows stay in the log after every reader has passed them. */
    Duration retention() {
        return retention;
    }

    /** Also with the cache off: the trigger logs every change whatever this instance does, and the log must be trimmed. */
    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("task-changes").daemon().start(this::follow);
    }

    @Override
    public void stop() {
        running = false;
        Thread following = thread;
        if (following == null) {
            return;
        }
        following.interrupt(); // ends its pause between reads; a read under way takes milliseconds
        try {
            following.join(Duration.ofSeconds(SOCKET_TIMEOUT_SECONDS + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        int failures = 0;
        while (running) {
            try (Connection db = connections.open(APPLICATION_NAME, SOCKET_TIMEOUT_SECONDS);
                    PreparedStatement read = db.prepareStatement(READ);
                    PreparedStatement trim = db.prepareStatement(TRIM)) {
                if (!triggersPresent(db)) {
                    // Flyway off, or an old schema: nothing would tell this instance about changes.
                    throw new SQLException("the owned tables lack their change log triggers (migrations V2, V3)");
                }
                String since = horizon(db);
                cache.changedAll(); // every change below that horizon, which no read will return
                if (failures > 0) {
                    log.info("Reading task changes again; the list cache is back in use");
                }
                failures = 0;
                relay(read, trim, since);
            } catch (SQLException | RuntimeException e) {
                cache.distrust();
                if (!running) {
                    break;
                }
                if (failures++ == 0) {
                    log.warn("Task changes cannot be read ({}); lists read PostgreSQL until they can", e.getMessage());
                }
                try {
                    Thread.sleep(Math.min(MAX_PAUSE.toMillis(), 100L << Math.min(failures, 7)));
                } catch (InterruptedException stopping) {
                    break;
                }
            } catch (InterruptedException stopping) {
                break;
            }
        }
        cache.distrust();
    }

    /** Reads changes and renews the cache's lease until a read fails or the feed stops. */
    private void relay(PreparedStatement read, PreparedStatement trim, String since)
            throws SQLException, InterruptedException {
        Deque<Mark> marks = new ArrayDeque<>();
        long previous = System.nanoTime();
        while (running) {
            long started = System.nanoTime();
            if (started - previous > STALL.toNanos()) {
                cache.changedAll(); // this feed stalled: rows it has not read may be trimmed by now
            }
            Read changes = read(read, since);
            if (changes.everyone()) {
                cache.changedAll();
            } else {
                changes.users().forEach(cache::changed);
            }
            // Every change committed before this read started is applied now.
            cache.vouchUntil(started + LEASE.toNanos());
            since = changes.horizon();
            previous = started;
            trimOldRows(trim, marks, started, since);
            long wait = started + POLL_INTERVAL.toNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }

    private static Read read(PreparedStatement read, String since) throws SQLException {
        read.setString(1, since);
        String horizon = null;
        List<Long> users = new ArrayList<>();
        boolean everyone = false;
        try (ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                horizon = rows.getString(1);
                if (rows.getBoolean(3)) { // a change row, not the left join's empty one
                    long user = rows.getLong(2);
                    if (rows.wasNull()) {
                        everyone = true;
                    } else {
                        users.add(user);
                    }
                }
            }
        }
        if (horizon == null) {
            throw new SQLException("the change log read returned no horizon");
        }
        return new Read(horizon, users, everyone || users.size() > MAX_USERS_PER_READ);
    }

    /** Deletes rows below the horizon of a read at least {@link #retention} ago (marks every second). */
    private void trimOldRows(PreparedStatement trim, Deque<Mark> marks, long now, String horizon) throws SQLException {
        if (marks.isEmpty() || now - marks.peekLast().at() >= TRIM_EVERY.toNanos()) {
            marks.addLast(new Mark(now, horizon));
        }
        if (now - marks.peekFirst().at() >= retention.toNanos()) {
            String below = marks.removeFirst().horizon();
            trim.setString(1, below);
            trim.setString(2, below);
            trim.executeUpdate();
        }
    }

    private static String horizon(Connection db) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(HORIZON);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private static boolean triggersPresent(Connection db) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(TRIGGERS);
                ResultSet found = statement.executeQuery()) {
            return found.next() && found.getInt(1) == TRIGGER_COUNT;
        }
    }
}
