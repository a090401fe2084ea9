package dev.tasks.api.task;

import dev.tasks.api.database.DirectConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens to PostgreSQL's notifications of task changes ({@value #CHANNEL}, sent by the trigger of
 * migration V2 for every change to {@code tasks.tasks}, whoever makes it) and hands them to
 * {@link TaskListCache}, on a connection of its own outside the pool.
 *
 * <p>Every {@link #PING_INTERVAL} it notifies itself on a channel only this instance listens to.
 * PostgreSQL delivers notifications in commit order, so once the ping is back every change
 * committed before it was sent has been applied: the cache may serve pages for {@link #LEASE}
 * from the ping's sending. A ping that does not come back (a dead connection, a pooler in
 * transaction mode that loses {@code LISTEN}) lets the lease run out, and lists go to PostgreSQL.
 * When the connection fails it reconnects with a growing pause; a new connection starts by
 * dropping every kept page, since changes made in between were never heard.
 */
@Component
class TaskChangeListener implements SmartLifecycle {

    /** The trigger's channel; the payload is {@code u:} and a user id, or {@code *} for everyone. */
    static final String CHANNEL = "tasks_changed";

    static final String EVERYONE = "*";
    static final String USER_PREFIX = "u:";

    static final Duration PING_INTERVAL = Duration.ofSeconds(1);
    static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    private static final String APPLICATION_NAME = "task-api change listener";

    private static final Logger log = LoggerFactory.getLogger(TaskChangeListener.class);

    private final TaskListCache cache;
    private final DirectConnections connections;
    /** Only this instance listens here: a ping reaches one listener, not all of them. */
    private final String pingChannel = "tasks_ping_"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    TaskChangeListener(TaskListCache cache, DirectConnections connections) {
        this.cache = cache;
        this.connections = connections;
    }

    @Override
    public void start() {
        if (!cache.enabled()) {
            return; // nothing to keep fresh
        }
        running = true;
        thread = Thread.ofPlatform().name("task-changes").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread listening = thread;
        if (listening == null) {
            return;
        }
        closeQuietly(connection); // ends a wait for notifications at once
        listening.interrupt();
        try {
            listening.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        int failures = 0;
        while (running) {
            try (Connection listening = connections.open(
                    APPLICATION_NAME, (int) LEASE.multipliedBy(5).toSeconds())) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    if (!triggersPresent(statement)) {
                        // Flyway off, or an old schema: nothing would tell this instance about changes.
                        throw new SQLException("tasks.tasks has no change notification triggers (migration V2)");
                    }
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + pingChannel);
                }
                cache.changedAll(); // whatever changed while nobody listened
                if (failures > 0) {
                    log.info("Listening to task changes again; the list cache is back in use");
                }
                failures = 0;
                relay(listening);
            } catch (SQLException | RuntimeException e) {
                cache.distrust();
                if (!running) {
                    return;
                }
                if (failures++ == 0) {
                    log.warn(
                            "Task change notifications are not arriving ({}); lists read PostgreSQL until they do",
                            e.getMessage());
                }
                pause(failures);
            } finally {
                connection = null;
            }
        }
        cache.distrust();
    }

    /** Pings, applies changes and renews the cache's lease until the connection fails. */
    private void relay(Connection listening) throws SQLException {
        PGConnection notifications = listening.unwrap(PGConnection.class);
        boolean warnedLostPings = false;
        try (PreparedStatement ping = listening.prepareStatement("select pg_notify(?, ?)")) {
            for (long sequence = 0; running; sequence++) {
                long sent = System.nanoTime();
                String payload = Long.toString(sequence);
                ping.setString(1, pingChannel);
                ping.setString(2, payload);
                ping.execute();
                boolean back = false;
                long next = sent + PING_INTERVAL.toNanos();
                for (long wait = PING_INTERVAL.toMillis();
                        running && wait > 0;
                        wait = (next - System.nanoTime()) / 1_000_000) {
                    PGNotification[] received = notifications.getNotifications((int) wait);
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification notification : received) {
                        if (notification.getName().equals(pingChannel)) {
                            if (notification.getParameter().equals(payload)) {
                                back = true;
                                // Everything committed before the ping was sent is applied above.
                                cache.vouchUntil(sent + LEASE.toNanos());
                            }
                        } else {
                            apply(notification.getParameter());
                        }
                    }
                }
                if (!back && !warnedLostPings && running) {
                    warnedLostPings = true;
                    log.warn(
                            "PostgreSQL did not return this instance's notification within {} (a pooler in"
                                    + " transaction mode loses LISTEN); lists read PostgreSQL while this lasts",
                            PING_INTERVAL);
                }
            }
        }
    }

    private static boolean triggersPresent(Statement statement) throws SQLException {
        try (var found = statement.executeQuery("select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'tasks' and c.relname = 'tasks'"
                + " and t.tgname in ('tasks_notify_insert', 'tasks_notify_update', 'tasks_notify_delete',"
                + " 'tasks_notify_truncate') and t.tgenabled <> 'D'")) {
            return found.next() && found.getInt(1) == 4;
        }
    }

    private void apply(String payload) {
        if (payload.startsWith(USER_PREFIX)) {
            cache.changed(payload.substring(USER_PREFIX.length()));
        } else {
            cache.changedAll(); // "*", or anything this version does not know
        }
    }

    private void pause(int failures) {
        long millis = Math.min(MAX_PAUSE.toMillis(), 250L << Math.min(failures, 6));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // closing to wake the listener; it is going away either way
        }
    }
}
