package dev.tasks.api.support;

import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client over real HTTP, as a browser's fetch reads the stream: events are
 * parsed as the SSE format says (fields until a blank line; comments ignored) and queued; a test
 * waits for the one it expects (a generous bound, for a failing test to end, not a timing claim).
 */
public final class EventStream implements AutoCloseable {

    /** One dispatched block: {@code event} and {@code data} are null for an id-only one. */
    public record Event(String id, String event, String data) {}

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Event CLOSED = new Event(null, null, null);

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile String lastId;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    public static EventStream open(Api api, String path, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public java.net.http.HttpHeaders headers() {
        return response.headers();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The id of the latest block received (what a client sends as Last-Event-ID). */
    public String lastId() {
        return lastId;
    }

    /** The next event of this name (blocks of other names and id-only ones are skipped). */
    public Event next(String name) {
        return next(event -> name.equals(event.event()));
    }

    /** The next block that matches; fails when the stream ends first or nothing comes for 30 s. */
    public Event next(Predicate<Event> wanted) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (true) {
                Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no such event within " + PATIENCE);
                }
                if (event == CLOSED) {
                    events.add(CLOSED);
                    throw new AssertionError("the stream ended first");
                }
                if (wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the server closes the stream; the events before that are skipped. */
    public void awaitClosed() {
        try {
            while (true) {
                Event event = events.poll(PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("the stream stayed open for " + PATIENCE);
                }
                if (event == CLOSED) {
                    events.add(CLOSED);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        boolean any = false;
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (any) {
                        if (id != null) {
                            lastId = id;
                        }
                        events.add(new Event(id, name, data == null ? null : data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                    any = false;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                any = true;
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" ->
                        data = data == null
                                ? new StringBuilder(value)
                                : data.append('\n').append(value);
                    default -> {}
                }
            }
        } catch (RuntimeException closed) {
            // closed by the test or the connection cut
        } finally {
            events.add(CLOSED);
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}
