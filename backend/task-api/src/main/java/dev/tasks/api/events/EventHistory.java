package dev.tasks.api.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resumes a stream from a client's {@code Last-Event-ID}: the owner's changes at or after that
 * cursor still in the change log, read in one snapshot with the log's trim mark. Empty (the stream
 * sends {@code event: reset}) when rows after the cursor may have been trimmed (older than the log's
 * retention, at least 10 minutes), when a table was truncated since, when more changed than a stream
 * should replay, and for a cursor this API did not make.
 */
@Component
final class EventHistory {

    /** More changes than this since the cursor: a reload is cheaper than replaying them. */
    static final int MAX_REPLAY = 5_000;

    /** A horizon as {@link LiveStreams} writes it: a transaction id, a positive 64-bit integer. */
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");

    static final String READ = """
            select h.horizon::text as horizon, t.below::text as below,
                   c.kind, c.resource_id, c.deleted, c.owner_key is null as everyone
            from (select pg_snapshot_xmin(pg_current_snapshot()) as horizon) h
            cross join tasks.task_changes_trimmed t
            left join lateral (
                select kind, owner_key, resource_id, deleted, xid from tasks.task_changes
                where xid >= cast(:since as xid8) and (owner_key = :owner or owner_key is null)
                order by xid limit :limit
            ) c on true
            order by c.xid""";

    private final JdbcClient jdbc;

    EventHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long horizon, long below, Integer kind, Long resourceId, Boolean deleted, Boolean everyone) {}

    /** The changes since {@code lastEventId} as one batch, or empty when the client must reload. */
    Optional<Signal.Batch> since(long ownerKey, String lastEventId) {
        if (!CURSOR.matcher(lastEventId.strip()).matches()) {
            return Optional.empty();
        }
        long since = Long.parseLong(lastEventId.strip());
        List<Row> rows = jdbc.sql(READ)
                .param("since", Long.toString(since))
                .param("owner", ownerKey)
                .param("limit", MAX_REPLAY + 1)
                .query((row, n) -> new Row(
                        Long.parseLong(row.getString("horizon")),
                        Long.parseLong(row.getString("below")),
                        row.getObject("kind", Integer.class),
                        row.getObject("resource_id", Long.class),
                        row.getObject("deleted", Boolean.class),
                        row.getObject("everyone", Boolean.class)))
                .list();
        Row first = rows.getFirst();
        if (since < first.below() || rows.size() > MAX_REPLAY) {
            return Optional.empty();
        }
        List<LiveEvent> events = new ArrayList<>();
        for (Row row : rows) {
            if (row.kind() == null) {
                continue; // the left join's row when nothing changed
            }
            if (Boolean.TRUE.equals(row.everyone())) {
                return Optional.empty();
            }
            LiveEvent event = LiveEvent.of(row.kind(), row.resourceId(), row.deleted());
            if (event != null) {
                events.add(event);
            }
        }
        return Optional.of(new Signal.Batch(List.copyOf(events), since, first.horizon()));
    }
}
