package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.BetterAuthSessions;
import io.github.betterauthjava.jwt.JdbcBetterAuthSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Says once, at start-up, when Better Auth's session table cannot be read. The application still
 * starts (Better Auth may migrate the database later); until the table is readable, tokens that
 * name a session get 503.
 */
final class SessionTableWarning implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(SessionTableWarning.class);

    private final BetterAuthSessions sessions;

    SessionTableWarning(BetterAuthSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        // Only the JDBC store has a table to look at; another store's outages show in its own requests.
        if (sessions instanceof JdbcBetterAuthSessions jdbc) {
            jdbc.problem()
                    .ifPresent(problem -> log.warn(
                            "Better Auth session check: {}; tokens naming a session get 503 until it can be read",
                            problem));
        }
    }
}
