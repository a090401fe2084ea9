package dev.tasks.api.list;

import dev.tasks.api.web.JsonBody;
import dev.tasks.api.web.StorableText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The body of {@code POST} and {@code PUT /api/{user_id}/lists…}: {@code {"name"}}, 1 to 100 characters trimmed. */
@Schema(name = "ListBody", requiredProperties = "name")
record ListName(
        @Schema(minLength = 1, maxLength = MAX_LENGTH, description = "trimmed; 1 to 100 characters")
        String name) {

    static final int MAX_LENGTH = 100;
    static final String NAME = "name";

    static ListName read(JsonNode body) {
        JsonBody json = JsonBody.of(body, List.of(NAME));
        String name = json.string(NAME);
        if (name == null && !json.hasProblem(NAME)) {
            json.problem(NAME, json.has(NAME) ? "must not be null" : "is required");
        }
        if (name != null) {
            name = name.strip();
            if (name.isEmpty()) {
                json.problem(NAME, "must not be blank");
            } else if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
                json.problem(NAME, "must be at most " + MAX_LENGTH + " characters");
            } else if (!StorableText.storable(name)) {
                json.problem(NAME, "must not contain NUL characters or broken Unicode");
            }
        }
        json.requireValid();
        return new ListName(name);
    }
}
