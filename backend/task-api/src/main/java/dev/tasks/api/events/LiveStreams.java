package dev.tasks.api.events;

import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.OwnerKey;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Server-Sent Events of an owner's changes (SPEC 1.8), for any {@link Owner}: a route maps its path
 * to {@link #serve} and this does the rest. Knows nothing of tasks: it relays the change log
 * ({@link EventFeed}, fed by the instance's one change log reader whatever the number of streams), resumes from it
 * ({@link EventHistory}), and ends streams at the token's {@code exp}, when its session ends
 * ({@link StreamSessions}) and when the instance stops.
 *
 * <p>Each stream is a virtual thread of its own, parked on its mailbox between writes, started once
 * the opening is written; the request's thread returns and the request stays open (servlet async)
 * until that thread ends it. Not the request's own thread: that one parks ~110 frames deep (Tomcat,
 * the filter chains, MVC), which kept a ~20 KB stack per stream on the heap for the stream's life;
 * the relay's stack is a few frames (bench/results/stream-2026-12-07-memory.md). No platform thread
 * and no buffer is held per stream beyond the connection's own (Tomcat's processor and its buffers).
 *
 * <p><b>Cursors.</b> An event's id is a change log horizon: resuming from it repeats every change at
 * or after it (so a change is never missed, and may come twice). A comment every {@code heartbeat}
 * keeps proxies from closing an idle stream and carries the feed's latest horizon as an id-only
 * event, so an idle client's cursor never falls behind the log's retention.
 */
@Component
public final class LiveStreams implements SmartLifecycle {

    public static final String LAST_EVENT_ID = "Last-Event-ID";
    public static final String MEDIA_TYPE = "text/event-stream";
    /** A token without {@code exp} (Better Auth always sets one) still ends. */
    static final Duration LONGEST = Duration.ofHours(1);
    /** Better Auth's claim naming the token's session (added with {@code jwt.definePayload}). */
    private static final String SID = "sid";

    private final ConcurrentHashMap<Long, Set<LiveStream>> byOwner = new ConcurrentHashMap<>();
    private final Set<LiveStream> all = ConcurrentHashMap.newKeySet();
    private final OwnerKey keys = new OwnerKey();
    private final EventHistory history;
    private final Duration heartbeat;

    /** The horizon of the feed's latest read whose changes are all in the mailboxes; -1 before the first. */
    private volatile long cursor = -1;

    private volatile boolean accepting;

    LiveStreams(
            EventHistory history, MeterRegistry metrics, @Value("${tasks.events.heartbeat:15s}") Duration heartbeat) {
        this.history = history;
        this.heartbeat = heartbeat;
        Gauge.builder("tasks.events.streams", all, Set::size)
                .description("Open live event streams on this instance")
                .register(metrics);
    }

    /**
     * Streams {@code owner}'s changes on this request until the token expires, its session ends, the
     * client goes or the instance stops. Call from the request's thread: it returns once the opening
     * is written, and a thread of the stream's own carries on (servlet async).
     *
     * @param authentication a Better Auth authentication whose credentials are the verified {@link Jwt}
     * @param lastEventId    the client's {@code Last-Event-ID}, or null for a fresh start
     */
    public void serve(
            Owner owner,
            Authentication authentication,
            String lastEventId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Jwt token = (Jwt) authentication.getCredentials();
        Instant now = Instant.now();
        Instant expiresAt = token.getExpiresAt() == null || token.getExpiresAt().isAfter(now.plus(LONGEST))
                ? now.plus(LONGEST)
                : token.getExpiresAt();
        Object sid = token.getClaims().get(SID);
        LiveStream stream = new LiveStream(
                keys.of(owner),
                owner instanceof Owner.Team team ? team : null,
                authentication.getName(),
                sid instanceof String id ? id : null,
                expiresAt);
        register(stream);
        boolean handedOver = false;
        try {
            StringBuilder opening = new StringBuilder(": live events\n\n");
            if (!accepting) {
                appendEnd(opening, Signal.SHUTDOWN);
            } else if (lastEventId != null) {
                // Registered first: a change committed after this read's snapshot reaches the mailbox.
                history.since(stream.ownerKey(), lastEventId)
                        .ifPresentOrElse(batch -> appendResumed(opening, batch), () -> appendReset(opening));
            } else {
                appendCursor(opening);
            }
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Accel-Buffering", "no"); // nginx: pass each event on at once
            ServletOutputStream out = response.getOutputStream();
            write(out, opening);
            if (accepting) {
                handOver(stream, request.startAsync(), out);
                handedOver = true;
            }
        } catch (IOException gone) {
            // The client went away (Tomcat's ClientAbortException): nothing to answer.
        } finally {
            if (!handedOver) {
                unregister(stream);
            }
        }
    }

    /** Relays on a thread of the stream's own until the stream ends, then completes the request. */
    private void handOver(LiveStream stream, AsyncContext async, ServletOutputStream out) {
        async.setTimeout(0); // no container timeout: the stream ends itself, at the token's exp at the latest
        AtomicBoolean completed = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                completed.set(true);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                stream.tell(Signal.SHUTDOWN);
            }

            @Override
            public void onError(AsyncEvent event) {
                // The container saw the connection fail: the relay's next write fails and it ends.
                stream.tell(Signal.SHUTDOWN);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {}
        });
        Thread.ofVirtual().name("task-events").start(() -> {
            try {
                relay(stream, out);
            } catch (IOException gone) {
                // The client went away (Tomcat's ClientAbortException): nothing to answer.
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } finally {
                unregister(stream);
                if (!completed.get()) {
                    try {
                        async.complete();
                    } catch (IllegalStateException alreadyEnded) {
                        // The container ended the request first (an error it saw): nothing left to do.
                    }
                }
            }
        });
    }

    private void relay(LiveStream stream, ServletOutputStream out) throws IOException, InterruptedException {
        long every = heartbeat.toNanos();
        long started = System.nanoTime();
        long endAt = started
                + Math.max(
                        0, Duration.between(Instant.now(), stream.expiresAt()).toNanos());
        long nextBeat = started + every;
        while (true) {
            long now = System.nanoTime();
            if (now - endAt >= 0) {
                StringBuilder text = new StringBuilder();
                appendEnd(text, Signal.EXPIRED);
                write(out, text);
                return;
            }
            Signal signal = stream.next(Math.min(nextBeat, endAt) - now);
            StringBuilder text = new StringBuilder();
            boolean ended = false;
            if (signal != null) {
                ended = append(text, signal);
            } else if (System.nanoTime() - nextBeat >= 0) {
                long at = cursor; // read before draining: every change below it is in the mailbox by now
                for (Signal pending = stream.next(0); pending != null && !ended; pending = stream.next(0)) {
                    ended = append(text, pending);
                }
                if (!ended) {
                    text.append(": keep-alive\n");
                    if (at >= 0) {
                        text.append("id: ").append(at).append('\n');
                    }
                    text.append('\n');
                }
                nextBeat = System.nanoTime() + every;
            } else {
                continue;
            }
            // Whatever else is waiting goes in the same write.
            for (Signal pending = ended ? null : stream.next(0); pending != null; pending = stream.next(0)) {
                if (append(text, pending)) {
                    ended = true;
                    break;
                }
            }
            write(out, text);
            if (ended) {
                return;
            }
        }
    }

    /** Appends the signal's lines; true when it ends the stream. */
    private boolean append(StringBuilder text, Signal signal) {
        switch (signal) {
            case Signal.Batch batch -> batch.appendTo(text);
            case Signal.Reset reset -> appendReset(text);
            case Signal.End end -> {
                appendEnd(text, end);
                return true;
            }
        }
        return false;
    }

    private static void appendResumed(StringBuilder text, Signal.Batch batch) {
        if (batch.events().isEmpty()) {
            text.append("id: ").append(batch.horizon()).append("\n\n");
        } else {
            batch.appendTo(text);
        }
    }

    /** Reload everything; changes from the current cursor on follow. */
    private void appendReset(StringBuilder text) {
        text.append("event: reset\ndata: {}\n\n");
        appendCursor(text);
    }

    private void appendCursor(StringBuilder text) {
        long at = cursor;
        if (at >= 0) {
            text.append("id: ").append(at).append("\n\n");
        }
    }

    private static void appendEnd(StringBuilder text, Signal.End end) {
        text.append("event: end\ndata: {\"reason\":\"").append(end.reason()).append("\"}\n\n");
    }

    private static void write(ServletOutputStream out, StringBuilder text) throws IOException {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void register(LiveStream stream) {
        byOwner.compute(stream.ownerKey(), (key, streams) -> {
            Set<LiveStream> those = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            those.add(stream);
            return those;
        });
        all.add(stream);
    }

    private void unregister(LiveStream stream) {
        all.remove(stream);
        byOwner.computeIfPresent(stream.ownerKey(), (key, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    // --- for the feed and the session watch ---------------------------------------------------

    /** Whether any stream of this owner key is open here (the feed builds no batch for nobody). */
    boolean watched(long ownerKey) {
        return byOwner.containsKey(ownerKey);
    }

    void deliver(long ownerKey, Signal.Batch batch) {
        Set<LiveStream> streams = byOwner.get(ownerKey);
        if (streams != null) {
            streams.forEach(stream -> stream.tell(batch));
        }
    }

    void resetAll() {
        all.forEach(stream -> stream.tell(Signal.RESET));
    }

    /** Every change below {@code horizon} has been delivered to the mailboxes. */
    void advance(long horizon) {
        cursor = horizon;
    }

    long cursor() {
        return cursor;
    }

    Collection<LiveStream> streams() {
        return all;
    }

    int open() {
        return all.size();
    }

    // --- lifecycle: stopped before the web server's graceful shutdown (a higher phase stops first) --

    @Override
    public void start() {
        accepting = true;
    }

    /** Ends every stream at once, so that open streams do not hold the graceful shutdown up. */
    @Override
    public void stop() {
        accepting = false;
        all.forEach(stream -> stream.tell(Signal.SHUTDOWN));
    }

    @Override
    public boolean isRunning() {
        return accepting;
    }
}
