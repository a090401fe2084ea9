package dev.tasks.api.events;

import dev.tasks.api.owned.TeamAccess;
import io.github.betterauthjava.jwt.BetterAuthSession;
import io.github.betterauthjava.jwt.BetterAuthSessions;
import io.github.betterauthjava.jwt.SessionCheck;
import io.github.betterauthjava.jwt.SessionCheckMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends a stream within 5 s of its token's Better Auth session ending (SPEC 1.6, 1.8): every
 * {@code tasks.events.session-check-every} (2 s) the sessions named by open streams are looked up
 * again through the session store's {@code findAll}: for Better Auth's table through JDBC one
 * query per 100 sessions (2,000 streams must not mean 2,000 lookups), else one by one. The
 * rule is the session check's (SessionCheck.isLive). A failed lookup ends nothing: as for
 * requests, an unreachable database is not a signed-out user. A team's stream also ends once its
 * user is no longer a member ({@link TeamAccess#isMember}).
 */
@Component
final class StreamSessions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamSessions.class);

    private final LiveStreams streams;
    private final Duration every;
    private final boolean checked;
    private final BetterAuthSessions sessions;

    private final TeamAccess teams;

    private volatile Thread thread;

    StreamSessions(
            LiveStreams streams,
            ObjectProvider<SessionCheck> sessionCheck,
            ObjectProvider<BetterAuthSessions> sessions,
            TeamAccess teams,
            @Value("${tasks.events.session-check-every:2s}") Duration every) {
        this.streams = streams;
        this.every = every;
        this.teams = teams;
        SessionCheck check = sessionCheck.getIfAvailable();
        this.checked = check != null && check.mode() != SessionCheckMode.OFF;
        this.sessions = sessions.getIfAvailable();
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
            found = sessions.findAll(bySession.keySet());
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
