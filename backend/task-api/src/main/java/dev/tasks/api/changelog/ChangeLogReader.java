package dev.tasks.api.changelog;

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
 * The instance's one reader of the change log ({@code tasks.task_changes}, filled by the triggers of
 * migrations V2, V3 and V5 whoever writes): one connection of its own outside the pool, one read
 * every {@link #POLL_INTERVAL}, one reconnect loop, feeding every {@link ChangeLogListener} (the
 * list cache's owned.ChangeFeed, the live streams' events.EventFeed). Polling, not NOTIFY:
 * PostgreSQL serialises the commits of notifying transactions (migration V2 measured a 4x drop).
 * Until 2026-12-07 each of the two consumers had its own reader: two connections, two polls of the
 * same rows every 100 ms.
 *
 * <p>Each read returns the rows of transactions at or after the previous read's horizon, the oldest
 * transaction still running when that read's snapshot was taken. A transaction below the horizon had
 * ended by then, so the previous read (or one before it) saw its rows; one at or above it is read
 * again until it is below. So no change is missed however long its transaction ran, and each read
 * covers every change committed before it started. After a failure the reader goes on from where it
 * was, unless the log was trimmed past that point meanwhile (then {@code continuous} is false).
 *
 * <p>Rows are deleted once they are below the horizon of a read {@code tasks.change-log.retention}
 * (default {@link #DEFAULT_RETENTION}) ago, by whichever instance gets there first, and the same
 * statement raises {@code tasks.task_changes_trimmed}: live streams resume from the log
 * (events.EventHistory) and must know when a cursor is older than what is left.
 */
@Component
public final class ChangeLogReader implements SmartLifecycle {

    public static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /**
     * SPEC 1.8: a live stream resumes with nothing missed from a cursor at least 10 minutes old; a
     * minute more for clocks and slow reads. Trimmed every second, so a trim deletes one second's
     * rows (at 7,600 writes/s some 7,600; with a minute's rows trimmed every 10 s it was 76,000).
     */
    static final Duration DEFAULT_RETENTION = Duration.ofMinutes(11);
    /** More rows than this in one read: the listeners are told "anything changed" rather than given them all. */
    public static final int MAX_ROWS_PER_READ = 50_000;

    public static final String APPLICATION_NAME = "task-api change log";

    private static final Duration TRIM_EVERY = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    private static final int SOCKET_TIMEOUT_SECONDS = 10;

    private static final String HORIZON = "select pg_snapshot_xmin(pg_current_snapshot())::text";
    private static final String TRIMMED = "select below::text from tasks.task_changes_trimmed";
    /** One statement, so the horizon and the rows come from one snapshot. */
    private static final String READ = """
            select h.horizon::text, c.xid::text, c.kind, c.owner_key, c.resource_id, c.deleted
            from (select pg_snapshot_xmin(pg_current_snapshot()) as horizon) h
            left join lateral (
                select xid, kind, owner_key, resource_id, deleted from tasks.task_changes
                where xid >= cast(? as xid8) order by xid limit\s""" + (MAX_ROWS_PER_READ + 1) + """
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

    private static final Logger log = LoggerFactory.getLogger(ChangeLogReader.class);

    private record Mark(long at, long horizon) {}

    private final List<ChangeLogListener> listeners;
    private final DirectConnections connections;
    private final Duration retention;

    private volatile boolean running;
    private volatile Thread thread;

    /** Where the next read starts; -1 until the first. Kept across reconnections. */
    private long since = -1;

    ChangeLogReader(
            List<ChangeLogListener> listeners,
            DirectConnections connections,
            @Value("${tasks.change-log.retention:11m}") Duration retention) {
        this.listeners = List.copyOf(listeners);
        this.connections = connections;
        this.retention = retention;
    }

    /** How long rows stay in the log after every reader has passed them. */
    public Duration retention() {
        return retention;
    }

    /** Also with the list cache off and no stream open: the log must be trimmed. */
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
                long trimmedBelow = single(db, TRIMMED);
                boolean continuous = since >= 0 && since >= trimmedBelow;
                if (!continuous) {
                    since = single(db, HORIZON);
                }
                for (ChangeLogListener listener : listeners) {
                    listener.connected(since, continuous);
                }
                if (failures > 0) {
                    log.info("Reading the change log again");
                }
                failures = 0;
                relay(read, trim);
            } catch (SQLException | RuntimeException e) {
                listeners.forEach(ChangeLogListener::interrupted);
                if (!running) {
                    break;
                }
                if (failures++ == 0) {
                    log.warn(
                            "The change log cannot be read ({}); lists read PostgreSQL and live streams wait until it can",
                            e.getMessage());
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
        listeners.forEach(ChangeLogListener::interrupted);
    }

    /** Reads until a read fails or the reader stops. */
    private void relay(PreparedStatement read, PreparedStatement trim) throws SQLException, InterruptedException {
        Deque<Mark> marks = new ArrayDeque<>();
        while (running) {
            long started = System.nanoTime();
            ChangeRead changes = read(read, since, started);
            for (ChangeLogListener listener : listeners) {
                listener.read(changes);
            }
            since = changes.horizon();
            trimOldRows(trim, marks, started, since);
            long wait = started + POLL_INTERVAL.toNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }

    private static ChangeRead read(PreparedStatement read, long since, long started) throws SQLException {
        read.setString(1, Long.toString(since));
        long horizon = -1;
        List<Change> changes = new ArrayList<>();
        try (ResultSet row = read.executeQuery()) {
            while (row.next()) {
                horizon = Long.parseLong(row.getString(1));
                String xid = row.getString(2);
                if (xid == null) {
                    continue; // the left join's row when nothing is new
                }
                long owner = row.getLong(4);
                Long ownerKey = row.wasNull() ? null : owner;
                long resource = row.getLong(5);
                Long resourceId = row.wasNull() ? null : resource;
                changes.add(new Change(Long.parseLong(xid), row.getInt(3), ownerKey, resourceId, row.getBoolean(6)));
            }
        }
        if (horizon < 0) {
            throw new SQLException("the change log read returned no horizon");
        }
        boolean overflow = changes.size() > MAX_ROWS_PER_READ;
        return new ChangeRead(since, horizon, overflow ? List.of() : changes, overflow, started);
    }

    /** Deletes rows below the horizon of a read at least {@link #retention} ago (marks every second). */
    private void trimOldRows(PreparedStatement trim, Deque<Mark> marks, long now, long horizon) throws SQLException {
        if (marks.isEmpty() || now - marks.peekLast().at() >= TRIM_EVERY.toNanos()) {
            marks.addLast(new Mark(now, horizon));
        }
        if (now - marks.peekFirst().at() >= retention.toNanos()) {
            String below = Long.toString(marks.removeFirst().horizon());
            trim.setString(1, below);
            trim.setString(2, below);
            trim.executeUpdate();
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }

    private static boolean triggersPresent(Connection db) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(TRIGGERS);
                ResultSet found = statement.executeQuery()) {
            return found.next() && found.getInt(1) == TRIGGER_COUNT;
        }
    }
}
