package dev.tasks.api.list;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A list a user files tasks in (SPEC 1.7); tasks in none are in the Inbox, which is not a list.
 *
 * @param taskCount the open tasks in the list
 */
@Schema(
        name = "List",
        requiredProperties = {"id", "name", "position", "task_count", "created_at", "updated_at"})
record NamedList(
        long id,

        @Schema(minLength = 1, maxLength = ListName.MAX_LENGTH)
        String name,

        @Schema(description = "the lists' order (read-only): a new list goes last; sort by it as bytes")
        String position,

        @JsonProperty("task_count") @Schema(description = "open tasks in the list")
        long taskCount,

        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {}
