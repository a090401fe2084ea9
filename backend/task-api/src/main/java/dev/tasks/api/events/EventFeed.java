package dev.tasks.api.events;

import dev.tasks.api.changelog.Change;
import dev.tasks.api.changelog.ChangeLogListener;
import dev.tasks.api.changelog.ChangeLogReader;
import dev.tasks.api.changelog.ChangeRead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Relays the change log ({@code tasks.task_changes}, read by the instance's one {@link
 * ChangeLogReader}) to this instance's live streams: each read's rows of watched owners go to
 * {@link LiveStreams} as one batch per owner, then the read's horizon becomes the streams' cursor.
 *
 * <p>A row at or above the horizon is read again by the next read; a transaction's rows become
 * visible together at its commit, so the transaction ids already relayed are remembered until they
 * fall below the horizon, and each change reaches a stream once. After a failure the reader goes on
 * from where it was, unless the log was trimmed past that point meanwhile: then every stream is
 * told to reload ({@code event: reset}).
 */
@Component
final class EventFeed implements ChangeLogListener {

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

    private final LiveStreams streams;

    /** Transactions at or above the last read's horizon whose rows were relayed already (reader's thread only). */
    private final Set<Long> relayed = new HashSet<>();

    private boolean connectedBefore;

    EventFeed(LiveStreams streams) {
        this.streams = streams;
    }

    @Override
    public void connected(long since, boolean continuous) {
        if (continuous) {
            return; // the reader goes on from where it was: nothing missed, the relayed set still holds
        }
        if (connectedBefore) {
            log.warn("The change log was trimmed past this instance's live events; every stream reloads");
            streams.resetAll();
        }
        connectedBefore = true;
        relayed.clear();
        streams.advance(since);
    }

    /** One read: new rows to their owners' streams, then the horizon as everyone's cursor. */
    @Override
    public void read(ChangeRead read) {
        long to = read.horizon();
        boolean everyone = read.overflow();
        Set<Long> fresh = new HashSet<>();
        Map<Long, List<LiveEvent>> byOwner = new HashMap<>();
        for (Change change : read.changes()) {
            if (relayed.contains(change.xid())) {
                continue;
            }
            fresh.add(change.xid());
            if (change.everyone()) {
                everyone = true; // a TRUNCATE
                continue;
            }
            if (!streams.watched(change.ownerKey())) {
                continue;
            }
            LiveEvent event = LiveEvent.of(change.kind(), change.resourceId(), change.deleted());
            if (event != null) {
                byOwner.computeIfAbsent(change.ownerKey(), key -> new ArrayList<>())
                        .add(event);
            }
        }
        if (everyone) {
            // A truncated table, or more than one read holds: every stream reloads, and reading on from
            // the horizon misses nothing a reload does not cover.
            streams.resetAll();
        } else {
            long from = read.since();
            byOwner.forEach((owner, events) -> streams.deliver(owner, new Signal.Batch(events, from, to)));
        }
        relayed.addAll(fresh);
        relayed.removeIf(xid -> xid < to);
        streams.advance(to);
    }

    /** Streams wait: their cursor stays where the last read left it. */
    @Override
    public void interrupted() {}
}
