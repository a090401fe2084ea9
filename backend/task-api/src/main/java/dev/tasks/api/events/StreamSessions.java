package dev.tasks.api.events;

import dev.tasks.api.owned.TeamAccess;
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
 * rule is the session check's (SessionCheck.isLive). A failed lookup ends nothing: as for
 * requests, an unreachable database is not a signed-out user. A team's stream also ends once its
 * user is no longer a member ({@link TeamAccess#isMember}).
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

    private final TeamAccess teams;

    private volatile Thread thread;

    StreamSessions(
            LiveStreams streams,
            JdbcClient jdbc,
            ObjectProvider<SessionCheck> sessionCheck,
            ObjectProvider<BetterAuthSessions> sessions,
            TeamAccess teams,
            @Value("${tasks.events.session-check-every:2s}") Duration every) {
        this.streams = streams;
        this.jdbc = jdbc;
        this.every = every;
        this.teams = teams;
        SessionCheck check = sessionCheck.getIfAvailable();
        this.checked = check != null && check.mode() != SessionCheckMode.OFF;
        this.sessions = sessions.getIfAvailable();
        // The table is quoted SQL from the session check's configuration (as owned.OwnedWrites uses it), never input.
        this.findAll = this.sessions instanceof JdbcBetterAuthSessions table
                ? Optional.of(
                        "select \"id\", \"userId\", \"expiresAt\" from " + table.table() + " where \"id\" = any(:ids)")
                : Optional.empty();
    }

    /**
     * A team's stream ends when its user is no longer a member (SPEC 1.9: removal takes effect
     * within the membership cache's seconds); a failed lookup ends nothing.
     */
    void checkMemberships() {
        for (LiveStream stream : streams.streams()) {
            if (stream.team() == null) {
                continue;
            }
            try {
                if (!teams.isMember(stream.team(), stream.userId())) {
                    stream.tell(Signal.MEMBERSHIP_ENDED);
                }
            } catch (RuntimeException e) {
                log.debug("Team membership of a live stream cannot be checked now ({})", e.getMessage());
            }
        }
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
                if (!live(found.get(sid), stream.userId(), now)) {
                    stream.tell(Signal.SESSION_ENDED);
                }
            }
        });
    }

    /** The session check's rule (SessionCheck.isLive, not public): it exists, is this user's, has not expired. */
    private static boolean live(BetterAuthSession session, String userId, Instant now) {
        return session != null && session.userId().equals(userId) && now.isBefore(session.expiresAt());
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
        thread = Thread.ofPlatform().name("task-events-sessions").daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException stopping) {
                    return;
                }
                if (checked && sessions != null) {
                    check();
                }
                checkMemberships();
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
