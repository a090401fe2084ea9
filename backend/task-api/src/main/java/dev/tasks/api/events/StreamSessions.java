package dev.tasks.api.events;

import io.github.betterauthjava.jwt.BetterAuthSession;
import io.github.betterauthjava.jwt.BetterAuthSessions;
import io.github.betterauthjava.jwt.JdbcBetterAuthSessions;
import io.github.betterauthjava.jwt.SessionCheck;
import io.github.betterauthjava.jwt.SessionCheckMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends a stream within 5 s of its token's Better Auth session ending (SPEC 1.6, 1.8): every
 * {@code tasks.events.session-check-every} (2 s) the sessions named by open streams are looked up
 * again, in one query for all of them when the session check reads Better Auth's table through JDBC
 * (2,000 streams must not mean 2,000 lookups), else one by one through the check's own store. The
 * rule is the session check's ({@link SessionCheck#isLive}). A failed lookup ends nothing: as for
 * requests, an unreachable database is not a signed-out user.
 */
@Component
final class StreamSessions implements SmartLifecycle {

    private static final int CHUNK = 1_000;
    private static final Logger log = LoggerFactory.getLogger(StreamSessions.class);

    private final LiveStreams streams;
    private final JdbcClient jdbc;
    private final Duration every;
    private final boolean checked;
    private final BetterAuthSessions sessions;
    /** The batch lookup, when sessions live in a table this DataSource reads. */
    private final Optional<String> findAll;

    private volatile Thread thread;

    StreamSessions(
            LiveStreams streams,
            JdbcClient jdbc,
            ObjectProvider<SessionCheck> sessionCheck,
            ObjectProvider<BetterAuthSessions> sessions,
            @Value("${tasks.events.session-check-every:2s}") Duration every) {
        this.streams = streams;
        this.jdbc = jdbc;
        this.every = every;
        SessionCheck check = sessionCheck.getIfAvailable();
        this.checked = check != null && check.mode() != SessionCheckMode.OFF;
        this.sessions = sessions.getIfAvailable();
        // The table is quoted SQL from the session check's configuration (as owned.OwnedWrites uses it), never input.
        this.findAll = this.sessions instanceof JdbcBetterAuthSessions table
                ? Optional.of(
                        "select \"id\", \"userId\", \"expiresAt\" from " + table.table() + " where \"id\" = any(:ids)")
                : Optional.empty();
    }

    /** Looks every open stream's session up once and ends those whose session has ended. */
    void check() {
        Map<String, List<LiveStream>> bySession = new HashMap<>();
        for (LiveStream stream : streams.streams()) {
            if (stream.sessionId() != null) {
                bySession
                        .computeIfAbsent(stream.sessionId(), sid -> new ArrayList<>())
                        .add(stream);
            }
        }
        if (bySession.isEmpty()) {
            return;
        }
        Map<String, BetterAuthSession> found;
        try {
            found = find(new ArrayList<>(bySession.keySet()));
        } catch (RuntimeException e) {
            log.debug("Sessions of live streams cannot be checked now ({}); streams stay open", e.getMessage());
            return;
        }
        Instant now = Instant.now();
        bySession.forEach((sid, those) -> {
            for (LiveStream stream : those) {
                if (!SessionCheck.isLive(Optional.ofNullable(found.get(sid)), stream.userId(), now)) {
                    stream.tell(Signal.SESSION_ENDED);
                }
            }
        });
    }

    private Map<String, BetterAuthSession> find(List<String> ids) {
        Map<String, BetterAuthSession> found = new HashMap<>();
        if (findAll.isEmpty()) {
            for (String id : ids) {
                sessions.find(id).ifPresent(session -> found.put(id, session));
            }
            return found;
        }
        for (int from = 0; from < ids.size(); from += CHUNK) {
            String[] chunk =
                    ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
            jdbc.sql(findAll.orElseThrow()).param("ids", chunk).query(row -> {
                String userId = row.getString(2);
                java.sql.Timestamp expiresAt = row.getTimestamp(3);
                if (userId != null && expiresAt != null) {
                    found.put(row.getString(1), new BetterAuthSession(userId, expiresAt.toInstant()));
                }
            });
        }
        return found;
    }

    @Override
    public void start() {
        if (!checked || sessions == null) {
            return;
        }
        thread = Thread.ofPlatform().name("task-events-sessions").daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException stopping) {
                    return;
                }
                check();
            }
        });
    }

    @Override
    public void stop() {
        Thread watching = thread;
        thread = null;
        if (watching != null) {
            watching.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
