package dev.tasks.api.events;

import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.Ownership;
import dev.tasks.api.owned.TeamAccess;
import dev.tasks.api.web.OpenApiConfiguration;
import io.github.betterauthjava.spring.BetterAuthApiKeyAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's or a team's live events (SPEC 1.8, 1.9): the paths under the owner's, so the ownership
 * and team rules cover them like every other route; the stream itself is {@link LiveStreams}'.
 */
@RestController
@Tag(name = "events")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@ApiResponse(responseCode = "401", ref = OpenApiConfiguration.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApiConfiguration.FORBIDDEN)
@ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
@ApiResponse(responseCode = "429", ref = OpenApiConfiguration.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApiConfiguration.UNAVAILABLE)
class EventsController {

    static final String PATH = Ownership.USER_PATH + "/events";
    static final String TEAM_PATH = TeamAccess.TEAM_PATH + "/events";

    /** The stream's format, for the API documentation. */
    static final String FORMAT = """
            Server-Sent Events, one per change of your tasks, lists and labels, whoever made it and on \
            whichever instance:
            `id: <cursor>` `event: task|list|label` `data: {"op":"upsert"|"delete","id":<task or list id>}` \
            (a label event's id is null: your labels changed, read GET …/labels again). Events say what \
            changed: read the resource again on upsert, drop it on delete; one may come twice after a resume.
            `event: reset` (data `{}`): changes may have been missed (cursor too old or unknown, a table \
            truncated, the client too slow): reload everything, then carry on.
            `event: end` (data `{"reason":"token_expired"|"session_ended"|"membership_ended"|"shutdown"}`): the stream ends; \
            reconnect with a fresh token and Last-Event-ID.
            A comment line every 15 s, with an id-only event carrying the latest cursor.""";

    static final String API_KEY_REFUSED =
            "Live events need a signed-in session's Bearer token; API keys are for" + " requests, not streams.";

    private final LiveStreams streams;

    EventsController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping(
            path = {PATH, TEAM_PATH},
            produces = LiveStreams.MEDIA_TYPE)
    @Operation(
            summary = "Your (or your team's) changes as they happen (Server-Sent Events)",
            description = "Send the Bearer token like everywhere (browsers read it with fetch: EventSource"
                    + " cannot send Authorization). Changes at or after Last-Event-ID are sent first: at least"
                    + " 10 minutes of history are kept; an older cursor gets event: reset. The stream ends at"
                    + " the token's exp and within 5 s of its session ending. It counts once against the"
                    + " rate limit, when it opens. A team's stream (members only; others get 404) also ends"
                    + " when you leave the team (reason membership_ended).")
    @ApiResponse(
            responseCode = "200",
            description = FORMAT,
            content = @Content(mediaType = LiveStreams.MEDIA_TYPE, schema = @Schema(type = "string")))
    void events(
            @Parameter(hidden = true) Owner owner,
            @Parameter(in = ParameterIn.HEADER, description = "The id of the last event received: resume after it")
                    @RequestHeader(name = LiveStreams.LAST_EVENT_ID, required = false)
                    String lastEventId,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (authentication instanceof BetterAuthApiKeyAuthentication) {
            // A stream ends at its token's exp and its session's end; a key has neither to end it by.
            throw new ErrorResponseException(
                    HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, API_KEY_REFUSED),
                    null);
        }
        streams.serve(owner, authentication, lastEventId, request, response);
    }
}
