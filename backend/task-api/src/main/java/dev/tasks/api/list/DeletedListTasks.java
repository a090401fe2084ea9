package dev.tasks.api.list;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What deleting a list does with its tasks ({@code ?tasks=…}, SPEC 1.7). The OpenAPI document's
 * values for the parameter come from here (through {@link JsonValue}), so the web app's generated
 * type cannot drift from what the route accepts.
 */
enum DeletedListTasks {
    /** Moved to the Inbox: the default. */
    INBOX,
    /** Deleted with the list. */
    DELETE;

    @JsonValue
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<DeletedListTasks> of(String parameter) {
        return Arrays.stream(values())
                .filter(value -> value.parameter().equals(parameter))
                .findFirst();
    }
}
