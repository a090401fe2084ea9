package dev.tasks.api.changelog;

/**
 * One row of {@code tasks.task_changes} (migrations V2, V3, V5): a change of one owned resource,
 * logged by a trigger in the changing transaction.
 *
 * @param xid        the changing transaction's id
 * @param kind       1 task, 2 list, 3 labels (the owner's label set)
 * @param ownerKey   the owner's {@code owned.OwnerKey}; null when a table was truncated (every owner)
 * @param resourceId the task's or list's id; null for labels and truncations
 * @param deleted    whether the resource is gone
 */
public record Change(long xid, int kind, Long ownerKey, Long resourceId, boolean deleted) {

    /** A TRUNCATE: every owner's resources changed. */
    public boolean everyone() {
        return ownerKey == null;
    }
}
