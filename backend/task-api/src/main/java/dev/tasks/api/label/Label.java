package dev.tasks.api.label;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** A label: a name some task of the owner's carries, and how many open tasks carry it (SPEC 1.7). */
@Schema(requiredProperties = {"name", "task_count"})
record Label(
        @Schema(minLength = 1, maxLength = LabelNames.MAX_LENGTH)
        String name,

        @JsonProperty("task_count") @Schema(description = "open tasks with this label")
        long taskCount) {}
