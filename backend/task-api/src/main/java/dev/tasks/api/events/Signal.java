package dev.tasks.api.events;

import java.util.List;

/** What a stream is told by the feed, the session watch or the shutdown, in order. */
sealed interface Signal {

    /**
     * Changes of one owner read from the log between two horizons. Resuming from {@code since}
     * repeats all of them, from {@code horizon} none that matter: so each event but the last
     * carries {@code since} as its id, the last {@code horizon} (a stream cut mid-batch repeats
     * the batch rather than losing its tail).
     */
    record Batch(List<LiveEvent> events, long since, long horizon) implements Signal {

        void appendTo(StringBuilder out) {
            for (int i = 0; i < events.size(); i++) {
                events.get(i).appendTo(out, i == events.size() - 1 ? horizon : since);
            }
        }
    }

    /** Something may have been missed (a truncated table, a client too slow to keep up): reload. */
    record Reset() implements Signal {}

    /** The stream ends: the token expired, its session ended, its user left the team, or the instance stops. */
    record End(String reason) implements Signal {}

    Reset RESET = new Reset();
    End EXPIRED = new End("token_expired");
    End SESSION_ENDED = new End("session_ended");
    End SHUTDOWN = new End("shutdown");
    End MEMBERSHIP_ENDED = new End("membership_ended");
}
