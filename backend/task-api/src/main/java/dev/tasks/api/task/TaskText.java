package dev.tasks.api.task;

import dev.tasks.api.web.JsonBody;
import dev.tasks.api.web.StorableText;

/** The rules for a task's text fields, shared by creation and update. */
final class TaskText {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;

    private TaskText() {}

    /** Notes what is wrong with a (present, non-null) title in {@code body}; returns it trimmed. */
    static String title(String title, JsonBody body) {
        String trimmed = title.strip();
        if (trimmed.isEmpty()) {
            body.problem("title", "must not be blank");
        } else if (trimmed.codePointCount(0, trimmed.length()) > TITLE_MAX) {
            body.problem("title", "must be at most " + TITLE_MAX + " characters");
        } else if (!storable(trimmed)) {
            body.problem("title", "must not contain NUL characters or broken Unicode");
        }
        return trimmed;
    }

    static void description(String description, JsonBody body) {
        if (description.codePointCount(0, description.length()) > DESCRIPTION_MAX) {
            body.problem("description", "must be at most " + DESCRIPTION_MAX + " characters");
        } else if (!storable(description)) {
            body.problem("description", "must not contain NUL characters or broken Unicode");
        }
    }

    static boolean storable(String text) {
        return StorableText.storable(text);
    }
}
