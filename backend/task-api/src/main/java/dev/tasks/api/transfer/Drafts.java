package dev.tasks.api.transfer;

import dev.tasks.api.list.ListsByName;
import dev.tasks.api.problem.FieldProblem;
import dev.tasks.api.problem.InvalidRequestException;
import dev.tasks.api.task.TaskDraft;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The API's own rules applied to a file's rows, each failure named by its line. */
final class Drafts {

    private Drafts() {}

    /** The task in {@code fields} (shaped like a POST body), or a 422 naming the line and the fields. */
    static TaskDraft read(long line, ObjectNode fields) {
        try {
            return TaskDraft.read(fields);
        } catch (InvalidRequestException e) {
            throw ImportProblem.at(line, problems(e));
        }
    }

    /** A list name, trimmed; null or blank: none (the Inbox). */
    static String listName(long line, String field, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return ListsByName.name(name);
        } catch (IllegalArgumentException e) {
            throw ImportProblem.at(line, field, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> problems(InvalidRequestException e) {
        Object errors = e.getBody().getProperties() == null
                ? null
                : e.getBody().getProperties().get("errors");
        return errors instanceof List<?> list
                ? (List<FieldProblem>) list
                : List.of(new FieldProblem("task", e.getBody().getDetail()));
    }
}
