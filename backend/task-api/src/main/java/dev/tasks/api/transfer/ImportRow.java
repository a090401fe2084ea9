package dev.tasks.api.transfer;

import dev.tasks.api.task.TaskDraft;
import java.time.Instant;

/**
 * One task of an import file, valid by the API's rules.
 *
 * @param line        where it starts in the file (1-based), for messages
 * @param list        the name of its list (valid, trimmed), or null for the Inbox
 * @param sourceId    its id in the export it comes from (JSON only), else null
 * @param completedAt when it was completed, if the file says (JSON only)
 * @param createdAt   when it was created, if the file says (JSON only)
 */
record ImportRow(long line, TaskDraft task, String list, Long sourceId, Instant completedAt, Instant createdAt) {

    static ImportRow of(long line, TaskDraft task, String list) {
        return new ImportRow(line, task, list, null, null, null);
    }
}
