package dev.tasks.api.events;

import java.util.Map;

/**
 * One change of one owned resource, as a stream sends it: {@code event: task|list|label} with
 * {@code data: {"op":"upsert"|"delete","id":…}}. The id is the task's or list's; a label event's is
 * {@code null}: the owner's set of labels (names, counts) changed, read {@code GET …/labels} again.
 * Events say what changed, not what it is now: a client reads the resource (or drops it) itself, so
 * a stream never holds or renders data, and a duplicate after a resume is harmless.
 */
record LiveEvent(String kind, Long id, boolean deleted) {

    /** The change log's {@code kind} (migrations V3, V5) and the event name each stands for. */
    private static final Map<Integer, String> KINDS = Map.of(1, "task", 2, "list", 3, "label");

    /** The event of a change log row, or null for a kind this API does not stream. */
    static LiveEvent of(int kind, Long resourceId, boolean deleted) {
        String name = KINDS.get(kind);
        return name == null ? null : new LiveEvent(name, resourceId, deleted);
    }

    /** The event's lines, ending in the blank line that dispatches it. */
    void appendTo(StringBuilder out, long cursor) {
        out.append("id: ")
                .append(cursor)
                .append("\nevent: ")
                .append(kind)
                .append("\ndata: {\"op\":\"")
                .append(deleted ? "delete" : "upsert")
                .append("\",\"id\":")
                .append(id)
                .append("}\n\n");
    }
}
