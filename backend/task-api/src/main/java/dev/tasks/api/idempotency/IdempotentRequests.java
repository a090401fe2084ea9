package dev.tasks.api.idempotency;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code tasks.idempotent_requests} table (migration V9): who claimed which key for which
 * request, and the answer to replay. Shared by every API instance, so a retry that reaches another
 * instance is answered the same.
 */
final class IdempotentRequests {

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    /** How long an answer is replayed: longer than any retry of the outbox (it gives up never, but a tab lives a day). */
    static final Duration KEEP = Duration.ofHours(24);
    /**
     * A claim with no answer this long after it was made belongs to a request that died with its
     * instance (kill -9 between the write and the answer): its key may be claimed again.
     */
    static final Duration ABANDONED = Duration.ofSeconds(60);

    private static final int CLEANUP_BATCH = 1_000;

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the store says about a request arriving with a key. */
    sealed interface Claim {
        /** The key is this request's now: run it, then {@link #answer} or {@link #release}. */
        record Claimed() implements Claim {}

        /** The same request was answered before: send this again. */
        record Replay(int status, String contentType, String location, byte[] body) implements Claim {}

        /** The same request is running right now (a retry overtook it). */
        record InProgress() implements Claim {}

        /** The key was used for a different request. */
        record Mismatch() implements Claim {}
    }

    Claim claim(String userId, String key, byte[] fingerprint) {
        // Inserted, or taken over when the old row is past keeping or an abandoned claim of the same request.
        boolean claimed = jdbc.sql("""
                        insert into tasks.idempotent_requests (user_id, idempotency_key, fingerprint)
                        values (:user, :key, :fingerprint)
                        on conflict (user_id, idempotency_key) do update
                            set fingerprint = excluded.fingerprint, status = null, content_type = null,
                                location = null, body = null, created_at = now()
                            where idempotent_requests.created_at < now() - make_interval(secs => :keep)
                               or (idempotent_requests.status is null
                                   and idempotent_requests.fingerprint = excluded.fingerprint
                                   and idempotent_requests.created_at < now() - make_interval(secs => :abandoned))
                        """)
                        .param("user", userId)
                        .param("key", key)
                        .param("fingerprint", fingerprint)
                        .param("keep", KEEP.toSeconds())
                        .param("abandoned", ABANDONED.toSeconds())
                        .update()
                == 1;
        if (claimed) {
            return new Claim.Claimed();
        }
        Optional<Claim> existing = jdbc.sql("""
                        select fingerprint, status, content_type, location, body
                        from tasks.idempotent_requests where user_id = :user and idempotency_key = :key
                        """)
                .param("user", userId)
                .param("key", key)
                .query((row, n) -> {
                    if (!Arrays.equals(row.getBytes("fingerprint"), fingerprint)) {
                        return (Claim) new Claim.Mismatch();
                    }
                    int status = row.getInt("status");
                    if (row.wasNull()) {
                        return new Claim.InProgress();
                    }
                    return new Claim.Replay(
                            status, row.getString("content_type"), row.getString("location"), row.getBytes("body"));
                })
                .optional();
        // Deleted between the two statements (cleanup, account deletion): as if it never was.
        return existing.orElseGet(() -> claim(userId, key, fingerprint));
    }

    void answer(String userId, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                        update tasks.idempotent_requests
                        set status = :status, content_type = :contentType, location = :location, body = :body
                        where user_id = :user and idempotency_key = :key
                        """)
                .param("status", status)
                .param("contentType", contentType)
                .param("location", location)
                .param("body", body)
                .param("user", userId)
                .param("key", key)
                .update();
    }

    /** The request was not carried out (or its answer is not worth keeping): a retry runs it again. */
    void release(String userId, String key) {
        jdbc.sql(
                        "delete from tasks.idempotent_requests where user_id = :user and idempotency_key = :key and status is null")
                .param("user", userId)
                .param("key", key)
                .update();
    }

    /** Deletes rows past keeping, in batches. */
    int removeExpired() {
        int total = 0;
        try {
            int removed;
            do {
                removed = jdbc.sql("""
                                delete from tasks.idempotent_requests where ctid in (
                                    select ctid from tasks.idempotent_requests
                                    where created_at < now() - make_interval(secs => :keep)
                                    limit :batch)
                                """)
                        .param("keep", KEEP.toSeconds())
                        .param("batch", CLEANUP_BATCH)
                        .update();
                total += removed;
            } while (removed == CLEANUP_BATCH);
        } catch (RuntimeException e) {
            log.debug("Idempotency-Key cleanup skipped: {}", e.toString());
        }
        return total;
    }
}
