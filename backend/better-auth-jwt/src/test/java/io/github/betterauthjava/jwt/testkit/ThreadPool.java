package io.github.betterauthjava.jwt.testkit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fixed thread pool for try-with-resources: {@code ExecutorService} is only
 * {@code AutoCloseable} from Java 19 on, and the library's tests run on 17 too.
 */
public final class ThreadPool implements AutoCloseable {

    private final ExecutorService executor;

    private ThreadPool(int threads) {
        this.executor = Executors.newFixedThreadPool(threads);
    }

    public static ThreadPool of(int threads) {
        return new ThreadPool(threads);
    }

    public ExecutorService executor() {
        return executor;
    }

    /** Like Java 19's {@code ExecutorService.close()}: lets submitted tasks finish. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
            executor.shutdownNow();
        }
    }
}
