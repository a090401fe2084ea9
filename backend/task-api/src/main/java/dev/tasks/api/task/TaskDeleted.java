package dev.tasks.api.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to a delete: {@code {"status":"deleted","task_id":42}}. */
record TaskDeleted(String status, @JsonProperty("task_id") long taskId) {

    static TaskDeleted of(long taskId) {
        return new TaskDeleted("deleted", taskId);
    }
}
