package dev.tasks.api.task;

import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.TeamAccess;
import dev.tasks.api.problem.InvalidRequestException;
import dev.tasks.api.web.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Assigned to me" (SPEC 1.9): the open tasks assigned to the caller in every team they are still a
 * member of, newest first. Membership is the membership check's (as for every team route), so a
 * removed member's assignments drop out within 5 s, though the tasks keep their assignee until the
 * team's members change it or owned.TeamPurge clears it.
 */
@RestController
@Tag(name = "tasks")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@ApiResponse(responseCode = "401", ref = OpenApiConfiguration.UNAUTHORIZED)
@ApiResponse(responseCode = "422", ref = OpenApiConfiguration.INVALID)
@ApiResponse(responseCode = "429", ref = OpenApiConfiguration.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApiConfiguration.UNAVAILABLE)
class AssignedController {

    static final String PATH = "/api/me/assigned";
    /** The teams looked at: more than anyone belongs to. */
    static final int MAX_TEAMS = 1000;

    private final TaskRepository tasks;
    private final TeamAccess teams;

    AssignedController(TaskRepository tasks, TeamAccess teams) {
        this.tasks = tasks;
        this.teams = teams;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open tasks assigned to you in all your teams, newest first")
    @ApiResponse(
            responseCode = "200",
            description = "a page of tasks",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = Task.class))),
            headers =
                    @Header(
                            name = TaskController.TOTAL_COUNT,
                            description = "open tasks assigned to you, all pages",
                            schema = @Schema(type = "integer")))
    List<Task> assigned(
            Authentication authentication,
            @RequestParam(name = TaskQuery.LIMIT, required = false) String limit,
            @RequestParam(name = TaskQuery.OFFSET, required = false) String offset,
            HttpServletResponse response) {
        int pageSize = number(TaskQuery.LIMIT, limit, TaskQuery.DEFAULT_LIMIT, 1, TaskQuery.MAX_LIMIT);
        int skip = number(TaskQuery.OFFSET, offset, 0, 0, Integer.MAX_VALUE);
        String me = authentication.getName();
        List<String> mine = tasks.teamsAssigning(me, MAX_TEAMS).stream()
                .filter(team -> teams.isMember(new Owner.Team(team), me))
                .toList();
        if (mine.isEmpty()) {
            response.setHeader(TaskController.TOTAL_COUNT, "0");
            return List.of();
        }
        List<Task> page = tasks.openAssigned(me, mine, pageSize, skip);
        long total = page.size() < pageSize && (skip == 0 || !page.isEmpty())
                ? skip + page.size()
                : tasks.countOpenAssigned(me, mine);
        response.setHeader(TaskController.TOTAL_COUNT, Long.toString(total));
        return page;
    }

    private static int number(String name, String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            if (text.matches("[0-9]{1,10}")) {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return (int) value;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException(name, "must be a whole number from " + min + " to " + max);
    }
}
