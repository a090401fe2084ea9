package dev.tasks.api.list;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tasks.api.owned.ListCache;
import dev.tasks.api.owned.OwnedIds;
import dev.tasks.api.owned.OwnedWrites;
import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.Ownership;
import dev.tasks.api.owned.TeamAccess;
import dev.tasks.api.problem.InvalidRequestException;
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
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's lists (SPEC 1.7), on the same plumbing as tasks: the ownership rule of every path under
 * the owner's, session-bound writes in one transaction, the list cache for {@code GET …/lists}.
 */
@RestController
@RequestMapping(
        path = {ListController.PATH, ListController.TEAM_PATH},
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "lists")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@ApiResponse(responseCode = "401", ref = OpenApiConfiguration.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApiConfiguration.FORBIDDEN)
@ApiResponse(responseCode = "422", ref = OpenApiConfiguration.INVALID)
@ApiResponse(responseCode = "429", ref = OpenApiConfiguration.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApiConfiguration.UNAVAILABLE)
class ListController {

    static final String PATH = Ownership.USER_PATH + "/lists";
    static final String TEAM_PATH = TeamAccess.TEAM_PATH + "/lists";
    /** What the list cache calls this kind of page. */
    static final String KIND = "list";
    /** {@code DELETE …?tasks=}: what becomes of the list's tasks. */
    static final String TASKS = "tasks";

    /** The answer to a delete: {@code {"status":"deleted","list_id":7}}. */
    record ListDeleted(
            String status, @JsonProperty("list_id") long listId) {}

    private final ListRepository lists;
    private final OwnedWrites writes;
    private final ListCache cache;
    private final ObjectWriter writer;

    ListController(ListRepository lists, OwnedWrites writes, ListCache cache, JsonMapper json) {
        this.lists = lists;
        this.writes = writes;
        this.cache = cache;
        this.writer = json.writerFor(new TypeReference<List<NamedList>>() {});
    }

    @GetMapping
    @Operation(summary = "Your lists in their order, each with its number of open tasks")
    @ApiResponse(
            responseCode = "200",
            description = "the lists",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = NamedList.class))))
    byte[] all(@Parameter(hidden = true) Owner owner) {
        return cache.page(KIND, owner, KIND, () -> {
                    List<NamedList> all = lists.all(owner);
                    return new ListCache.Page(writer.writeValueAsBytes(all), all.size());
                })
                .json();
    }

    @PostMapping
    @Operation(summary = "Create a list (it goes last): 201 with the list and its Location")
    @ApiResponse(
            responseCode = "201",
            description = "created",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/{user_id}/lists/{id}, or /api/teams/{team_id}/lists/{id}",
                            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.MALFORMED)
    @ApiResponse(responseCode = "409", ref = OpenApiConfiguration.OWNER_LIMIT)
    @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.TOO_LARGE)
    @ResponseStatus(HttpStatus.CREATED)
    NamedList create(
            @Parameter(hidden = true) Owner owner,
            @Parameter(hidden = true) Authentication authentication,
            @RequestBody
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = ListName.class)))
                    JsonNode body,
            HttpServletResponse response) {
        ListName name = ListName.read(body);
        NamedList created = writes.run(authentication, owner, () -> lists.insert(owner, name.name()));
        response.setHeader(
                HttpHeaders.LOCATION,
                UriComponentsBuilder.fromPath((owner instanceof Owner.Team ? TEAM_PATH : PATH) + "/{id}")
                        .buildAndExpand(owner.id(), created.id())
                        .encode()
                        .toUri()
                        .toASCIIString());
        return created;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One list")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
    NamedList get(@Parameter(hidden = true) Owner owner, @PathVariable("id") String id) {
        return found(OwnedIds.parse(id).flatMap(listId -> lists.find(owner, listId)), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename a list")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.MALFORMED)
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.TOO_LARGE)
    NamedList rename(
            @Parameter(hidden = true) Owner owner,
            @PathVariable("id") String id,
            @Parameter(hidden = true) Authentication authentication,
            @RequestBody
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = ListName.class)))
                    JsonNode body) {
        ListName name = ListName.read(body);
        return found(
                OwnedIds.parse(id)
                        .flatMap(listId ->
                                writes.run(authentication, owner, () -> lists.rename(owner, listId, name.name()))),
                id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a list: its tasks go to the Inbox, or with tasks=delete are deleted too")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
    ListDeleted delete(
            @Parameter(hidden = true) Owner owner,
            @PathVariable("id") String id,
            @Parameter(
                            name = TASKS,
                            in = ParameterIn.QUERY,
                            description =
                                    "delete: delete the list's tasks too; left out or inbox: move them to the Inbox",
                            schema = @Schema(implementation = DeletedListTasks.class))
                    @RequestParam(name = TASKS, required = false)
                    String tasks,
            @Parameter(hidden = true) Authentication authentication) {
        DeletedListTasks disposal = tasks == null
                ? DeletedListTasks.INBOX
                : DeletedListTasks.of(tasks)
                        .orElseThrow(() -> new InvalidRequestException(TASKS, "must be delete or inbox"));
        boolean deleteTasks = disposal == DeletedListTasks.DELETE;
        Optional<Long> deleted = OwnedIds.parse(id)
                .filter(listId -> writes.run(authentication, owner, () -> lists.delete(owner, listId, deleteTasks)));
        return new ListDeleted("deleted", found(deleted, id));
    }

    private static <T> T found(Optional<T> value, String id) {
        return OwnedIds.found(value, "List", id);
    }
}
