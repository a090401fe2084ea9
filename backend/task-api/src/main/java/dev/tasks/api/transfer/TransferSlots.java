package dev.tasks.api.transfer;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * At most {@value #SLOTS} imports or exports run at once on an instance. A 10,000-task import takes
 * some 20 MB of heap while it is checked (its rows as JSON trees and drafts), and the API runs with a
 * 112 MiB heap (jvm.options), so many at once would end in an OutOfMemoryError, a 5xx for everyone.
 * An export keeps little heap (it is spooled to a file, {@link ExportFile}) but holds a database
 * connection and a snapshot for as long as the owner's rows take to read, so it shares the slots:
 * a crowd of exports cannot take the pool from everyone else. A request that finds no slot within
 * {@value #WAIT_SECONDS} s gets 429 with {@code Retry-After}, like any other limit (SPEC 1.5); it has
 * had no effect.
 */
@Component
class TransferSlots {

    static final int SLOTS = 2;
    static final int WAIT_SECONDS = 10;

    private final Semaphore slots;
    private final Duration wait;

    TransferSlots() {
        this(SLOTS, Duration.ofSeconds(WAIT_SECONDS));
    }

    TransferSlots(int slots, Duration wait) {
        this.slots = new Semaphore(slots, true);
        this.wait = wait;
    }

    <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private static ErrorResponseException busy() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                "Other imports or exports are running on this server right now; nothing was changed. Try again in a few"
                        + " seconds.");
        ErrorResponseException busy = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(WAIT_SECONDS));
        return busy;
    }
}
