package dev.tasks.api.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /openapi.json (and its UI at /docs). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Tasks API", version = "1",
        description = "Each user's tasks. Send a Better Auth JWT as `Authorization: Bearer <token>`;"
                + " the `{user_id}` in a path must be the token's user. Errors are RFC 9457 problem details."))
@SecurityScheme(name = OpenApiConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from Better Auth (GET /api/auth/token on the frontend), or scripts/mint-token in development")
public class OpenApiConfiguration {

    /** The security scheme's name, for {@code @SecurityRequirement(name = …)} on controllers. */
    public static final String BEARER = "bearer";
}
