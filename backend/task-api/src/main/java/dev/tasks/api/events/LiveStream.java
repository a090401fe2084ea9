package dev.tasks.api.events;

import dev.tasks.api.owned.Owner;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open stream's mailbox: the feed, the session watch and the shutdown put signals in, the
 * stream's own (virtual) thread takes them out and writes them. Bounded, so a client that stops
 * reading cannot make the API hold its changes: when full, everything pending is replaced by a
 * {@link Signal.Reset} (the client reloads; nothing is lost, only the detail of what changed).
 * Equal only to itself: two tabs of one session are two streams.
 */
final class LiveStream {

    /** Signals a stream may have pending; a burst of changes of one owner arrives as one batch per read. */
    static final int CAPACITY = 256;

    private final long ownerKey;
    /** The team whose stream this is, or null for a user's own. */
    private final Owner.Team team;

    private final String userId;
    private final String sessionId;
    private final Instant expiresAt;
    private final LinkedBlockingQueue<Signal> mailbox = new LinkedBlockingQueue<>(CAPACITY);

    /**
     * @param ownerKey  the owner's key in the change log (owned.OwnerKey)
     * @param team      the team whose stream this is, or null for a user's own
     * @param userId    the token's user
     * @param sessionId the token's Better Auth session, or null when it names none
     * @param expiresAt the token's {@code exp}
     */
    LiveStream(long ownerKey, Owner.Team team, String userId, String sessionId, Instant expiresAt) {
        this.ownerKey = ownerKey;
        this.team = team;
        this.userId = userId;
        this.sessionId = sessionId;
        this.expiresAt = expiresAt;
    }

    long ownerKey() {
        return ownerKey;
    }

    Owner.Team team() {
        return team;
    }

    String userId() {
        return userId;
    }

    String sessionId() {
        return sessionId;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    synchronized void tell(Signal signal) {
        if (!mailbox.offer(signal)) {
            // Full: what is pending no longer matters once the client reloads; an End must still get through.
            Signal end = signal instanceof Signal.End
                    ? signal
                    : mailbox.stream()
                            .filter(pending -> pending instanceof Signal.End)
                            .findFirst()
                            .orElse(null);
            mailbox.clear();
            mailbox.offer(Signal.RESET);
            if (end != null) {
                mailbox.offer(end);
            }
        }
    }

    /** The next signal, waiting at most this long; null if none came. */
    Signal next(long nanos) throws InterruptedException {
        return nanos <= 0 ? mailbox.poll() : mailbox.poll(nanos, TimeUnit.NANOSECONDS);
    }
}
