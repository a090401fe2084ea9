package dev.tasks.peer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The task API's task, field for field and with the same JSON names (SPEC 1.3). */
record Task(
        long id,
        @JsonProperty("user_id") String userId,
        String title,
        String description,
        boolean completed,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {}
