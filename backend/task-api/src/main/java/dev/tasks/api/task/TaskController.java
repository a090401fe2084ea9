package dev.tasks.api.task;

import dev.tasks.api.owned.ListCache;
import dev.tasks.api.owned.OwnedIds;
import dev.tasks.api.owned.OwnedWrites;
import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.Ownership;
import dev.tasks.api.owned.TeamAccess;
import dev.tasks.api.web.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * A user's tasks (SPEC 1.3), and a team's under the team's path (SPEC 1.9). The security chain has
 * already made sure that {@code {user_id}} is the token's user (owned.Ownership), or that the token's
 * user is a member of {@code {team_id}} (owned.TeamAccess); the {@link Owner} parameter is whose
 * tasks they are (owned.OwnerFromPath: for a user path, the token's id, SPEC 1.4).
 */
@RestController
// JSON only, declared: Spring then takes the response type from the mapping instead of asking every
// message converter on each request, and a client that accepts no JSON gets its 406 before any query.
@RequestMapping(
        path = {TaskController.PATH, TaskController.TEAM_PATH},
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "tasks")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@ApiResponse(responseCode = "401", ref = OpenApiConfiguration.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApiConfiguration.FORBIDDEN)
@ApiResponse(responseCode = "422", ref = OpenApiConfiguration.INVALID)
@ApiResponse(responseCode = "429", ref = OpenApiConfiguration.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApiConfiguration.UNAVAILABLE)
class TaskController {

    /** Where every task route lives: under the owner's path, so the ownership rule covers it. */
    static final String PATH = Ownership.USER_PATH + "/tasks";
    /** A team's tasks: the same routes under the team's path, where owned.TeamAccess decides who may call them. */
    static final String TEAM_PATH = TeamAccess.TEAM_PATH + "/tasks";

    static final String TOTAL_COUNT = "X-Total-Count";

    private final TaskRepository tasks;
    private final TaskPages pages;
    private final TaskWrites changes;
    private final OwnedWrites writes;

    TaskController(TaskRepository tasks, TaskPages pages, TaskWrites changes, OwnedWrites writes) {
        this.tasks = tasks;
        this.pages = pages;
        this.changes = changes;
        this.writes = writes;
    }

    @GetMapping
    @Operation(summary = "List your tasks, newest first; X-Total-Count has the number matching the filters")
    @ApiResponse(
            responseCode = "200",
            description = "a page of tasks",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = Task.class))),
            headers =
                    @Header(
                            name = TOTAL_COUNT,
                            description = "tasks matching the filters, all pages",
                            schema = @Schema(type = "integer")))
    @Parameter(name = TaskQuery.COMPLETED, in = ParameterIn.QUERY, schema = @Schema(type = "boolean"))
    @Parameter(
            name = TaskQuery.SEARCH,
            in = ParameterIn.QUERY,
            description = "case-insensitive text in title or description",
            schema = @Schema(type = "string"))
    @Parameter(
            name = TaskQuery.SORT,
            in = ParameterIn.QUERY,
            description = "the order (its values are TaskQuery.Sort's, filled in by TaskWebConfiguration)",
            schema = @Schema(type = "string", defaultValue = "-created_at"))
    @Parameter(
            name = TaskQuery.LIST_ID,
            in = ParameterIn.QUERY,
            description = "a list id, or inbox for the tasks in no list",
            schema = @Schema(type = "string"))
    @Parameter(
            name = TaskQuery.LABEL,
            in = ParameterIn.QUERY,
            description = "repeatable: tasks with all of these labels (case-insensitive)",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(
            name = TaskQuery.PRIORITY,
            in = ParameterIn.QUERY,
            description = "tasks of at least this priority",
            schema = @Schema(type = "integer", minimum = "0", maximum = "3"))
    @Parameter(
            name = TaskQuery.DUE_BEFORE,
            in = ParameterIn.QUERY,
            description = "due on or before this date",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(
            name = TaskQuery.DUE_AFTER,
            in = ParameterIn.QUERY,
            description = "due on or after this date",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(
            name = TaskQuery.OVERDUE,
            in = ParameterIn.QUERY,
            description = "true: open tasks due before today in tz",
            schema = @Schema(type = "boolean"))
    @Parameter(
            name = TaskQuery.TZ,
            in = ParameterIn.QUERY,
            description = "the IANA time zone whose today overdue means (unknown: 422)",
            schema = @Schema(type = "string", defaultValue = "UTC"))
    @Parameter(
            name = TaskQuery.LIMIT,
            in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", defaultValue = "100", minimum = "1", maximum = "1000"))
    @Parameter(
            name = TaskQuery.OFFSET,
            in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", defaultValue = "0", minimum = "0"))
    byte[] list(
            @Parameter(hidden = true) Owner owner,
            @Parameter(hidden = true) TaskQuery query, // from the query string: TaskQueryResolver
            HttpServletResponse response) {
        ListCache.Page page = pages.page(owner, query);
        // Headers on the servlet response and the body as the return value, not a ResponseEntity:
        // Spring flushes a ResponseEntity's body, which commits it without a Content-Length, so it goes
        // out chunked in two writes; returned as the body it is sent in one write with its length.
        // The body is the page's JSON as rendered (TaskPages), written as it is.
        response.setHeader(TOTAL_COUNT, Long.toString(page.total()));
        return page.json();
    }

    @PostMapping
    @Operation(summary = "Create a task: 201 with the task and its Location")
    @ApiResponse(
            responseCode = "201",
            description = "created",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/{user_id}/tasks/{id}, or /api/teams/{team_id}/tasks/{id}",
                            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.MALFORMED)
    @ApiResponse(responseCode = "409", ref = OpenApiConfiguration.OWNER_LIMIT)
    @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.TOO_LARGE)
    @ResponseStatus(HttpStatus.CREATED)
    Task create(
            @Parameter(hidden = true) Owner owner,
            @Parameter(hidden = true) Authentication authentication,
            @RequestBody
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = NewTask.class)))
                    JsonNode body,
            HttpServletResponse response) {
        TaskFields task = NewTask.read(body);
        Task created = writes.run(authentication, owner, () -> changes.create(owner, task));
        URI location = UriComponentsBuilder.fromPath((owner instanceof Owner.Team ? TEAM_PATH : PATH) + "/{id}")
                .buildAndExpand(owner.id(), created.id())
                .encode()
                .toUri();
        response.setHeader(HttpHeaders.LOCATION, location.toASCIIString());
        return created; // as in list: one write with a Content-Length
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
    Task get(@Parameter(hidden = true) Owner owner, @PathVariable("id") String id) {
        return found(OwnedIds.parse(id).flatMap(taskId -> tasks.findById(owner, taskId)), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a task: fields left out stay as they are; description null clears it")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.MALFORMED)
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.TOO_LARGE)
    Task update(
            @Parameter(hidden = true) Owner owner,
            @PathVariable("id") String id,
            @Parameter(hidden = true) Authentication authentication,
            @RequestBody
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = TaskUpdate.Body.class)))
                    JsonNode body) {
        TaskUpdate update = TaskUpdate.read(body);
        return found(
                write(authentication, owner, id, (scope, taskId) -> this.changes.update(scope, taskId, update)), id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a task")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
    TaskDeleted delete(
            @Parameter(hidden = true) Owner owner,
            @PathVariable("id") String id,
            @Parameter(hidden = true) Authentication authentication) {
        Optional<Long> deleted = write(
                authentication,
                owner,
                id,
                (scope, taskId) -> tasks.delete(scope, taskId) ? Optional.of(taskId) : Optional.empty());
        return TaskDeleted.of(found(deleted, id));
    }

    @PatchMapping("/{id}/complete")
    @Operation(summary = "Toggle completed")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
    Task toggle(
            @Parameter(hidden = true) Owner owner,
            @PathVariable("id") String id,
            @Parameter(hidden = true) Authentication authentication) {
        return found(write(authentication, owner, id, changes::toggle), id);
    }

    @PostMapping("/{id}/move")
    @Operation(
            summary = "Put a task right after another in the manual order (after null: first), optionally in"
                    + " another list; one row is written")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.MALFORMED)
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.TOO_LARGE)
    Task move(
            @Parameter(hidden = true) Owner owner,
            @PathVariable("id") String id,
            @Parameter(hidden = true) Authentication authentication,
            @RequestBody
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = TaskMove.class)))
                    JsonNode body) {
        TaskMove.Read move = TaskMove.read(body);
        return found(
                write(
                        authentication,
                        owner,
                        id,
                        (scope, taskId) -> changes.move(scope, taskId, move.after(), move.listId())),
                id);
    }

    /** A write of one task: no transaction at all for an id that names no task. */
    private <T> Optional<T> write(
            Authentication authentication, Owner owner, String id, BiFunction<Owner, Long, Optional<T>> change) {
        return OwnedIds.parse(id)
                .flatMap(taskId -> writes.run(authentication, owner, () -> change.apply(owner, taskId)));
    }

    private static <T> T found(Optional<T> value, String id) {
        return OwnedIds.found(value, "Task", id);
    }
}
