package dev.tasks.api.owned;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Resource ids in paths, and the one 404 for a resource that is missing or another owner's. */
public final class OwnedIds {

    private OwnedIds() {}

    /** Ids are positive 64-bit numbers; anything else names no resource (404, like a missing one). */
    public static Optional<Long> parse(String id) {
        if (!id.matches("[0-9]{1,19}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Missing and someone else's look the same: 404, never 403, so ids reveal nothing. */
    public static <T> T found(Optional<T> value, String noun, String id) {
        return value.orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND,
                id.matches("[0-9]{1,19}")
                        ? noun + " " + id + " was not found."
                        : noun + " ids are numbers; none has this one."));
    }
}
