package dev.tasks.peer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The task API's task, field for field and with the same JSON names and order (SPEC 1.3 and 1.7's
 * planning fields, 1.9's team fields), so that both answer a list with the same bytes. Dates and
 * times are the strings the API writes ({@code "YYYY-MM-DD"}, {@code "HH:MM"}).
 */
record Task(
        long id,
        @JsonProperty("user_id") String userId,
        @JsonProperty("team_id") String teamId,
        @JsonProperty("assignee_id") String assigneeId,
        String title,
        String description,
        boolean completed,
        @JsonProperty("due_date") String dueDate,
        @JsonProperty("due_time") String dueTime,
        int priority,
        @JsonProperty("list_id") Long listId,
        List<String> labels,
        String position,
        String recurrence,
        @JsonProperty("completed_at") Instant completedAt,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {}
