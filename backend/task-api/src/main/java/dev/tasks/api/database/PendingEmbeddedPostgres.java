package dev.tasks.api.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An embedded PostgreSQL being started on a background thread (see {@link EmbeddedPostgresEarlyStart}).
 * {@link #take()} hands the running server to its owner; a server nobody took (the context failed
 * before the connection pool was made) is stopped when this bean is closed.
 */
final class PendingEmbeddedPostgres implements AutoCloseable {

    private final CompletableFuture<EmbeddedPostgresServer> server;
    private final AtomicBoolean taken = new AtomicBoolean();

    private PendingEmbeddedPostgres(CompletableFuture<EmbeddedPostgresServer> server) {
        this.server = server;
    }

    static PendingEmbeddedPostgres begin(DatabaseSettings settings) {
        CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
        Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
            try {
                server.complete(startNow(settings));
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        });
        return new PendingEmbeddedPostgres(server);
    }

    /** Starts the embedded server on this thread: when nothing started it early. */
    static EmbeddedPostgresServer startNow(DatabaseSettings settings) {
        return EmbeddedPostgresServer.start(
                settings.embeddedDataDirectory(), settings.embeddedPort(), settings.embeddedPasswordOrKept());
    }

    /** Waits for the start; the caller owns (and stops) the server. A failed start throws what it threw. */
    EmbeddedPostgresServer take() {
        taken.set(true);
        try {
            return server.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (!taken.getAndSet(true)) {
            try {
                server.join().close();
            } catch (CompletionException e) {
                // it did not start: nothing to stop (and nobody asked, so nobody to tell)
            }
        }
    }
}
