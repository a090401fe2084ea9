package io.github.betterauthjava.jwt.testkit;

import io.github.betterauthjava.jwt.BetterAuthSession;
import io.github.betterauthjava.jwt.BetterAuthSessions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session store through the public interface, as an application without database access
 * would write one: rows in a map, every lookup counted, an outage switched on by the test, and
 * an optional gate that holds lookups until the test opens it.
 */
public final class InMemorySessions implements BetterAuthSessions {

    private final Map<String, BetterAuthSession> rows = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private volatile boolean down;
    private volatile CountDownLatch gate;

    @Override
    public Optional<BetterAuthSession> find(String sessionId) {
        lookups.incrementAndGet();
        CountDownLatch waitFor = gate;
        if (waitFor != null) {
            try {
                waitFor.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (down) {
            throw new IllegalStateException("Connection refused");
        }
        return Optional.ofNullable(rows.get(sessionId));
    }

    public void put(String sessionId, String userId, Instant expiresAt) {
        rows.put(sessionId, new BetterAuthSession(userId, expiresAt));
    }

    public void delete(String sessionId) {
        rows.remove(sessionId);
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Lookups wait until the returned latch is counted down. */
    public CountDownLatch hold() {
        CountDownLatch latch = new CountDownLatch(1);
        gate = latch;
        return latch;
    }

    public int lookups() {
        return lookups.get();
    }
}
