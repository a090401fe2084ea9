package dev.tasks.api.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A task as stored and as sent to clients (SPEC 1.3). Timestamps are UTC instants, written as
 * ISO-8601 ({@code 2025-01-31T09:30:00.123456Z}).
 */
@Schema(requiredProperties = {"id", "user_id", "title", "description", "completed", "created_at", "updated_at"})
record Task(
        long id,
        @JsonProperty("user_id") String userId,
        String title,
        @Schema(nullable = true) String description,
        boolean completed,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {}
