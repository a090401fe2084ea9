package dev.tasks.api.me;

import dev.tasks.api.web.OpenApiConfiguration;
import io.github.betterauthjava.jwt.BetterAuthUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token says you are: lets a client check its token and learn its user id. */
@RestController
@Tag(name = "me")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@ApiResponse(responseCode = "200", description = "OK")
@ApiResponse(responseCode = "401", ref = OpenApiConfiguration.UNAUTHORIZED)
class MeController {

    @GetMapping("/api/me")
    @Operation(summary = "The user of the token")
    Me me(@AuthenticationPrincipal BetterAuthUser user) {
        return new Me(user.id(), user.email(), user.name());
    }

    /** {@code email} and {@code name} are null when the token does not carry them. */
    record Me(String id, String email, String name) {}
}
