package dev.tasks.api.label;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tasks.api.owned.ListCache;
import dev.tasks.api.owned.OwnedWrites;
import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.Ownership;
import dev.tasks.api.owned.TeamAccess;
import dev.tasks.api.problem.InvalidRequestException;
import dev.tasks.api.web.JsonBody;
import dev.tasks.api.web.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's labels (SPEC 1.7): read, renamed (merging into an existing label) and removed across
 * all their tasks, on the same plumbing as tasks. A label named in the path that no task carries is
 * a 404, like a missing task.
 */
@RestController
@RequestMapping(
        path = {LabelController.PATH, TeamAccess.TEAM_PATH + "/labels"},
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "labels")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@ApiResponse(responseCode = "401", ref = OpenApiConfiguration.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApiConfiguration.FORBIDDEN)
@ApiResponse(responseCode = "422", ref = OpenApiConfiguration.INVALID)
@ApiResponse(responseCode = "429", ref = OpenApiConfiguration.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApiConfiguration.UNAVAILABLE)
class LabelController {

    static final String PATH = Ownership.USER_PATH + "/labels";
    /** What the list cache calls this kind of page. */
    static final String KIND = "label";

    /** The body of a rename: {@code {"name"}}. */
    @Schema(name = "LabelRename", requiredProperties = "name")
    record Rename(
            @Schema(minLength = 1, maxLength = LabelNames.MAX_LENGTH, description = "trimmed")
            String name) {}

    /** The answer to a change: which label, and on how many tasks. */
    record LabelChanged(
            String status,
            String name,
            @JsonProperty("task_count") long taskCount) {}

    private final LabelRepository labels;
    private final OwnedWrites writes;
    private final ListCache cache;
    private final ObjectWriter writer;

    LabelController(LabelRepository labels, OwnedWrites writes, ListCache cache, JsonMapper json) {
        this.labels = labels;
        this.writes = writes;
        this.cache = cache;
        this.writer = json.writerFor(new TypeReference<List<Label>>() {});
    }

    @GetMapping
    @Operation(summary = "Your labels (those some task carries), each with its number of open tasks")
    @ApiResponse(
            responseCode = "200",
            description = "the labels, by name",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = Label.class))))
    byte[] all(@Parameter(hidden = true) Owner owner) {
        return cache.page(KIND, owner, KIND, () -> {
                    List<Label> all = labels.all(owner);
                    return new ListCache.Page(writer.writeValueAsBytes(all), all.size());
                })
                .json();
    }

    @PutMapping("/{name}")
    @Operation(summary = "Rename a label on every task; renaming into an existing label merges the two")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.MALFORMED)
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.TOO_LARGE)
    LabelChanged rename(
            @Parameter(hidden = true) Owner owner,
            @PathVariable("name") String name,
            @Parameter(hidden = true) Authentication authentication,
            @RequestBody
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = Rename.class)))
                    JsonNode body) {
        JsonBody json = JsonBody.of(body, List.of("name"));
        String to = json.string("name");
        if (to == null && !json.hasProblem("name")) {
            json.problem("name", json.has("name") ? "must not be null" : "is required");
        }
        if (to != null) {
            try {
                to = LabelNames.name(to);
            } catch (IllegalArgumentException e) {
                json.problem("name", e.getMessage());
            }
        }
        json.requireValid();
        String from = pathName(name);
        String target = to;
        int changed = writes.run(authentication, owner, () -> labels.rename(owner, from, target));
        return new LabelChanged("renamed", target, found(changed, name));
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Take a label off every task")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
    LabelChanged delete(
            @Parameter(hidden = true) Owner owner,
            @PathVariable("name") String name,
            @Parameter(hidden = true) Authentication authentication) {
        String label = pathName(name);
        int changed = writes.run(authentication, owner, () -> labels.delete(owner, label));
        return new LabelChanged("deleted", label, found(changed, name));
    }

    /** The label in the path, trimmed; one that cannot be a label's name is a 422 naming it. */
    private static String pathName(String name) {
        try {
            return LabelNames.name(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("name", e.getMessage());
        }
    }

    /** A label no task carries does not exist: 404, whoever's it might be. */
    private static long found(int tasks, String name) {
        if (tasks == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No task of yours has the label " + name + ".");
        }
        return tasks;
    }
}
