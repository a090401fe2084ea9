package dev.tasks.api.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A task as stored and as sent to clients (SPEC 1.3, 1.7). Timestamps are UTC instants, written as
 * ISO-8601 ({@code 2025-01-31T09:30:00.123456Z}); {@code due_date} a calendar date without a zone.
 *
 * @param recurrenceStart where the recurrence's series starts (RFC 5545's DTSTART, for COUNT): not sent
 */
@JsonPropertyOrder({
    "id",
    "user_id",
    "team_id",
    "assignee_id",
    "title",
    "description",
    "completed",
    "due_date",
    "due_time",
    "priority",
    "list_id",
    "labels",
    "position",
    "recurrence",
    "completed_at",
    "created_at",
    "updated_at"
})
@Schema(
        requiredProperties = {
            "id",
            "user_id",
            "team_id",
            "assignee_id",
            "title",
            "description",
            "completed",
            "due_date",
            "due_time",
            "priority",
            "list_id",
            "labels",
            "position",
            "recurrence",
            "completed_at",
            "created_at",
            "updated_at"
        })
record Task(
        long id,

        @JsonProperty("user_id")
        @Schema(nullable = true, description = "the owner of a personal task; null for a team's")
        String userId,

        @JsonProperty("team_id")
        @Schema(nullable = true, description = "the team of a team task; null for a personal one")
        String teamId,

        @JsonProperty("assignee_id")
        @Schema(nullable = true, description = "a team task's assignee (a member's user id)")
        String assigneeId,

        String title,
        @Schema(nullable = true) String description,
        boolean completed,

        @JsonProperty("due_date") @Schema(nullable = true, type = "string", format = "date")
        LocalDate dueDate,

        @JsonIgnore LocalTime dueTimeOfDay,

        @Schema(minimum = "0", maximum = "3", description = "0 none, 1 low, 2 medium, 3 high")
        int priority,

        @JsonProperty("list_id") @Schema(nullable = true, description = "null: the Inbox")
        Long listId,

        List<String> labels,

        @Schema(description = "manual order within the task's list (read-only; see move): sort by it as bytes")
        String position,

        @Schema(nullable = true) String recurrence,
        @JsonIgnore LocalDate recurrenceStart,

        @JsonProperty("completed_at")
        @Schema(nullable = true, description = "when it was completed; not set by a recurring task's step")
        Instant completedAt,

        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    @JsonProperty("due_time")
    @Schema(nullable = true, type = "string", pattern = "^[0-2][0-9]:[0-5][0-9]$", description = "HH:MM, with due_date")
    String dueTime() {
        return TaskFields.time(dueTimeOfDay);
    }

    /** What a client may write of this task, for a partial update to start from. */
    TaskFields fields() {
        return new TaskFields(
                title,
                description,
                completed,
                dueDate,
                dueTimeOfDay,
                priority,
                listId,
                labels,
                recurrence == null ? null : Recurrence.parse(recurrence),
                assigneeId);
    }
}
