package dev.tasks.api.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /openapi.json (and its UI at /docs), errors included. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Tasks API",
                        version = "1",
                        description =
                                "Each user's tasks, and their teams'. Send a Better Auth JWT as `Authorization: Bearer <token>`;"
                                        + " the `{user_id}` in a path must be the token's user; under `/api/teams/{team_id}` the"
                                        + " token's user must be a member of the team (Better Auth organization): members"
                                        + " read and write tasks, admins and owners also manage lists. Errors are RFC 9457"
                                        + " problem details."))
@SecurityScheme(
        name = OpenApiConfiguration.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description =
                "A JWT from Better Auth (GET /api/auth/token on the frontend; scripts/dev-token gets one for curl)")
public class OpenApiConfiguration {

    /** The security scheme's name, for {@code @SecurityRequirement(name = …)} on controllers. */
    public static final String BEARER = "bearer";

    /** Shared error responses, for {@code @ApiResponse(ref = …)} on controllers. */
    public static final String UNAUTHORIZED = "#/components/responses/Unauthorized";

    public static final String FORBIDDEN = "#/components/responses/Forbidden";
    public static final String NOT_FOUND = "#/components/responses/NotFound";
    public static final String MALFORMED = "#/components/responses/Malformed";
    public static final String TOO_LARGE = "#/components/responses/TooLarge";
    public static final String INVALID = "#/components/responses/Invalid";
    public static final String TOO_MANY_REQUESTS = "#/components/responses/TooManyRequests";
    public static final String UNAVAILABLE = "#/components/responses/Unavailable";
    public static final String OWNER_LIMIT = "#/components/responses/OwnerLimit";

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Schema<?> problem = new ObjectSchema()
                    .addProperty("type", new StringSchema())
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema().description("what is wrong, for people"))
                    .addProperty("instance", new StringSchema())
                    .addProperty("request_id", new StringSchema())
                    .addProperty(
                            "errors",
                            new io.swagger.v3.oas.models.media.ArraySchema()
                                    .items(new ObjectSchema()
                                            .addProperty("field", new StringSchema())
                                            .addProperty("message", new StringSchema()))
                                    .description("422 only: each invalid field or query parameter"))
                    .addProperty(
                            "limit",
                            new StringSchema()
                                    ._enum(java.util.List.of("tasks_per_owner", "lists_per_owner"))
                                    .description("409 only: the per-owner limit the write would go over"))
                    .addProperty("max", new IntegerSchema().description("409 only: that limit's value"));
            openApi.getComponents().addSchemas("Problem", problem);
            Content content = new Content()
                    .addMediaType(
                            "application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
            Map.of(
                            "Unauthorized",
                            "no token, or a token that is invalid or expired (WWW-Authenticate: Bearer)",
                            "Forbidden",
                            "the {user_id} in the path is not the token's user, or a team member (not admin or"
                                    + " owner) tried to manage the team's lists",
                            "NotFound",
                            "no such resource for this owner (someone else's looks the same; so does every"
                                    + " resource of a team you are not a member of)",
                            "Malformed",
                            "the body is not a JSON object",
                            "TooLarge",
                            "the body is over 1 MiB",
                            "Invalid",
                            "a field or query parameter breaks a rule; errors lists each",
                            "TooManyRequests",
                            "over the rate limit; see Retry-After",
                            "OwnerLimit",
                            "the owner (the user, or the team) already keeps as many tasks or lists as it may"
                                    + " (TASKS_MAX_PER_OWNER, LISTS_MAX_PER_OWNER); nothing was written",
                            "Unavailable",
                            "the database (or Better Auth's session or member table) is unavailable; see"
                                    + " Retry-After")
                    .forEach((name, description) -> openApi.getComponents()
                            .addResponses(
                                    name,
                                    new ApiResponse().description(description).content(content)));
        };
    }
}
