package dev.tasks.api.events;

import dev.tasks.api.database.DirectConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one reader of the change log ({@code tasks.task_changes}) for all of this instance's live
 * streams, on a connection of its own outside the pool: every {@link #POLL_INTERVAL} it reads the
 * rows at or after the previous read's horizon (the oldest transaction still running then, as
 * owned.ChangeFeed does), hands each watched owner's new rows to {@link LiveStreams} as one batch,
 * and then publishes the read's horizon as the streams' cursor. Polling, not NOTIFY: PostgreSQL
 * serialises the commits of notifying transactions (migration V2 measured a 4x drop).
 *
 * <p>A row at or above the horizon is read again by the next read; a transaction's rows become
 * visible together at its commit, so the transaction ids already relayed are remembered until they
 * fall below the horizon, and each change reaches a stream once. After a failure the feed goes on
 * from where it was, unless the log was trimmed past that point meanwhile: then every stream is
 * told to reload ({@code event: reset}).
 */
@Component
final class EventFeed implements SmartLifecycle {

    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** More rows than this in one read: every stream reloads rather than the feed holding them all. */
    static final int MAX_ROWS_PER_READ = 50_000;

    static final String APPLICATION_NAME = "task-api event feed";
    private static final int SOCKET_TIMEOUT_SECONDS = 10;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    private static final String READ = """
            select h.horizon::text, c.xid::text, c.kind, c.owner_key, c.resource_id, c.deleted
            from (select pg_snapshot_xmin(pg_current_snapshot()) as horizon) h
            left join lateral (
                select xid, kind, owner_key, resource_id, deleted from tasks.task_changes
                where xid >= cast(? as xid8) order by xid limit\s""" + (MAX_ROWS_PER_READ + 1) + """
            ) c on true""";

    private static final String HORIZON = "select pg_snapshot_xmin(pg_current_snapshot())::text";
    private static final String TRIMMED = "select below::text from tasks.task_changes_trimmed";

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

    private final LiveStreams streams;
    private final DirectConnections connections;

    private volatile boolean running;
    private volatile Thread thread;

    /** Where the next read starts; -1 until the first. Kept across reconnections. */
    private long since = -1;
    /** Transactions at or above {@link #since} whose rows were relayed already. */
    private final Set<Long> relayed = new HashSet<>();

    EventFeed(LiveStreams streams, DirectConnections connections) {
        this.streams = streams;
        this.connections = connections;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("task-events").daemon().start(this::follow);
    }

    @Override
    public void stop() {
        running = false;
        Thread following = thread;
        if (following == null) {
            return;
        }
        following.interrupt();
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
                    PreparedStatement read = db.prepareStatement(READ)) {
                if (since < 0 || since < single(db, TRIMMED)) {
                    if (since >= 0) {
                        log.warn("The change log was trimmed past this instance's live events; every stream reloads");
                        streams.resetAll();
                    }
                    since = single(db, HORIZON);
                    relayed.clear();
                    streams.advance(since);
                }
                if (failures > 0) {
                    log.info("Reading the change log for live events again");
                }
                failures = 0;
                while (running) {
                    long started = System.nanoTime();
                    relay(read);
                    long wait = started + POLL_INTERVAL.toNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (failures++ == 0) {
                    log.warn("The change log cannot be read for live events ({}); streams wait", e.getMessage());
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
    }

    /** One read: new rows to their owners' streams, then the horizon as everyone's cursor. */
    private void relay(PreparedStatement read) throws SQLException {
        read.setString(1, Long.toString(since));
        long horizon = -1;
        int rows = 0;
        boolean everyone = false;
        Set<Long> fresh = new HashSet<>();
        Map<Long, List<LiveEvent>> byOwner = new HashMap<>();
        try (ResultSet row = read.executeQuery()) {
            while (row.next()) {
                horizon = Long.parseLong(row.getString(1));
                String xidText = row.getString(2);
                if (xidText == null) {
                    continue; // the left join's row when nothing is new
                }
                rows++;
                long xid = Long.parseLong(xidText);
                if (relayed.contains(xid)) {
                    continue;
                }
                fresh.add(xid);
                long owner = row.getLong(4);
                if (row.wasNull()) {
                    everyone = true; // a TRUNCATE
                    continue;
                }
                if (!streams.watched(owner)) {
                    continue;
                }
                long resource = row.getLong(5);
                Long id = row.wasNull() ? null : resource;
                LiveEvent event = LiveEvent.of(row.getInt(3), id, row.getBoolean(6));
                if (event != null) {
                    byOwner.computeIfAbsent(owner, key -> new ArrayList<>()).add(event);
                }
            }
        }
        if (horizon < 0) {
            throw new SQLException("the change log read returned no horizon");
        }
        long to = horizon;
        if (everyone || rows > MAX_ROWS_PER_READ) {
            // A truncated table, or more than one read holds: every stream reloads, and reading on from
            // the horizon misses nothing a reload does not cover.
            streams.resetAll();
        } else {
            long from = since;
            byOwner.forEach((owner, events) -> streams.deliver(owner, new Signal.Batch(events, from, to)));
        }
        relayed.addAll(fresh);
        relayed.removeIf(xid -> xid < to);
        since = horizon;
        streams.advance(horizon);
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }
}
