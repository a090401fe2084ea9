package dev.tasks.api.idempotency;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Deletes answers past keeping every 10 minutes (on each instance; the deletes do not conflict). */
final class IdempotencyCleanup implements AutoCloseable {

    private final ScheduledExecutorService timer;

    IdempotencyCleanup(IdempotentRequests requests) {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("idempotency-cleanup").factory());
        timer.scheduleWithFixedDelay(requests::removeExpired, 1, 10, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
