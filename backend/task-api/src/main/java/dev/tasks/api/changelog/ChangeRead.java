package dev.tasks.api.changelog;

import java.util.List;

/**
 * One read of the change log: the rows of transactions at or after {@code since}, in transaction
 * order, and the read's horizon (the oldest transaction still running when its snapshot was taken).
 * A transaction below the horizon had ended by then, so its rows are in this read or an earlier
 * one; rows at or above it may be read again by the next read.
 *
 * @param since    where this read started (the previous read's horizon, or the first read's own)
 * @param horizon  where the next read starts
 * @param changes  the rows, at most {@link ChangeLogReader#MAX_ROWS_PER_READ}; empty when {@code overflow}
 * @param overflow more rows than one read holds: treat it as "anything may have changed"
 * @param startedAt {@link System#nanoTime()} just before the read: every change committed before it is in this read or an earlier one
 */
public record ChangeRead(long since, long horizon, List<Change> changes, boolean overflow, long startedAt) {}
