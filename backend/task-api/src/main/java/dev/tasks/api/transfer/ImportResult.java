package dev.tasks.api.transfer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an import did, or with {@code dry_run} would do (the preview): counts only.
 *
 * @param tasksInFile         tasks the file holds
 * @param tasksAdded          tasks added (dry run: that would be added)
 * @param tasksAlreadyPresent tasks left out because an earlier import of the same rows, or the exported task itself, is already here
 * @param listsAdded          lists created (matched by name, case-insensitive, otherwise)
 * @param labelsAdded         labels the owner did not have yet
 * @param rowsIgnored         rows that are no tasks (Todoist's notes and meta rows)
 * @param datesInDescription  Todoist dates written in words, kept in the task's description
 */
@Schema(
        name = "ImportResult",
        requiredProperties = {
            "dry_run",
            "format",
            "tasks_in_file",
            "tasks_added",
            "tasks_already_present",
            "lists_added",
            "labels_added",
            "rows_ignored",
            "dates_in_description"
        })
record ImportResult(
        @JsonProperty("dry_run") boolean dryRun,

        @Schema(allowableValues = {"json", "todoist-csv", "csv"})
        String format,

        @JsonProperty("tasks_in_file") int tasksInFile,
        @JsonProperty("tasks_added") int tasksAdded,
        @JsonProperty("tasks_already_present") int tasksAlreadyPresent,
        @JsonProperty("lists_added") int listsAdded,
        @JsonProperty("labels_added") int labelsAdded,
        @JsonProperty("rows_ignored") int rowsIgnored,
        @JsonProperty("dates_in_description") int datesInDescription) {}
